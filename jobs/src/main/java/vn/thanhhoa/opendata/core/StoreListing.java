package vn.thanhhoa.opendata.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/** Listings of a {@link Store}'s folders; a folder that does not exist lists nothing. */
final class StoreListing {
  private final FileSystem fs;

  StoreListing(FileSystem fs) {
    this.fs = fs;
  }

  /** How one kind of listing reads a folder that exists. */
  private interface Lister<T> {
    List<T> list(Path dir) throws IOException;
  }

  List<String> names(String folder) {
    return ifExists(folder, this::names);
  }

  List<String> files(String folder) {
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

  List<FileStatus> statuses(String folder) {
    return ifExists(folder, this::statuses);
  }

  private <T> List<T> ifExists(String folder, Lister<T> lister) {
    try {
      Path dir = new Path(folder);
      return fs.exists(dir) ? lister.list(dir) : List.of();
    } catch (IOException e) {
      throw StoreFiles.failure("list", folder, e);
    }
  }

  private List<String> names(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      names.add(s.getPath().getName());
    }
    names.sort(null);
    return names;
  }

  private List<FileStatus> statuses(Path dir) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    if (fs instanceof RawLocalFileSystem) {
      walk(dir, out);
    } else {
      RemoteIterator<? extends FileStatus> all = fs.listFiles(dir, true);
      while (all.hasNext()) {
        out.add(all.next());
      }
    }
    out.sort(Comparator.comparing((FileStatus s) -> s.getPath().toString()));
    return out;
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
}
