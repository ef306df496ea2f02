package vn.thanhhoa.opendata.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.Store;

/**
 * A release folder under {@code releases/} and the pointer that publishes it. On a local disk the
 * pointer is the {@code current} symbolic link, replaced by renaming a fresh link over it; on HDFS
 * and object stores, which have no such links and (object stores) no atomic rename, it is {@code
 * current.json}, written whole after everything else. Either way readers see the old release or the
 * new one, never a mix.
 */
public final class Release {
  private final Store store;
  private final Layout layout;
  private final String id;

  private Release(Store store, Layout layout, String id) {
    this.store = store;
    this.layout = layout;
    this.id = id;
  }

  /** Creates the new, empty release folder of run {@code id}. */
  public static Release create(Store store, Layout layout, String id) {
    if (store.exists(layout.release(id))) {
      throw new IllegalStateException("Release " + layout.release(id) + " exists already");
    }
    store.mkdirs(layout.release(id));
    return new Release(store, layout, id);
  }

  public String id() {
    return id;
  }

  /** The release folder, a location on the output's store. */
  public String folder() {
    return layout.release(id);
  }

  /** Makes this the published release in one atomic step. */
  public void publish() {
    if (store.isLocal()) {
      switchLink();
    } else {
      try {
        Map<String, String> pointer = new LinkedHashMap<>();
        pointer.put("release", id);
        pointer.put("path", "releases/" + id);
        store.writeAtomically(layout.pointer(), Feed.JSON.writeValueAsBytes(pointer));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot publish release " + id + " in " + layout.pointer(), e);
      }
    }
  }

  private void switchLink() {
    Path current = store.localPath(layout.current());
    Path fresh = current.resolveSibling(".current." + id);
    try {
      Files.deleteIfExists(fresh);
      Files.createSymbolicLink(fresh, Paths.get("releases", id));
      Files.move(
          fresh, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish release " + id + " as " + current, e);
    }
  }
}
