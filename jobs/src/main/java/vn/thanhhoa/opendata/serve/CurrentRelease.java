package vn.thanhhoa.opendata.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Follows {@code <output>/current} (or {@code current.json}): when the link points at another release, the next request
 * loads it and swaps the snapshot in one step. The link is switched by an atomic rename and a
 * published release never changes, so no request sees a half-switched feed.
 */
final class CurrentRelease {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private final Path link;
  private volatile FeedSnapshot snapshot;

  CurrentRelease(Path link) {
    this.link = link;
  }

  /** The snapshot of the release {@code current} points at now. */
  FeedSnapshot get() {
    FeedSnapshot s = snapshot;
    Path target = target(s);
    if (s == null || !s.release.equals(target)) {
      synchronized (this) {
        s = snapshot;
        if (s == null || !s.release.equals(target)) {
          s = FeedSnapshot.load(target);
          snapshot = s;
        }
      }
    }
    return s;
  }

  /**
   * The release folder: the link's target, or, in a copy of an HDFS or object-store output
   * (no link there), the release {@code current.json} names, once its run report has arrived
   * and says it was published: a copy in progress may bring the pointer before the release,
   * and until then the release served so far stays.
   */
  private Path target(FeedSnapshot serving) {
    try {
      if (Files.exists(link)) {
        return link.toRealPath();
      }
      Path pointer = link.resolveSibling("current.json");
      if (Files.exists(pointer)) {
        String id = JSON.readTree(pointer.toFile()).path("release").asText("");
        if (id.isEmpty() || id.contains("/") || id.startsWith(".")) {
          throw new IOException(pointer + " does not name a release");
        }
        Path release = link.resolveSibling("releases").resolve(id);
        Path report = release.resolve("run-report.json");
        if (Files.exists(report) && "published".equals(JSON.readTree(report.toFile()).path("status").asText())) {
          return release.toRealPath();
        }
        if (serving != null) {
          return serving.release;
        }
        throw new IOException(release + " is not complete yet");
      }
      throw new IOException("neither " + link + " nor a current.json naming a release");
    } catch (IOException e) {
      throw new UncheckedIOException("No published release at " + link + " (run `./pipeline nightly` first): "
          + e.getMessage(), e);
    }
  }
}
