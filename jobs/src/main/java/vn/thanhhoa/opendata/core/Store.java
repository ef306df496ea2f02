package vn.thanhhoa.opendata.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * The output folder's filesystem, local or any Hadoop one (HDFS, S3A, …), addressed by the same
 * location strings {@link Layout} builds. Locations come back in the form they were given ({@code
 * /srv/out/…} stays a plain path), so messages and reports read as the operator wrote them. Local
 * files are written without Hadoop's {@code .crc} side files.
 */
public final class Store {
  /** Schemes whose rename of a file over another is one atomic step. */
  private static final Set<String> ATOMIC_RENAME = Set.of("file", "hdfs");

  /**
   * Hadoop setting: schemes whose uploads become visible whole, when the stream closes (object
   * stores). Others, where a file is visible while written (webhdfs, abfs, ofs, …), are refused.
   */
  public static final String WHOLE_UPLOAD_SCHEMES = "opendata.output.whole-upload-schemes";

  private static final String DEFAULT_WHOLE_UPLOAD = "s3a,gs";

  private final FileSystem fs;
  private final Configuration conf;

  private Store(FileSystem fs, Configuration conf) {
    this.fs = fs;
    this.conf = conf;
  }

  /** The filesystem holding {@code location}, configured by {@code conf}. */
  public static Store at(String location, Configuration conf) {
    try {
      FileSystem fs = new Path(location).getFileSystem(conf);
      return new Store(fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs, conf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the filesystem of " + location, e);
    }
  }

  /** This machine's own disk. */
  public static Store local() {
    return at("file:///", new Configuration());
  }

  /**
   * A Hadoop configuration for commands that run without Spark: the {@code spark.hadoop.*}
   * settings.
   */
  public static Configuration configuration(Map<String, String> sparkSettings) {
    Configuration conf = new Configuration();
    Map<String, String> all = new java.util.TreeMap<>(sparkSettings);
    // spark-submit hands its --conf settings to the driver as system properties.
    System.getProperties().stringPropertyNames().forEach(k -> all.put(k, System.getProperty(k)));
    all.forEach(
        (k, v) -> {
          if (k.startsWith("spark.hadoop.")) {
            conf.set(k.substring("spark.hadoop.".length()), v);
          }
        });
    return conf;
  }

  /** On the machine's own disk: symbolic links and operating-system locks are available. */
  public boolean isLocal() {
    return fs instanceof RawLocalFileSystem && "file".equals(scheme());
  }

  /** Whether renaming a file over another is atomic here; object stores copy instead. */
  public boolean renamesAtomically() {
    return ATOMIC_RENAME.contains(scheme());
  }

  /** Whether a file written here appears only whole, when its upload completes. */
  private boolean uploadsWhole() {
    for (String scheme : conf.get(WHOLE_UPLOAD_SCHEMES, DEFAULT_WHOLE_UPLOAD).split(",")) {
      if (scheme.strip().equalsIgnoreCase(scheme())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks that a file can be replaced here so that readers never see a part of it: the condition
   * for publishing on this store.
   */
  public Store requireAtomicReplace(String location) {
    if (!renamesAtomically() && !uploadsWhole()) {
      throw new IllegalArgumentException(
          scheme()
              + ": files are visible while being written and cannot be renamed "
              + "over atomically, so "
              + location
              + " cannot be published safely; use a local folder, hdfs:// or an "
              + "object store ("
              + conf.get(WHOLE_UPLOAD_SCHEMES, DEFAULT_WHOLE_UPLOAD)
              + ", setting "
              + WHOLE_UPLOAD_SCHEMES
              + ")");
    }
    return this;
  }

  /** Not {@code fs.getScheme()}: the raw local filesystem does not implement it. */
  private String scheme() {
    return fs.getUri().getScheme().toLowerCase(Locale.ROOT);
  }

  /** The local file behind {@code location}; only for a local store. */
  public java.nio.file.Path localPath(String location) {
    if (!isLocal()) {
      throw new IllegalStateException(location + " is not on the local filesystem");
    }
    return java.nio.file.Paths.get(new Path(location).toUri().getPath());
  }

  public boolean exists(String location) {
    try {
      return fs.exists(new Path(location));
    } catch (IOException e) {
      throw failure("check", location, e);
    }
  }

  public boolean isDirectory(String location) {
    FileStatus s = status(location);
    return s != null && s.isDirectory();
  }

  public boolean isFile(String location) {
    FileStatus s = status(location);
    return s != null && s.isFile();
  }

  private FileStatus status(String location) {
    try {
      return fs.getFileStatus(new Path(location));
    } catch (java.io.FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw failure("check", location, e);
    }
  }

  public long size(String location) {
    FileStatus s = status(location);
    if (s == null) {
      throw new UncheckedIOException(new java.io.FileNotFoundException(location));
    }
    return s.getLen();
  }

  /** When the file was last written. */
  public java.time.Instant modifiedAt(String location) {
    FileStatus s = status(location);
    if (s == null) {
      throw new UncheckedIOException(new java.io.FileNotFoundException(location));
    }
    return java.time.Instant.ofEpochMilli(s.getModificationTime());
  }

  /** Names of the entries of a folder, sorted; none if it does not exist. */
  public List<String> list(String folder) {
    try {
      Path dir = new Path(folder);
      if (!fs.exists(dir)) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (FileStatus s : fs.listStatus(dir)) {
        names.add(s.getPath().getName());
      }
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw failure("list", folder, e);
    }
  }

  /** Paths, relative to {@code folder}, of every file below it, sorted. */
  public List<String> files(String folder) {
    String root = fs.makeQualified(new Path(folder)).toUri().getPath();
    String prefix = root.endsWith("/") ? root : root + "/";
    List<String> out = new ArrayList<>();
    for (FileStatus s : statuses(folder)) {
      String path = s.getPath().toUri().getPath();
      if (!path.startsWith(prefix)) {
        throw new IllegalStateException("listed " + path + " outside " + root);
      }
      out.add(path.substring(prefix.length()));
    }
    return out;
  }

  /**
   * Every file below {@code folder}, by path: one paged listing on object stores; on a local disk a
   * walk of plain statuses, since Hadoop's recursive listing there looks up each file's permissions
   * by starting a process per file.
   */
  public List<FileStatus> statuses(String folder) {
    try {
      Path dir = new Path(folder);
      if (!fs.exists(dir)) {
        return List.of();
      }
      List<FileStatus> out = new ArrayList<>();
      if (fs instanceof RawLocalFileSystem) {
        walk(dir, out);
      } else {
        var all = fs.listFiles(dir, true);
        while (all.hasNext()) {
          out.add(all.next());
        }
      }
      out.sort(java.util.Comparator.comparing((FileStatus s) -> s.getPath().toString()));
      return out;
    } catch (IOException e) {
      throw failure("list", folder, e);
    }
  }

  private void walk(Path dir, List<FileStatus> out) throws IOException {
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.isDirectory()) {
        walk(s.getPath(), out);
      } else {
        out.add(s);
      }
    }
  }

  public org.apache.hadoop.fs.FSDataInputStream open(String location) throws IOException {
    return fs.open(new Path(location));
  }

  /** A new file (replacing any), parent folders made as needed. */
  public OutputStream create(String location) throws IOException {
    return fs.create(new Path(location), true);
  }

  /**
   * Creates the file only if nothing is there; false if something is (HDFS also refuses, with other
   * exceptions, a file another client has open).
   */
  public boolean createNew(String location, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(new Path(location), false)) {
      out.write(bytes);
      return true;
    } catch (IOException e) {
      if (exists(location)) {
        return false;
      }
      throw e;
    }
  }

  /** Renames a file if it is there; false if it is not (or another client renamed it first). */
  public boolean renameIfPresent(String from, String to) {
    try {
      return fs.rename(new Path(from), new Path(to));
    } catch (java.io.FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw failure("rename", from, e);
    }
  }

  public byte[] read(String location) {
    try (InputStream in = open(location)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw failure("read", location, e);
    }
  }

  public String readString(String location) {
    return new String(read(location), StandardCharsets.UTF_8);
  }

  public void write(String location, byte[] bytes) {
    try (OutputStream out = create(location)) {
      out.write(bytes);
    } catch (IOException e) {
      throw failure("write", location, e);
    }
  }

  /**
   * Replaces the file so that a reader sees the old content or the new, never a part: a temporary
   * file renamed over it where rename is atomic; elsewhere one upload, which object stores make
   * visible only whole, when it completes.
   */
  public void writeAtomically(String location, byte[] bytes) {
    if (!renamesAtomically()) {
      requireAtomicReplace(location);
      write(location, bytes);
      return;
    }
    Path target = new Path(location);
    String tmp = new Path(target.getParent(), "." + target.getName() + ".tmp").toString();
    write(tmp, bytes);
    try {
      if (isLocal()) {
        java.nio.file.Files.move(
            localPath(tmp),
            localPath(location),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } else if (fs instanceof DistributedFileSystem hdfs) {
        hdfs.rename(new Path(tmp), target, Options.Rename.OVERWRITE);
      } else {
        throw new IOException(scheme() + " has no atomic rename");
      }
    } catch (IOException e) {
      throw failure("replace", location, e);
    }
  }

  public void mkdirs(String location) {
    try {
      fs.mkdirs(new Path(location));
    } catch (IOException e) {
      throw failure("create", location, e);
    }
  }

  /** Removes a file or folder tree; nothing if it does not exist. */
  public void delete(String location) {
    try {
      fs.delete(new Path(location), true);
    } catch (IOException e) {
      throw failure("delete", location, e);
    }
  }

  /** Moves a file or folder to a location that does not exist yet (object stores copy). */
  public void move(String from, String to) {
    try {
      Path target = new Path(to);
      fs.mkdirs(target.getParent());
      if (!fs.rename(new Path(from), target)) {
        throw new IOException("rename refused (does " + to + " exist already?)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  /** Copies a file, keeping its modification time where the store allows (not on object stores). */
  public void copy(String from, String to) {
    try {
      if (!FileUtil.copy(fs, new Path(from), fs, new Path(to), false, true, conf)) {
        throw new IOException("copy refused");
      }
      if (isLocal()) {
        fs.setTimes(new Path(to), fs.getFileStatus(new Path(from)).getModificationTime(), -1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  public String sha256(String location) {
    try (InputStream in = open(location)) {
      return Sha256.of(in);
    } catch (IOException e) {
      throw failure("read", location, e);
    }
  }

  private static UncheckedIOException failure(String verb, String location, IOException e) {
    return new UncheckedIOException("Cannot " + verb + " " + location + ": " + e.getMessage(), e);
  }
}
