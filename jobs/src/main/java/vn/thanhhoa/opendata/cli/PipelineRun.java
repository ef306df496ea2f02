package vn.thanhhoa.opendata.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Sparks;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.Ingest;
import vn.thanhhoa.opendata.ingest.IngestPlan;
import vn.thanhhoa.opendata.publish.RunLock;
import vn.thanhhoa.opendata.publish.RunReport;

/**
 * One run of the pipeline: everything checked before Spark starts (configuration, schemas, unit
 * lists, landing folders), the run lock held throughout, and the run report kept up to date.
 */
final class PipelineRun implements AutoCloseable {
  /** Set by the launcher on the run that writes the class-data archive. */
  static final String ARCHIVING_CLASSES = "pipeline.archivingClasses";

  private final RunContext context;
  private final RunReport report;
  private final PublishedState state;
  private final RunLock lock;

  private PipelineRun(String command, RunContext context, Instant startedAt, RunLock lock) {
    this.context = context;
    PipelineConfig config = context.config();
    this.report =
        new RunReport(context.runId(), command, startedAt, config.input(), config.output());
    this.state = new PublishedState(config, context.layout(), context.store());
    this.lock = lock;
  }

  /**
   * Checks everything a run needs, then takes the run lock; a problem is a {@link ConfigException}
   * (exit 2). The run id is chosen once the lock is held.
   *
   * @param only the sources to run, or empty for all configured sources
   * @param readsLanding whether the run reads the landing folders, which must then exist
   */
  static PipelineRun prepare(
      String command,
      PipelineConfig config,
      List<String> only,
      boolean readsLanding,
      Console console,
      boolean wait) {
    Preflight.requireKnown(config, only);
    OutputFolder output = OutputFolder.open(config);
    List<SourceSchema> schemas = Preflight.schemas(config, only, readsLanding);
    RunLock lock =
        RunLock.acquire(output.store(), output.layout().state(), command, wait, console::progress);
    try {
      Instant startedAt = Instant.now();
      RunContext context = RunContext.create(config, output, schemas, console, startedAt);
      return new PipelineRun(command, context, startedAt, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  RunContext context() {
    return context;
  }

  String id() {
    return context.runId();
  }

  RunReport report() {
    return report;
  }

  PublishedState state() {
    return state;
  }

  /**
   * Runs the stages; a failure is recorded in the run's report and thrown as the run's failure,
   * except a lost lock, which another run now holds.
   */
  ExitCode guarded(Callable<ExitCode> stages) {
    try {
      return stages.call();
    } catch (RunLock.Held e) {
      throw e;
    } catch (Exception e) {
      String why = Failures.describe(e);
      try {
        record("failed", why);
      } catch (RuntimeException ignored) {
        // the output folder itself may be what failed; the message already says why
      }
      throw new RunFailed("run " + id() + " failed, nothing was published: " + why, e);
    }
  }

  /**
   * Ingests every source: only new landing files unless {@code full} (or a file or schema changed).
   */
  Ingested ingest(boolean full) {
    if (Boolean.getBoolean(ARCHIVING_CLASSES)) {
      context.spark().session(); // Spark's classes belong in the archive even on a quiet night
    }
    boolean wasInStep = state.inStep();
    Stopwatch watch = Stopwatch.start();
    Ingest ingest =
        new Ingest(
            context.spark()::session,
            landingConfiguration(),
            context.units(),
            context.config().input(),
            context.layout(),
            context.store(),
            this::verifyLock);
    List<Ingest.Outcome> outcomes = ingest.run(context.sources(), id(), full, this::ingested);
    report.stage("ingest", watch.seconds(), outcomes.stream().mapToLong(o -> o.filesRead()).sum());
    return new Ingested(outcomes, wasInStep);
  }

  /**
   * The landing bytes this run will read, known before it starts Spark: those its ingest reads, or
   * every landing file's when it rebuilds everything (the build then reads all the staging tables
   * they make). After a rollback that is every file's too, though a night with nothing new then
   * reads none: an estimate for the compiler, never wrong on the low side.
   */
  long landingBytesToRead(boolean full) {
    IngestPlan plan =
        new IngestPlan(
            context.units(),
            context.config().input(),
            context.layout(),
            context.store(),
            landingConfiguration());
    boolean everything = planner().rebuildsEverything(full, state.inStep());
    return plan.bytesToRead(context.sources(), full || everything);
  }

  /** What the landing folders are listed with: the output's settings, no Spark needed. */
  private Configuration landingConfiguration() {
    return Store.configuration(Sparks.settings(context.config()));
  }

  private void ingested(Ingest.Outcome o) {
    context.console().ingested(o);
    report.add(o.report(), o.change().name().toLowerCase(Locale.ROOT), o.filesRead());
  }

  RebuildPlanner planner() {
    return new RebuildPlanner(context, state);
  }

  Publisher publisher() {
    return new Publisher(this);
  }

  /** The line that ends a published run's output: {@code what} it did, and what is current now. */
  String headline(String what, Publication publication) {
    return "Run "
        + id()
        + " "
        + what
        + ": "
        + context.layout().current()
        + " -> releases/"
        + publication.releaseId();
  }

  /** Where this run put the rows that broke a rule. */
  String quarantine() {
    return context.layout().quarantine(id());
  }

  /**
   * Throws unless this run still holds its lock (a lease on HDFS or an object store can be lost).
   */
  void verifyLock() {
    lock.verify();
  }

  /** Records a finished or failed run in {@code state/runs/}. */
  void record(String status, String error) {
    report.finish(status, Instant.now(), error);
    report.write(context.store(), context.layout().runReport(id()));
  }

  @Override
  public void close() {
    try {
      context.spark().close();
    } finally {
      lock.close();
    }
  }
}
