package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thanhhoa.opendata.transform.Build;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description =
        "Read every landing file again and rebuild the months --from..--to of every dataset (the "
            + "other months are kept from the current release), then validate and publish. For "
            + "history that arrived late.")
final class BackfillCommand extends RunCommand {
  private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

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

  BackfillCommand() {
    super(true);
  }

  @Override
  void validate() {
    if (!from.matches(MONTH) || !to.matches(MONTH) || from.compareTo(to) > 0) {
      throw usage("--from and --to: months YYYY-MM with --from <= --to");
    }
  }

  @Override
  Callable<ExitCode> stages(PipelineRun run) {
    return () -> {
      Ingested ingested = run.ingest(true);
      Build.Selection asked = new Build.Selection(List.of(), from, to);
      Publication published =
          run.publisher().build(run.planner().keepingInStep(asked), ingested.reports());
      Console console = run.context().console();
      console.out(run.headline("back-filled " + from + ".." + to, published));
      console.datasets(published);
      return ExitCode.OK;
    };
  }
}
