package vn.thanhhoa.opendata.testing;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * {@code objectstore:///path}: local files behaving as an object store does for the pipeline (S3A,
 * GCS): no symbolic links, and rename is a copy followed by a delete, file by file, so never
 * atomic. Registered through {@code META-INF/services} for the tests.
 */
public class ObjectStoreFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "objectstore";
  private static final URI ROOT = URI.create(SCHEME + ":///");

  /** The objectstore URI of a local folder. */
  public static String uri(java.nio.file.Path folder) {
    return SCHEME + "://" + folder.toAbsolutePath();
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public URI getUri() {
    return ROOT;
  }

  @Override
  public boolean supportsSymlinks() {
    return false;
  }

  /** Plain statuses, as object stores give: the local ones load permissions through a file: URI. */
  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    return plain(super.getFileStatus(f));
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    FileStatus[] all = super.listStatus(f);
    FileStatus[] out = new FileStatus[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = plain(all[i]);
    }
    return out;
  }

  private static FileStatus plain(FileStatus s) {
    FsPermission permission =
        s.isDirectory() ? FsPermission.getDirDefault() : FsPermission.getFileDefault();
    return new FileStatus(
        s.getLen(),
        s.isDirectory(),
        1,
        s.getBlockSize(),
        s.getModificationTime(),
        s.getAccessTime(),
        permission,
        "owner",
        "group",
        s.getPath());
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    if (!exists(src)) {
      return false;
    }
    return FileUtil.copy(this, src, this, dst, true, false, getConf());
  }
}
