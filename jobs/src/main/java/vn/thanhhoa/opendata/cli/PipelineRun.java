package vn.thanhhoa.opendata.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.Checkpoint;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Sparks;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.Ingest;
import vn.thanhhoa.opendata.ingest.SourceReport;
import vn.thanhhoa.opendata.publish.Feed;
import vn.thanhhoa.opendata.publish.Release;
import vn.thanhhoa.opendata.publish.ReleaseValidator;
import vn.thanhhoa.opendata.publish.Releases;
import vn.thanhhoa.opendata.publish.RunLock;
import vn.thanhhoa.opendata.publish.RunReport;
import vn.thanhhoa.opendata.transform.Build;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/**
 * One run of the pipeline: everything checked before Spark starts (configuration, schemas, unit
 * lists, landing folders), then the stages, with the run report kept up to date.
 */
final class PipelineRun implements AutoCloseable {
  final PipelineConfig config;
  final Layout layout;
  final Store store;
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

  /** Set when this run republished an earlier release's datasets (a rollback). */
  private String restored;

  java.util.Set<String> changed = java.util.Set.of();
  private final PublishedState state;

  /**
   * Whether the published release was in step with the staging tables when this run's ingest began.
   */
  private Boolean inStepBeforeIngest;

  private PipelineRun(
      String command,
      PipelineConfig config,
      Store store,
      List<SourceSchema> sources,
      Console console) {
    this.config = config;
    this.layout = new Layout(config.output());
    this.store = store;
    this.sources = sources;
    this.units = AdminUnits.load(config.adminUnits());
    this.catalog = DatasetCatalog.load(config.datasets(), config.schemas());
    this.console = console;
    this.runId = layout.newRunId(startedAt, store);
    this.report = new RunReport(runId, command, startedAt, config.input(), config.output());
    this.state = new PublishedState(config, layout, store);
  }

  /**
   * Checks everything a run needs; a problem is a {@link ConfigException} (exit 2).
   *
   * @param only the sources to run, or empty for all configured sources
   */
  static PipelineRun prepare(
      String command, CommonOptions options, List<String> only, Console console) {
    return prepare(command, options, only, console, Optional.empty());
  }

  /** As {@link #prepare(String, CommonOptions, List, Console)}, then takes the run lock. */
  static PipelineRun prepare(
      String command, CommonOptions options, List<String> only, Console console, boolean wait) {
    return prepare(command, options, only, console, Optional.of(wait));
  }

