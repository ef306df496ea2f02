package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thanhhoa.opendata.ingest.Ingest;
import vn.thanhhoa.opendata.ingest.SourceReport;
import vn.thanhhoa.opendata.publish.Release;

@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Run every stage: ingest the new landing files, rebuild the datasets and months they affect "
          + "into a new release (<output>/releases/<run-id>/), validate it and point "
          + "<output>/current at it. With no new file and no configuration change, nothing is "
          + "published. Rows that break a rule go to <output>/quarantine/<run-id>/<source>/, the "
          + "run report to <output>/state/runs/<run-id>.json.",
      "Exit codes: 0 published; 1 failed, nothing published; 2 usage or configuration error; "
          + "75 another run holds the lock."
    })
final class NightlyCommand extends RunCommand {
  @Option(
      names = "--full",
      description =
          "Read every landing file and rebuild every dataset, whatever changed (by default only "
              + "new files are read and only the datasets and months they touch rebuilt).")
  boolean full;

  @Override
  boolean readsLanding() {
    return true;
  }

  @Override
  Callable<ExitCode> stages(PipelineRun run) {
    return () -> {
      List<Ingest.Outcome> outcomes = run.ingest(full);
      List<SourceReport> reports = PipelineRun.reports(outcomes);
      var plan = run.plan(outcomes, full);
      if (plan.isEmpty()) {
        run.record("unchanged", null);
        run.console.out(
            "Run "
                + run.runId
                + ": no new or changed landing file and no configuration change; "
                + "the published release stays "
                + run.currentRelease().orElse("no release")
                + " (nothing published)");
        return ExitCode.OK;
      }
      Release release = run.buildAndPublish(plan.get(), reports);
      run.console.summary(
          "Run "
              + run.runId
              + " published: "
              + run.layout.current()
              + " -> releases/"
              + release.id(),
          reports,
          run.layout.root() + "/quarantine/" + run.runId);
      run.console.datasets(run.written, run.changed);
      return ExitCode.OK;
    };
  }
}
