package vn.thanhhoa.opendata.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import java.util.Optional;
import vn.thanhhoa.opendata.build.Build;
import vn.thanhhoa.opendata.build.DatasetFiles;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Sparks;
import vn.thanhhoa.opendata.ingest.Ingest;
import vn.thanhhoa.opendata.ingest.SourceReport;
import vn.thanhhoa.opendata.publish.Checkpoint;
import vn.thanhhoa.opendata.publish.Feed;
import vn.thanhhoa.opendata.publish.Release;
import vn.thanhhoa.opendata.publish.ReleaseValidator;
import vn.thanhhoa.opendata.publish.Releases;
import vn.thanhhoa.opendata.publish.RunLock;
import vn.thanhhoa.opendata.publish.RunReport;

/**
 * One run of the pipeline: everything checked before Spark starts (configuration, schemas,
 * unit lists, landing folders), then the stages, with the run report kept up to date.
 */
final class PipelineRun implements AutoCloseable {
  final PipelineConfig config;
  final Layout layout;
  final List<SourceSchema> sources;
  final AdminUnits units;
  final DatasetCatalog catalog;
  final Instant startedAt = Instant.now();
  final String runId;
  final RunReport report;
  final Console console;
  private SparkSession spark;
  private boolean ownsSpark;
  private RunLock lock;
  /** What the last build wrote, and which of those datasets changed. */
  List<DatasetFiles.Written> written = List.of();
  java.util.Set<String> changed = java.util.Set.of();

  private PipelineRun(String command, PipelineConfig config, List<SourceSchema> sources, Console console) {
    this.config = config;
    this.layout = new Layout(config.output());
    this.sources = sources;
    this.units = AdminUnits.load(config.adminUnits());
    this.catalog = DatasetCatalog.load(config.datasets(), config.schemas());
    this.console = console;
    this.runId = layout.newRunId(startedAt);
    this.report = new RunReport(runId, command, startedAt, config.input(), config.output());
  }

  /**
   * Checks everything a run needs; a problem is a {@link ConfigException} (exit 2).
   *
   * @param only the sources to run, or empty for all configured sources
   */
  static PipelineRun prepare(String command, CommonOptions options, List<String> only, Console console) {
    return prepare(command, options, only, console, Optional.empty());
  }

  /** As {@link #prepare(String, CommonOptions, List, Console)}, then takes the run lock. */
  static PipelineRun prepare(String command, CommonOptions options, List<String> only, Console console, boolean wait) {
    return prepare(command, options, only, console, Optional.of(wait));
  }

