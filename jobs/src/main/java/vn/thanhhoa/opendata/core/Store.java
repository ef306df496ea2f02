package vn.thanhhoa.opendata.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;

/**
 * The output folder's filesystem, local or any Hadoop one (HDFS, S3A, …), addressed by the same
 * location strings {@link Layout} builds. Locations come back in the form they were given ({@code
 * /srv/out/…} stays a plain path), so messages and reports read as the operator wrote them. Local
 * files are written without Hadoop's {@code .crc} side files.
 */
public final class Store {
  /**
   * Hadoop setting: schemes whose uploads become visible whole, when the stream closes (object
   * stores). Others, where a file is visible while written (webhdfs, abfs, ofs, …), are refused.
   */
  public static final String WHOLE_UPLOAD_SCHEMES = "opendata.output.whole-upload-schemes";

  private static final String SPARK_HADOOP = "spark.hadoop.";

  private final StoreFiles files;
  private final StoreListing listing;
  private final AtomicReplace replace;

  private Store(StoreFiles files) {
    this.files = files;
    this.listing = new StoreListing(files.fs());
    this.replace = new AtomicReplace(files);
  }

  /** The filesystem holding {@code location}, configured by {@code conf}. */
  public static Store at(String location, Configuration conf) {
    return new Store(StoreFiles.at(location, conf));
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
    Map<String, String> all = new TreeMap<>(sparkSettings);
    // spark-submit hands its --conf settings to the driver as system properties.
    System.getProperties().stringPropertyNames().forEach(k -> all.put(k, System.getProperty(k)));
    all.forEach(
        (k, v) -> {
          if (k.startsWith(SPARK_HADOOP)) {
            conf.set(k.substring(SPARK_HADOOP.length()), v);
          }
        });
    return conf;
  }

  /** On the machine's own disk: symbolic links and operating-system locks are available. */
  public boolean isLocal() {
    return files.isLocal();
  }

  /** Whether renaming a file over another is atomic here; object stores copy instead. */
  public boolean renamesAtomically() {
    return replace.renamesAtomically();
  }

  /**
   * Checks that a file can be replaced here so that readers never see a part of it: the condition
   * for publishing on this store.
   */
  public Store requireAtomicReplace(String location) {
    replace.require(location);
    return this;
  }

  /** The local file behind {@code location}; only for a local store. */
  public Path localPath(String location) {
    if (!isLocal()) {
      throw new IllegalStateException(location + " is not on the local filesystem");
    }
    return files.localPath(location);
  }

  public boolean exists(String location) {
    return files.exists(location);
  }

  public boolean isDirectory(String location) {
    FileStatus s = files.status(location);
    return s != null && s.isDirectory();
  }

  public boolean isFile(String location) {
    FileStatus s = files.status(location);
    return s != null && s.isFile();
  }

  public long size(String location) {
    return files.existing(location).getLen();
  }

  /** When the file was last written. */
  public Instant modifiedAt(String location) {
    return files.modifiedAt(location);
  }

  /** Names of the entries of a folder, sorted; none if it does not exist. */
  public List<String> list(String folder) {
    return listing.names(folder);
  }

  /** Paths, relative to {@code folder}, of every file below it, sorted. */
  public List<String> files(String folder) {
    return listing.files(folder);
  }

  /**
   * Every file below {@code folder}, by path: one paged listing on object stores; on a local disk a
   * walk of plain statuses, since Hadoop's recursive listing there looks up each file's permissions
   * by starting a process per file.
   */
  public List<FileStatus> statuses(String folder) {
    return listing.statuses(folder);
  }

  public FSDataInputStream open(String location) throws IOException {
    return files.open(location);
  }

  /** A new file (replacing any), parent folders made as needed. */
  public OutputStream create(String location) throws IOException {
    return files.create(location, true);
  }

  /**
   * Creates the file only if nothing is there; false if something is (HDFS also refuses, with other
   * exceptions, a file another client has open).
   */
  public boolean createNew(String location, byte[] bytes) throws IOException {
    return files.createNew(location, bytes);
  }

  /** Renames a file if it is there; false if it is not (or another client renamed it first). */
  public boolean renameIfPresent(String from, String to) {
    return files.renameIfPresent(from, to);
  }

  public byte[] read(String location) {
    return files.read(location);
  }

  public String readString(String location) {
    return new String(read(location), StandardCharsets.UTF_8);
  }

  public void write(String location, byte[] bytes) {
    files.write(location, bytes);
  }

  /**
   * Replaces the file so that a reader sees the old content or the new, never a part: a temporary
   * file renamed over it where rename is atomic; elsewhere one upload, which object stores make
   * visible only whole, when it completes.
   */
  public void writeAtomically(String location, byte[] bytes) {
    replace.write(location, bytes);
  }

  public void mkdirs(String location) {
    files.mkdirs(location);
  }

  /** Removes a file or folder tree; nothing if it does not exist. */
  public void delete(String location) {
    files.delete(location);
  }

  /** Moves a file or folder to a location that does not exist yet (object stores copy). */
  public void move(String from, String to) {
    files.move(from, to);
  }

  /** Copies a file, keeping its modification time where the store allows (not on object stores). */
  public void copy(String from, String to) {
    files.copy(from, to);
  }

  public String sha256(String location) {
    return files.sha256(location);
  }
}
