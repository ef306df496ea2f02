package vn.thanhhoa.opendata.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.thanhhoa.opendata.core.Checkpoint;
import vn.thanhhoa.opendata.publish.Feed;
import vn.thanhhoa.opendata.publish.Release;
import vn.thanhhoa.opendata.publish.ReleaseValidator;
import vn.thanhhoa.opendata.publish.RunReport;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/**
 * The last steps of a run that publishes: the release's metadata, its validation, its run report,
 * and only then the switch of {@code current} to it. A release that fails validation is not
 * published; its report says why.
 */
final class ReleaseSwitch {
  private final PipelineRun run;
  private final RunContext context;
  private final RunReport report;
  private final Release release;
  private final Optional<String> previous;

  ReleaseSwitch(PipelineRun run, Release release, Optional<String> previous) {
    this.run = run;
    this.context = run.context();
    this.report = run.report();
    this.release = release;
    this.previous = previous;
  }

  /** {@code restored}: the release whose datasets a rollback republishes, if this is one. */
  Publication publish(ReleaseContents contents, Optional<String> restored) {
    List<DatasetFiles.Written> written = contents.written();
    Stopwatch watch = Stopwatch.start();
    Checkpoint.reach(Checkpoint.DATASETS_WRITTEN);
    // Stamped when written, not when the run started: a harvest between the two would miss it.
    new Feed(context.catalog(), context.config().portal(), context.store())
        .write(release.folder(), written, previous, Instant.now());
    Checkpoint.reach(Checkpoint.FEED_WRITTEN);
    validate();
    Checkpoint.reach(Checkpoint.VALIDATED);
    run.verifyLock(); // a lease taken over by another run: that run publishes, not this one
    report.put("validation", "passed");
    report.stage("publish", watch.seconds(), written.size());
    report.finish("published", Instant.now(), null);
    report.write(context.store(), release.folder() + "/run-report.json");
    Checkpoint.reach(Checkpoint.REPORT_WRITTEN);
    release.publish();
    Checkpoint.reach(Checkpoint.SWITCHED);
    context
        .console()
        .progress("published release " + release.id() + " (" + written.size() + " datasets)");
    afterPublishing(restored);
    return contents.published(release.id());
  }

  private void validate() {
    context.console().progress("validating release " + release.id());
    List<String> problems =
        new ReleaseValidator(context.config().schemas())
            .validate(context.store(), release.folder());
    if (problems.isEmpty()) {
      return;
    }
    report.put("validation", problems);
    report.finish("rejected", Instant.now(), problems.size() + " validation problem(s)");
    report.write(context.store(), release.folder() + "/run-report.json");
    throw new IllegalStateException(
        "Cannot publish release "
            + release.id()
            + ": "
            + problems.size()
            + " validation problem(s), first: "
            + problems.get(0));
  }

  /**
   * Housekeeping once current has switched: its failure must not turn a published run into a failed
   * one.
   */
  private void afterPublishing(Optional<String> restored) {
    try {
      run.record("published", null);
      // After a rollback the staging tables still hold what was withdrawn: the next run that
      // has anything to build rebuilds everything (see RebuildPlanner), and one with nothing new
      // keeps it.
      run.state().published(restored);
      run.verifyLock();
      List<String> removed = context.releases().prune(context.config().keepReleases());
      if (!removed.isEmpty()) {
        context.console().progress("removed old or incomplete releases " + removed);
      }
    } catch (RuntimeException e) {
      context
          .console()
          .error(
              "warning: the release is published, but housekeeping failed: "
                  + Failures.describe(e));
    }
  }
}
