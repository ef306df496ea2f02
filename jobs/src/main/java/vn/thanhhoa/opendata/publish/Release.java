package vn.thanhhoa.opendata.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import vn.thanhhoa.opendata.core.Layout;

/**
 * A release folder under {@code releases/} and the {@code current} link that publishes it. The
 * link is replaced by renaming a fresh link over it, which is atomic on POSIX filesystems:
 * readers see the old release or the new one, never a mix.
 */
public final class Release {
  private final Layout layout;
  private final String id;

  private Release(Layout layout, String id) {
    this.layout = layout;
    this.id = id;
  }

  /** An existing release folder, e.g. the target of a rollback. */
  public static Release existing(Layout layout, String id) {
    return new Release(layout, id);
  }

  /** Creates the new, empty release folder of run {@code id}. */
  public static Release create(Layout layout, String id) {
    try {
      Files.createDirectories(Paths.get(layout.releases()));
      Files.createDirectory(Paths.get(layout.release(id)));
      return new Release(layout, id);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a release under " + layout.releases(), e);
    }
  }

  public String id() {
    return id;
  }

  public Path folder() {
    return Paths.get(layout.release(id));
  }

  /** Points {@code current} at this release in one atomic rename. */
  public void publish() {
    Path current = Paths.get(layout.current());
    Path fresh = current.resolveSibling(".current." + id);
    try {
      Files.deleteIfExists(fresh);
      Files.createSymbolicLink(fresh, Paths.get("releases", id));
      Files.move(fresh, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish release " + id + " as " + current, e);
    }
  }
}
