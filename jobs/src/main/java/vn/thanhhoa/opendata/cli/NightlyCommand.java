package vn.thanhhoa.opendata.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thanhhoa.opendata.transform.Build;

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

  NightlyCommand() {
    super(true);
  }

  @Override
  Callable<ExitCode> stages(PipelineRun run) {
    return () -> {
      if (CompilerChoice.wantsOptimising(run, full)) {
        return ExitCode.RESTART;
      }
      Ingested ingested = run.ingest(full);
      Optional<Build.Selection> plan = run.planner().afterIngest(ingested, full);
      if (plan.isEmpty()) {
        return unchanged(run);
      }
      Publication published = run.publisher().build(plan.get(), ingested.reports());
      Console console = run.context().console();
      console.summary(run.headline("published", published), ingested.reports(), run.quarantine());
      console.datasets(published);
      return ExitCode.OK;
    };
  }

  private static ExitCode unchanged(PipelineRun run) {
    run.record("unchanged", null);
    run.context()
        .console()
        .out(
            "Run "
                + run.id()
                + ": no new or changed landing file and no configuration change; "
                + "the published release stays "
                + run.context().currentRelease().orElse("no release")
                + " (nothing published)");
    return ExitCode.OK;
  }
}
