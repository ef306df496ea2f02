package vn.thanhhoa.opendata.core;

import java.util.function.Consumer;

/**
 * Named points of the publishing sequence. Setting the system property {@code pipeline.pauseAt} to
 * a point's name makes a run stop there until it is killed, once it has told the listener set by
 * {@link #onPause} (the command line prints {@code PAUSED AT <name>} on stderr): tests use it to
 * kill a run at exact moments and check that the published feed never breaks.
 */
public final class Checkpoint {
  public static final String DATASETS_WRITTEN = "datasets-written";
  public static final String FEED_WRITTEN = "feed-written";
  public static final String VALIDATED = "validated";
  public static final String REPORT_WRITTEN = "report-written";
  public static final String SWITCHED = "switched";

  /** Ingest: a source's old staging table moved aside, the new one not yet in its place. */
  public static final String STAGING_SWAP = "staging-swap";

  private static final String PAUSE_AT = "pipeline.pauseAt";

  private static volatile Consumer<String> pauseListener = name -> {};

  private Checkpoint() {}

  /** Who is told the name of the point where a run pauses, before it sleeps. */
  public static void onPause(Consumer<String> listener) {
    pauseListener = listener;
  }

  public static void reach(String name) {
    if (name.equals(System.getProperty(PAUSE_AT))) {
      pauseListener.accept(name);
      sleepUntilKilled();
    }
  }

  private static void sleepUntilKilled() {
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
