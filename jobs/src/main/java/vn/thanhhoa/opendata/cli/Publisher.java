package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.Optional;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.publish.Release;
import vn.thanhhoa.opendata.publish.Releases;
import vn.thanhhoa.opendata.transform.Build;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/**
 * Makes a new release, by building its datasets or by copying an earlier release's, and hands it to
 * {@link ReleaseSwitch}, which publishes it only once it validates.
 */
final class Publisher {
  private final PipelineRun run;
  private final RunContext context;

  Publisher(PipelineRun run) {
    this.run = run;
    this.context = run.context();
  }

  /**
   * Builds the selected datasets into a new release (carrying the others over) and publishes it.
   */
  Publication build(Build.Selection selection, List<SourceReport> ingested) {
    Optional<String> previous = context.currentRelease();
    Release release = Release.create(context.store(), context.layout(), context.runId());
    ReleaseContents contents = contents(previous);
    Stopwatch watch = Stopwatch.start();
    List<DatasetFiles.Written> written =
        new Build(
                context.spark().session(),
                context.units(),
                context.catalog(),
                context.layout(),
                context.store(),
                context.sources())
            .run(
                release.folder(),
                previous,
                contents.recorded(),
                selection,
                ingested,
                contents::add);
    run.report().stage("build", watch.seconds(), rows(written));
    return new ReleaseSwitch(run, release, previous).publish(contents, Optional.empty());
  }

  /**
   * Publishes the datasets of an earlier release again, as a new release: harvesters then see the
   * restored packages as modified now, not as the older release's times, which they would skip.
   * Nothing is rebuilt, and Spark is not started.
   */
  Publication restore(Releases.Info target) {
    Optional<String> previous = context.currentRelease();
    String from = context.layout().release(target.id());
    Release release = Release.create(context.store(), context.layout(), context.runId());
    ReleaseContents contents = contents(previous);
    Stopwatch watch = Stopwatch.start();
    for (DatasetSpec spec : context.catalog().datasets()) {
      contents.add(copy(target, spec.name(), from, release));
    }
    // The release whose data this is, through any earlier rollback, so that rolling back again
    // goes before it and never to the release a rollback withdrew.
    String original = target.restores() != null ? target.restores() : target.id();
    run.report().put("restores", original);
    run.report().stage("copy", watch.seconds(), contents.rows());
    return new ReleaseSwitch(run, release, previous).publish(contents, Optional.of(original));
  }

  private DatasetFiles.Written copy(
      Releases.Info target, String name, String from, Release release) {
    String folder = from + "/datasets/" + name;
    if (!context.store().isDirectory(folder)) {
      throw new IllegalStateException("release " + target.id() + " has no dataset " + name);
    }
    return DatasetFiles.copy(context.store(), name, folder, release.folder() + "/datasets/" + name);
  }

  private ReleaseContents contents(Optional<String> previous) {
    return new ReleaseContents(context.store(), previous, context.console(), run.report());
  }

  private static long rows(List<DatasetFiles.Written> written) {
    return written.stream().mapToLong(DatasetFiles.Written::rows).sum();
  }
}
