package vn.thanhhoa.opendata.core;

/**
 * The output folder's layout (datasets.md): harvesters, {@code serve} and operators rely on
 * these paths, so they are named in this one place.
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
   * The published release where there are no symbolic links (HDFS, object stores): a small
   * JSON file naming it, written last and whole.
   */
  public String pointer() {
    return root + "/current.json";
  }

  public String quarantine(String runId, String source) {
    return root + "/quarantine/" + runId + "/" + source;
  }

  /** Typed staging tables: internal, never published. */
  public String staging(String source) {
    return root + "/staging/" + source;
  }

  public String state() {
    return root + "/state";
  }

  /**
   * A new run id from the run's start (UTC, second precision), made unique against the runs
   * already in this output folder. It names the run's report, quarantine and release.
   */
  public String newRunId(java.time.Instant startedAt, Store store) {
    String base = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(java.time.ZoneOffset.UTC).format(startedAt);
    for (int n = 0; ; n++) {
      String id = n == 0 ? base : base + "-" + n;
      if (!store.exists(release(id)) && !store.exists(root + "/quarantine/" + id) && !store.exists(runReport(id))) {
        return id;
      }
    }
  }

  /** Every run's report, kept for operators whether or not the run published. */
  public String runReport(String runId) {
    return state() + "/runs/" + runId + ".json";
  }
}
