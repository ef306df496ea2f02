package vn.thanhhoa.opendata.cli;

import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.Sparks;

/** The run's Spark session, started when a stage first needs it: a rollback never does. */
final class LazySpark implements AutoCloseable {
  private final PipelineConfig config;
  private final Console console;
  private SparkSession session;
  private boolean owned;

  LazySpark(PipelineConfig config, Console console) {
    this.config = config;
    this.console = console;
  }

  /** The session, started on the first call (from any of the threads a stage runs on). */
  synchronized SparkSession session() {
    if (session == null) {
      console.progress("starting Spark");
      // A session that already exists (a test's, a notebook's) is used and left running.
      owned = SparkSession.getDefaultSession().isEmpty();
      session = Sparks.session(config);
    }
    // Outside a query, Spark takes its settings from the calling thread's active session (one
    // that threads inherit when they are made), else from defaults: whichever thread asks, main
    // included, gets the session as if Spark had been started on it.
    SparkSession.setActiveSession(session);
    return session;
  }

  /** Stops the session if this run started it. */
  @Override
  public synchronized void close() {
    if (session != null && owned) {
      session.stop();
    }
  }
}
