package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.publish.Releases;

/**
 * Follows {@code <output>/current} (or {@code current.json}): when it names another release, the
 * next request loads it and swaps the snapshot in one step. The pointer is switched atomically and
 * a published release never changes, so no request sees a half-switched feed.
 */
final class CurrentRelease {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long RETIRE_AFTER_SECONDS = 60;
  private static final ScheduledExecutorService RETIRING =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "serve-retire");
            t.setDaemon(true);
            return t;
          });
  private final Path link;
  private final Releases releases;
  private volatile FeedSnapshot snapshot;

  CurrentRelease(Path link) {
    this.link = link;
    this.releases = new Releases(Store.local(), new Layout(link.getParent().toString()));
  }

  /** The snapshot of the release {@code current} points at now. */
  FeedSnapshot get() {
    FeedSnapshot s = snapshot;
    Path target = target(s);
    if (s == null || !s.release.equals(target)) {
      synchronized (this) {
        s = snapshot;
        if (s == null || !s.release.equals(target)) {
          FeedSnapshot old = s;
          s = FeedSnapshot.load(target);
          snapshot = s;
          retireLater(old);
        }
      }
    }
    return s;
  }

  /**
   * Closes a replaced release's DataStore once requests that took it before the switch have had
   * time to end (a query's time limit is far shorter).
   */
  private static void retireLater(FeedSnapshot old) {
    if (old != null) {
      RETIRING.schedule(old::retire, RETIRE_AFTER_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * The release folder: the link's target, or, in a copy of an HDFS or object-store output (no link
   * there), the release {@code current.json} names, once its run report has arrived and says it was
   * published: a copy in progress may bring the pointer before the release, and until then the
   * release served so far stays.
   */
  /** The server stops: the DataStore of the release served closes. */
  void close() {
    FeedSnapshot s = snapshot;
    if (s != null) {
      s.retire();
    }
  }

  private Path target(FeedSnapshot serving) {
    try {
      String id = currentId();
      if (serving != null && serving.release.getFileName().toString().equals(id)) {
        return serving.release; // checked when it was switched to; releases never change
      }
      Path release = link.resolveSibling("releases").resolve(id);
      if (Files.isSymbolicLink(link) || published(release)) {
        return release.toRealPath();
      }
      if (serving != null) {
        return serving.release;
      }
      throw new IOException(release + " is not complete yet");
    } catch (IOException | IllegalStateException e) {
      throw new UncheckedIOException(
          "No published release at "
              + link
              + " (run `./pipeline nightly` first): "
              + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  private String currentId() throws IOException {
    return releases
        .currentId()
        .orElseThrow(
            () -> new IOException("neither " + link + " nor a current.json naming a release"));
  }

  private static boolean published(Path release) throws IOException {
    Path report = release.resolve("run-report.json");
    return Files.exists(report)
        && "published".equals(JSON.readTree(report.toFile()).path("status").asText());
  }
}
