package vn.thanhhoa.opendata.core;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/** The plain file operations of a {@link Store}, on its Hadoop filesystem. */
final class StoreFiles {
  private final FileSystem fs;
  private final Configuration conf;

  private StoreFiles(FileSystem fs, Configuration conf) {
    this.fs = fs;
    this.conf = conf;
  }

  /** The filesystem holding {@code location}; a local one without {@code .crc} side files. */
  static StoreFiles at(String location, Configuration conf) {
    try {
      FileSystem fs = new Path(location).getFileSystem(conf);
      return new StoreFiles(
          fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs, conf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the filesystem of " + location, e);
    }
  }

  FileSystem fs() {
    return fs;
  }

  Configuration conf() {
    return conf;
  }

  /** Not {@code fs.getScheme()}: the raw local filesystem does not implement it. */
  String scheme() {
    return fs.getUri().getScheme().toLowerCase(Locale.ROOT);
  }

  boolean isLocal() {
    return fs instanceof RawLocalFileSystem && "file".equals(scheme());
  }

  /** The local file behind {@code location}. */
  // qualified: Hadoop's Path is imported
  java.nio.file.Path localPath(String location) {
    return Paths.get(uriPath(location));
  }

  /** The path part of {@code location}, without scheme and authority. */
  String uriPath(String location) {
    return new Path(location).toUri().getPath();
  }

  boolean exists(String location) {
    try {
      return fs.exists(new Path(location));
    } catch (IOException e) {
      throw failure("check", location, e);
    }
  }

  /** The file's status, or null if nothing is there. */
  FileStatus status(String location) {
    try {
      return fs.getFileStatus(new Path(location));
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw failure("check", location, e);
    }
  }

  FileStatus existing(String location) {
    FileStatus s = status(location);
    if (s == null) {
      throw new UncheckedIOException(new FileNotFoundException(location));
    }
    return s;
  }

  Instant modifiedAt(String location) {
    return Instant.ofEpochMilli(existing(location).getModificationTime());
  }

  FSDataInputStream open(String location) throws IOException {
    return fs.open(new Path(location));
  }

  OutputStream create(String location, boolean overwrite) throws IOException {
    return isLocal() ? createLocal(location, overwrite) : fs.create(new Path(location), overwrite);
  }

  /**
   * A local file created by the JDK, with the mode the process's umask gives. Hadoop's local
   * filesystem sets the mode of each file it creates by running {@code chmod}, a process per file,
   * which was most of the time of writing the static site's thousands of pages.
   */
  private OutputStream createLocal(String location, boolean overwrite) throws IOException {
    var file = localPath(location);
    Files.createDirectories(file.toAbsolutePath().getParent());
    StandardOpenOption create =
        overwrite ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.CREATE_NEW;
    return new BufferedOutputStream(
        Files.newOutputStream(file, StandardOpenOption.CREATE, create, StandardOpenOption.WRITE),
        1 << 16);
  }

  boolean createNew(String location, byte[] bytes) throws IOException {
    try (OutputStream out = create(location, false)) {
      out.write(bytes);
      return true;
    } catch (IOException e) {
      if (exists(location)) {
        return false;
      }
      throw e;
    }
  }

  boolean renameIfPresent(String from, String to) {
    try {
      return fs.rename(new Path(from), new Path(to));
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw failure("rename", from, e);
    }
  }

  byte[] read(String location) {
    try (InputStream in = open(location)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw failure("read", location, e);
    }
  }

  void write(String location, byte[] bytes) {
    try (OutputStream out = create(location, true)) {
      out.write(bytes);
    } catch (IOException e) {
      throw failure("write", location, e);
    }
  }

  void mkdirs(String location) {
    try {
      fs.mkdirs(new Path(location));
    } catch (IOException e) {
      throw failure("create", location, e);
    }
  }

  void delete(String location) {
    try {
      fs.delete(new Path(location), true);
    } catch (IOException e) {
      throw failure("delete", location, e);
    }
  }

  void move(String from, String to) {
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

  void copy(String from, String to) {
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

  String sha256(String location) {
    try (InputStream in = open(location)) {
      return Sha256.of(in);
    } catch (IOException e) {
      throw failure("read", location, e);
    }
  }

  static UncheckedIOException failure(String verb, String location, IOException e) {
    return new UncheckedIOException("Cannot " + verb + " " + location + ": " + e.getMessage(), e);
  }
}