  /** With a lock ({@code wait} present), the run id is chosen once the lock is held. */
  private static PipelineRun prepare(
      String command,
      CommonOptions options,
      List<String> only,
      Console console,
      Optional<Boolean> wait) {
    Logging.verbose(options.verbose);
    PipelineConfig config = options.config();
    for (String name : only) {
      if (!config.sources().contains(name)) {
        throw new ConfigException(
            "--source: unknown source '"
                + name
                + "'; known: "
                + String.join(", ", config.sources()));
      }
    }
    Store store = outputStore(config);
    List<String> names = only.isEmpty() ? config.sources() : only;
    List<SourceSchema> schemas =
        names.stream().map(n -> SourceSchema.load(config.schemas(), n)).toList();
    if (command.equals("nightly") || command.equals("ingest") || command.equals("backfill")) {
      for (String name : names) {
        requireFolder(config.input(), name);
      }
    }
    RunLock lock =
        wait.isEmpty()
            ? null
            : RunLock.acquire(
                store, new Layout(config.output()).state(), command, wait.get(), console::progress);
    try {
      PipelineRun run = new PipelineRun(command, config, store, schemas, console);
      run.lock = lock;
      return run;
    } catch (RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
  }

  /** The output's filesystem; an unknown scheme or unreachable store is a configuration error. */
  static Store outputStore(PipelineConfig config) {
    try {
      return Store.at(config.output(), Store.configuration(Sparks.settings(config)))
          .requireAtomicReplace(config.output());
    } catch (RuntimeException e) {
      throw new ConfigException(
          "output: cannot open " + config.output() + ": " + PipelineCommand.describe(e));
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

  /**
   * Ingests every source: only new landing files unless {@code full} (or a file or schema changed).
   */
  List<Ingest.Outcome> ingest(boolean full) {
    inStepBeforeIngest = state.inStep();
    long start = System.nanoTime();
    Ingest ingest = new Ingest(spark(), units, config.input(), layout, store, this::verifyLock);
    List<Ingest.Outcome> outcomes =
        ingest.run(
            sources,
            runId,
            full,
            o -> {
              console.ingested(o);
              report.add(
                  o.report(), o.change().name().toLowerCase(java.util.Locale.ROOT), o.filesRead());
            });
    report.stage("ingest", seconds(start), outcomes.stream().mapToLong(o -> o.filesRead()).sum());
    return outcomes;
  }

  static List<SourceReport> reports(List<Ingest.Outcome> outcomes) {
    return outcomes.stream().map(Ingest.Outcome::report).toList();
  }

  /**
   * What to build after an ingest: nothing when no source and no configuration changed and the
   * published release is in step with the staging tables; otherwise the datasets built from the
   * changed sources, limited to the months the new rows touched when only new files arrived;
   * everything after a full ingest, a configuration change, on an empty output, or when the
   * published release was out of step before this run (see {@link PublishedState}). After a
   * rollback: nothing while nothing changes, then everything.
   */
  Optional<Build.Selection> plan(List<Ingest.Outcome> outcomes, boolean full) {
    List<Ingest.Outcome> changed =
        outcomes.stream().filter(o -> o.change() != Ingest.Change.UNCHANGED).toList();
    boolean published = currentRelease().isPresent();
    if (published && !full && changed.isEmpty() && state.rollbackHolds()) {
      return Optional.empty(); // a rollback holds until landing files or the configuration change
    }
    if (full || !published || !inStepBeforeIngest() || state.configurationChanged()) {
      return Optional.of(Build.Selection.ALL);
    }
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    java.util.Set<String> sourcesChanged = new java.util.TreeSet<>();
    changed.forEach(o -> sourcesChanged.add(o.report().source()));
    List<String> datasets =
        catalog.datasets().stream()
            .filter(d -> d.sources().stream().anyMatch(sourcesChanged::contains))
            .map(d -> d.name())
            .toList();
    if (changed.stream().allMatch(o -> o.change() == Ingest.Change.NEW_FILES)) {
      List<String> touched =
          changed.stream().flatMap(o -> o.touchedPeriods().stream()).sorted().toList();
      if (!touched.isEmpty()) {
        return Optional.of(
            new Build.Selection(datasets, touched.get(0), touched.get(touched.size() - 1)));
      }
    }
    return Optional.of(new Build.Selection(datasets, null, null));
  }

  /**
   * The selection of a back-fill or a build, as asked, while the published release is in step with
   * the staging tables; otherwise everything, since the rest of that release cannot be kept.
   */
  Build.Selection keepingInStep(Build.Selection asked) {
    if (asked.equals(Build.Selection.ALL) || state.inStep() || currentRelease().isEmpty()) {
      return asked;
    }
    console.progress(
        "the published release was not made from the staging tables as they are now (a rollback, an "
            + "ingest without a build, or a changed landing file): rebuilding every dataset over the whole range");
    return Build.Selection.ALL;
  }

  private boolean inStepBeforeIngest() {
    return inStepBeforeIngest != null ? inStepBeforeIngest : state.inStep();
  }

  /**
   * Builds the datasets into a new release, writes its metadata, validates it, and only then writes
   * its run report and switches {@code current} to it. A release that fails validation is not
   * published; its report says why.
   */
  Release buildAndPublish(Build.Selection selection, List<SourceReport> ingested) {
    Optional<String> previous = currentRelease();
    Release release = Release.create(store, layout, runId);
    Datasets recorder = new Datasets(previous);
    long buildStart = System.nanoTime();
    List<DatasetFiles.Written> written =
        new Build(spark(), units, catalog, layout, store, sources)
            .run(release.folder(), previous, selection, ingested, recorder::add);
    report.stage(
        "build", seconds(buildStart), written.stream().mapToLong(DatasetFiles.Written::rows).sum());
    return publish(release, recorder, previous);
  }

  /**
   * Publishes the datasets of an earlier release again, as a new release: harvesters then see the
   * restored packages as modified now, not as the older release's times, which they would skip.
   * Nothing is rebuilt, and Spark is not started.
   */
  Release restore(Releases.Info target) {
    Optional<String> previous = currentRelease();
    String from = layout.release(target.id());
    java.util.Map<String, Long> rows = RunReport.datasetRows(store, from);
    Release release = Release.create(store, layout, runId);
    Datasets recorder = new Datasets(previous);
    long start = System.nanoTime();
    for (vn.thanhhoa.opendata.core.DatasetSpec spec : catalog.datasets()) {
      Long n = rows.get(spec.name());
      if (n == null) {
        throw new IllegalStateException(
            "release " + target.id() + " has no dataset " + spec.name() + " in its run report");
      }
      recorder.add(
          DatasetFiles.copy(
              store,
              spec.name(),
              n,
              from + "/datasets/" + spec.name(),
              release.folder() + "/datasets/" + spec.name()));
    }
    // The release whose data this is, through any earlier rollback, so that rolling back again
    // goes before it and never to the release a rollback withdrew.
    String original = target.restores() != null ? target.restores() : target.id();
    report.put("restores", original);
    restored = original;
    report.stage(
        "copy",
        seconds(start),
        recorder.written.stream().mapToLong(DatasetFiles.Written::rows).sum());
    return publish(release, recorder, previous);
  }

  /** The datasets of the release being made, each compared with the published one. */
  private final class Datasets {
    final java.util.Map<String, String> before;
    final List<DatasetFiles.Written> written = new java.util.ArrayList<>();
    final java.util.Set<String> changed = new java.util.TreeSet<>();

    Datasets(Optional<String> previous) {
      this.before = RunReport.datasetHashes(store, previous);
    }

    void add(DatasetFiles.Written w) {
      boolean isChanged = !w.sha256().equals(before.get(w.name()));
      if (isChanged) {
        changed.add(w.name());
      }
      written.add(w);
      console.built(w, isChanged);
      report.add(w, isChanged);
    }
  }

  private Release publish(Release release, Datasets recorder, Optional<String> previous) {
    this.written = recorder.written;
    this.changed = recorder.changed;
    long publishStart = System.nanoTime();
    Checkpoint.reach(Checkpoint.DATASETS_WRITTEN);
    // Stamped when written, not when the run started: a harvest between the two would miss it.
    new Feed(catalog, config.portal(), store)
        .write(release.folder(), written, previous, Instant.now());
    Checkpoint.reach(Checkpoint.FEED_WRITTEN);
    console.progress("validating release " + release.id());
    List<String> problems =
        new ReleaseValidator(config.schemas()).validate(store, release.folder());
    if (!problems.isEmpty()) {
      report.put("validation", problems);
      report.finish("rejected", Instant.now(), problems.size() + " validation problem(s)");
      report.write(store, release.folder() + "/run-report.json");
      throw new IllegalStateException(
          "Cannot publish release "
              + release.id()
              + ": "
              + problems.size()
              + " validation problem(s), first: "
              + problems.get(0));
    }
    Checkpoint.reach(Checkpoint.VALIDATED);
    verifyLock(); // a lease taken over by another run: that run publishes, not this one
    report.put("validation", "passed");
    report.stage("publish", seconds(publishStart), written.size());
    report.finish("published", Instant.now(), null);
    report.write(store, release.folder() + "/run-report.json");
    Checkpoint.reach(Checkpoint.REPORT_WRITTEN);
    release.publish();
    Checkpoint.reach(Checkpoint.SWITCHED);
    console.progress("published release " + release.id() + " (" + written.size() + " datasets)");
    afterPublishing();
    return release;
  }

  /**
   * Throws unless this run still holds its lock (a lease on HDFS or an object store can be lost).
   */
  void verifyLock() {
    if (lock != null) {
      lock.verify();
    }
  }

  /**
   * Housekeeping once current has switched: its failure must not turn a published run into a failed
   * one.
   */
  private void afterPublishing() {
    try {
      record("published", null);
      // After a rollback the staging tables still hold what was withdrawn: the next run that
      // has anything to build rebuilds everything (see plan), and one with nothing new keeps it.
      state.published(Optional.ofNullable(restored));
      verifyLock();
      List<String> removed = new Releases(store, layout).prune(config.keepReleases());
      if (!removed.isEmpty()) {
        console.progress("removed old or incomplete releases " + removed);
      }
    } catch (RuntimeException e) {
      console.error(
          "warning: the release is published, but housekeeping failed: "
              + PipelineCommand.describe(e));
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** The folder of the published release, if any. */
  Optional<String> currentRelease() {
    return new Releases(store, layout).current();
  }

  /** Records a finished or failed run in {@code state/runs/}. */
  void record(String status, String error) {
    report.finish(status, Instant.now(), error);
    report.write(store, layout.runReport(runId));
  }

  @Override
  public void close() {
    try {
      if (spark != null && ownsSpark) {
        spark.stop();
      }
    } finally {
      if (lock != null) {
        lock.close();
        lock = null;
      }
    }
  }
}
