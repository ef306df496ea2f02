package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.thanhhoa.opendata.build.Build;
import vn.thanhhoa.opendata.ingest.SourceReport;
import vn.thanhhoa.opendata.publish.Release;

@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Run every stage: ingest all sources, build the six datasets into a new release "
          + "(<output>/releases/<run-id>/) and point <output>/current at it.",
      "Exit codes: 0 published; 1 failed, nothing published; 2 usage or configuration error; "
          + "75 another run holds the lock."
    })
final class NightlyCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin LockOptions lock;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    try (PipelineRun run = PipelineRun.prepare("nightly", common, List.of(), console, lock.wait)) {
      return Runs.guarded(run, () -> {
        List<SourceReport> reports = run.ingest();
        Release release = run.buildAndPublish(Build.Selection.ALL, reports);
        console.summary("Run " + run.runId + " published: " + run.layout.current() + " -> releases/"
            + release.id(), reports, run.layout.root() + "/quarantine/" + run.runId);
        console.datasets(run.written, run.changed);
        return ExitCode.OK;
      });
    }
  }
}
