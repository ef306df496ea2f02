package vn.thanhhoa.opendata.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Follows {@code <output>/current}: when the link points at another release, the next request
 * loads it and swaps the snapshot in one step. The link is switched by an atomic rename and a
 * published release never changes, so no request sees a half-switched feed.
 */
final class CurrentRelease {
  private final Path link;
  private volatile FeedSnapshot snapshot;

  CurrentRelease(Path link) {
    this.link = link;
  }

  /** The snapshot of the release {@code current} points at now. */
  FeedSnapshot get() {
    Path target = target();
    FeedSnapshot s = snapshot;
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

  private Path target() {
    try {
      return link.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("No published release at " + link + " (run `./pipeline nightly` first)", e);
    }
  }

  boolean exists() {
    return Files.exists(link);
  }
}