  /** With a lock ({@code wait} present), the run id is chosen once the lock is held. */
  private static PipelineRun prepare(String command, CommonOptions options, List<String> only, Console console,
      Optional<Boolean> wait) {
    Logging.verbose(options.verbose);
    PipelineConfig config = options.config();
    for (String name : only) {
      if (!config.sources().contains(name)) {
        throw new ConfigException("--source: unknown source '" + name + "'; known: "
            + String.join(", ", config.sources()));
      }
    }
    if (config.output().contains("://") || config.output().startsWith("file:")) {
      throw new ConfigException("output: only a local folder is supported so far (releases are switched with a "
          + "symbolic link): " + config.output());
    }
    List<String> names = only.isEmpty() ? config.sources() : only;
    List<SourceSchema> schemas = names.stream().map(n -> SourceSchema.load(config.schemas(), n)).toList();
    if (command.equals("nightly") || command.equals("ingest")) {
      for (String name : names) {
        requireFolder(config.input(), name);
      }
    }
    RunLock lock = wait.isEmpty() ? null
        : RunLock.acquire(Paths.get(new Layout(config.output()).state()), command, wait.get(), console::progress);
    try {
      PipelineRun run = new PipelineRun(command, config, schemas, console);
      run.lock = lock;
      return run;
    } catch (RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
  }

  private static void requireFolder(String input, String source) {
    if (input.contains("://")) {
      return; // a remote filesystem is checked when Spark lists it
    }
    Path folder = Paths.get(input.startsWith("file:") ? input.substring(5) : input, source);
    if (!Files.isDirectory(folder)) {
      throw new ConfigException("input: landing folder not found: " + folder);
    }
  }

  SparkSession spark() {
    if (spark == null) {
      console.progress("starting Spark");
      // A session that already exists (a test's, a notebook's) is used and left running.
      ownsSpark = SparkSession.getDefaultSession().isEmpty();
      spark = Sparks.session(config);
    }
    return spark;
  }

  List<SourceReport> ingest() {
    long start = System.nanoTime();
    Ingest ingest = new Ingest(spark(), units, config.input(), layout);
    List<SourceReport> reports = ingest.run(sources, runId, r -> {
      console.ingested(r);
      report.add(r);
    });
    report.stage("ingest", seconds(start), reports.stream().mapToLong(SourceReport::rowsRead).sum());
    return reports;
  }

  /**
   * Builds the datasets into a new release, writes its metadata, validates it, and only then
   * writes its run report and switches {@code current} to it. A release that fails validation
   * is not published; its report says why.
   */
  Release buildAndPublish(Build.Selection selection, List<SourceReport> ingested) {
    Optional<Path> previous = currentRelease();
    java.util.Map<String, String> before = RunReport.datasetHashes(previous);
    Release release = Release.create(layout, runId);
    java.util.Set<String> changedNames = new java.util.TreeSet<>();
    long buildStart = System.nanoTime();
    List<DatasetFiles.Written> written = new Build(spark(), units, catalog, layout, sources)
        .run(release.folder(), previous, selection, ingested, w -> {
          boolean changed = !w.sha256().equals(before.get(w.name()));
          if (changed) {
            changedNames.add(w.name());
          }
          console.built(w, changed);
          report.add(w, changed);
        });
    this.written = written;
    this.changed = changedNames;
    report.stage("build", seconds(buildStart), written.stream().mapToLong(DatasetFiles.Written::rows).sum());
    long publishStart = System.nanoTime();
    Checkpoint.reach(Checkpoint.DATASETS_WRITTEN);
    // Stamped when written, not when the run started: a harvest between the two would miss it.
    new Feed(catalog, config.portal()).write(release.folder(), written, previous, Instant.now());
    Checkpoint.reach(Checkpoint.FEED_WRITTEN);
    console.progress("validating release " + release.id());
    List<String> problems = new ReleaseValidator(config.schemas()).validate(release.folder());
    if (!problems.isEmpty()) {
      report.put("validation", problems);
      report.finish("rejected", Instant.now(), problems.size() + " validation problem(s)");
      report.write(release.folder().resolve("run-report.json"));
      throw new IllegalStateException("Cannot publish release " + release.id() + ": " + problems.size()
          + " validation problem(s), first: " + problems.get(0));
    }
    Checkpoint.reach(Checkpoint.VALIDATED);
    report.put("validation", "passed");
    report.stage("publish", seconds(publishStart), written.size());
    report.finish("published", Instant.now(), null);
    report.write(release.folder().resolve("run-report.json"));
    Checkpoint.reach(Checkpoint.REPORT_WRITTEN);
    release.publish();
    Checkpoint.reach(Checkpoint.SWITCHED);
    console.progress("published release " + release.id() + " (" + written.size() + " datasets)");
    afterPublishing();
    return release;
  }

  /** Housekeeping once current has switched: its failure must not turn a published run into a failed one. */
  private void afterPublishing() {
    try {
      record("published", null);
      List<String> removed = new Releases(layout).prune(config.keepReleases());
      if (!removed.isEmpty()) {
        console.progress("removed old or incomplete releases " + removed);
      }
    } catch (RuntimeException e) {
      console.error("warning: the release is published, but housekeeping failed: " + PipelineCommand.describe(e));
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** The release {@code current} points at, if any. */
  Optional<Path> currentRelease() {
    Path current = Paths.get(layout.current());
    try {
      return Files.exists(current) ? Optional.of(current.toRealPath()) : Optional.empty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read " + current, e);
    }
  }

  /** Records a finished or failed run in {@code state/runs/}. */
  void record(String status, String error) {
    report.finish(status, Instant.now(), error);
    report.write(Paths.get(layout.runReport(runId)));
  }

  @Override
  public void close() {
    if (spark != null && ownsSpark) {
      spark.stop();
    }
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }
}
