package vn.thanhhoa.opendata.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;

/**
 * The output folder's layout (datasets.md): harvesters, {@code serve} and operators rely on these
 * paths, so they are named in this one place.
 */
public record Layout(String root) {
  public Layout {
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String releases() {
    return root + "/releases";
  }

  public String release(String releaseId) {
    return releases() + "/" + releaseId;
  }

  /** The published release on a local disk: a symbolic link switched atomically. */
  public String current() {
    return root + "/current";
  }

  /**
   * The published release where there are no symbolic links (HDFS, object stores): a small JSON
   * file naming it, written last and whole.
   */
  public String pointer() {
    return root + "/current.json";
  }

  /** The rows a run put aside, one folder per source. */
  public String quarantine(String runId) {
    return root + "/quarantine/" + runId;
  }

  public String quarantine(String runId, String source) {
    return quarantine(runId) + "/" + source;
  }

  /** Typed staging tables: internal, never published. */
  public String staging(String source) {
    return root + "/staging/" + source;
  }

  public String state() {
    return root + "/state";
  }

  /**
   * Run ids in the order runs started: the time, then the number after it ({@code -2} before {@code
   * -10}).
   */
  public static final Comparator<String> RUN_ORDER =
      Comparator.comparing(Layout::stamp).thenComparingLong(Layout::number);

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * A new run id from the run's start (UTC, second precision), unique in this output folder and
   * later than every release already in it, even when this machine's clock is behind the one that
   * made them: the newest release must be the newest id.
   */
  public String newRunId(Instant startedAt, Store store) {
    String id = RUN_ID.format(startedAt);
    Optional<String> newest = store.list(releases()).stream().max(RUN_ORDER);
    if (newest.isPresent() && RUN_ORDER.compare(id, newest.get()) <= 0) {
      id = next(newest.get());
    }
    while (isTaken(id, store)) {
      id = next(id);
    }
    return id;
  }

  private boolean isTaken(String runId, Store store) {
    return store.exists(release(runId))
        || store.exists(quarantine(runId))
        || store.exists(runReport(runId));
  }

  private static String next(String id) {
    return stamp(id) + "-" + (number(id) + 1);
  }

  private static String stamp(String id) {
    int dash = id.lastIndexOf('-');
    return dash > 0
            && id.substring(dash + 1).chars().allMatch(Character::isDigit)
            && dash < id.length() - 1
        ? id.substring(0, dash)
        : id;
  }

  private static long number(String id) {
    String stamp = stamp(id);
    return stamp.length() == id.length() ? 0 : Long.parseLong(id.substring(stamp.length() + 1));
  }

  /** Every run's report, kept for operators whether or not the run published. */
  public String runReport(String runId) {
    return state() + "/runs/" + runId + ".json";
  }
}
