package vn.thanhhoa.opendata.testing;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * {@code objectstore:///path}: local files behaving as an object store does for the pipeline
 * (S3A, GCS): no symbolic links, and rename is a copy followed by a delete, file by file, so
 * never atomic. Registered through {@code META-INF/services} for the tests.
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

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    if (!exists(src)) {
      return false;
    }
    return FileUtil.copy(this, src, this, dst, true, false, getConf());
  }
}
