package vn.thanhhoa.opendata.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * How a {@link Store} replaces a file so that readers never see a part of it: the condition for
 * publishing there.
 */
final class AtomicReplace {
  /** Schemes whose rename of a file over another is one atomic step. */
  private static final Set<String> ATOMIC_RENAME = Set.of("file", "hdfs");

  private static final String DEFAULT_WHOLE_UPLOAD = "s3a,gs";

  private final StoreFiles files;

  AtomicReplace(StoreFiles files) {
    this.files = files;
  }

  boolean renamesAtomically() {
    return ATOMIC_RENAME.contains(files.scheme());
  }

  /** Whether a file written here appears only whole, when its upload completes. */
  private boolean uploadsWhole() {
    for (String scheme : wholeUploadSchemes().split(",")) {
      if (scheme.strip().equalsIgnoreCase(files.scheme())) {
        return true;
      }
    }
    return false;
  }

  private String wholeUploadSchemes() {
    return files.conf().get(Store.WHOLE_UPLOAD_SCHEMES, DEFAULT_WHOLE_UPLOAD);
  }

  void require(String location) {
    if (!renamesAtomically() && !uploadsWhole()) {
      throw new IllegalArgumentException(
          files.scheme()
              + ": files are visible while being written and cannot be renamed "
              + "over atomically, so "
              + location
              + " cannot be published safely; use a local folder, hdfs:// or an "
              + "object store ("
              + wholeUploadSchemes()
              + ", setting "
              + Store.WHOLE_UPLOAD_SCHEMES
              + ")");
    }
  }

  /**
   * A temporary file renamed over the target where rename is atomic; elsewhere one upload, which
   * object stores make visible only whole, when it completes.
   */
  void write(String location, byte[] bytes) {
    if (!renamesAtomically()) {
      require(location);
      files.write(location, bytes);
      return;
    }
    Path target = new Path(location);
    String tmp = new Path(target.getParent(), "." + target.getName() + ".tmp").toString();
    files.write(tmp, bytes);
    try {
      renameOver(tmp, location);
    } catch (IOException e) {
      throw StoreFiles.failure("replace", location, e);
    }
  }

  private void renameOver(String tmp, String location) throws IOException {
    if (files.isLocal()) {
      Files.move(
          Paths.get(files.uriPath(tmp)),
          Paths.get(files.uriPath(location)),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } else if (files.fs() instanceof DistributedFileSystem hdfs) {
      hdfs.rename(new Path(tmp), new Path(location), Options.Rename.OVERWRITE);
    } else {
      throw new IOException(files.scheme() + " has no atomic rename");
    }
  }
}
