package vn.thanhhoa.opendata.core;

/**
 * Named points of the publishing sequence. Setting the system property {@code pipeline.pauseAt} to
 * a point's name makes a run stop there (printing {@code PAUSED AT <name>} on stderr) until it is
 * killed: tests use it to kill a run at exact moments and check that the published feed never
 * breaks.
 */
public final class Checkpoint {
  public static final String DATASETS_WRITTEN = "datasets-written";
  public static final String FEED_WRITTEN = "feed-written";
  public static final String VALIDATED = "validated";
  public static final String REPORT_WRITTEN = "report-written";
  public static final String SWITCHED = "switched";

  /** Ingest: a source's old staging table moved aside, the new one not yet in its place. */
  public static final String STAGING_SWAP = "staging-swap";

  private Checkpoint() {}

  public static void reach(String name) {
    if (name.equals(System.getProperty("pipeline.pauseAt"))) {
      System.err.println("PAUSED AT " + name);
      System.err.flush();
      while (true) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
