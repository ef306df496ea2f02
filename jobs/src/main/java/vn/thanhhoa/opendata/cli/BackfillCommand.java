package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.publish.Release;
import vn.thanhhoa.opendata.transform.Build;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description =
        "Read every landing file again and rebuild the months --from..--to of every dataset (the other "
            + "months are kept from the current release), then validate and publish. For history that arrived late.")
final class BackfillCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin LockOptions lock;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM",
      description = "First month to rebuild.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Last month to rebuild.")
  String to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!from.matches("\\d{4}-(0[1-9]|1[0-2])")
        || !to.matches("\\d{4}-(0[1-9]|1[0-2])")
        || from.compareTo(to) > 0) {
      throw new ParameterException(
          spec.commandLine(), "--from and --to: months YYYY-MM with --from <= --to");
    }
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    try (PipelineRun run = PipelineRun.prepare("backfill", common, List.of(), console, lock.wait)) {
      return Runs.guarded(
          run,
          () -> {
            var reports = PipelineRun.reports(run.ingest(true));
            Release release =
                run.buildAndPublish(
                    run.keepingInStep(new Build.Selection(List.of(), from, to)), reports);
            console.out(
                "Run "
                    + run.runId
                    + " back-filled "
                    + from
                    + ".."
                    + to
                    + ": "
                    + run.layout.current()
                    + " -> releases/"
                    + release.id());
            console.datasets(run.written, run.changed);
            return ExitCode.OK;
          });
    }
  }
}
