package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.LandingFileReader.LandingFile;

/**
 * Lists a source's landing folder into a {@link Landing}, and cuts the files to read into groups
 * for the executors.
 */
final class LandingScan {
  private static final String NOT_READ = "files not read";

  private final SourceSchema schema;
  private final Configuration hadoop;

  LandingScan(SourceSchema schema, Configuration hadoop) {
    this.schema = schema;
    this.hadoop = hadoop;
  }

  Landing scan(String location) {
    GlobFilter filter = filter();
    String root = qualified(location);
    LandingFileReader reader = new LandingFileReader(schema, root);
    Map<String, LandingFile> files = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    Warnings ignored = new Warnings(schema.source() + "/");
    for (FileStatus status : Store.at(root, hadoop).statuses(root)) {
      String path = status.getPath().toString();
      if (isRead(filter, status.getPath())) {
        files.put(path, file(status));
        names.put(path, reader.relativeName(path));
      } else {
        ignored.add(NOT_READ, reader.relativeName(path) + notRead());
      }
    }
    return new Landing(root, files, names, ignored.list());
  }

  private static boolean isRead(GlobFilter filter, Path path) {
    String name = path.getName();
    return filter.accept(path) && !name.startsWith(".") && !name.startsWith("_");
  }

  private static LandingFile file(FileStatus status) {
    return new LandingFile(
        status.getPath().toUri().toString(), status.getLen(), status.getModificationTime());
  }

  private String notRead() {
    return ": not read (a hidden file, or the name does not match "
        + String.join(" / ", schema.files())
        + "; names are case-sensitive)";
  }

  private GlobFilter filter() {
    try {
      return new GlobFilter(glob());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Bad file pattern in the schema of " + schema.source() + ": " + e.getMessage(), e);
    }
  }

  private String glob() {
    return schema.files().size() == 1
        ? schema.files().get(0)
        : "{" + String.join(",", schema.files()) + "}";
  }

  private String qualified(String location) {
    Path path = new Path(location);
    try {
      return path.getFileSystem(hadoop).makeQualified(path).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve " + location, e);
    }
  }

  /**
   * Files in name order, cut into groups of about equal bytes: a few per core, so that the cores
   * stay busy to the end without a task per small file.
   */
  static List<List<LandingFile>> groups(List<LandingFile> files, int cores) {
    long total = files.stream().mapToLong(LandingFile::bytes).sum();
    long target = Math.min(256L << 20, Math.max(1L << 20, total / (Math.max(cores, 1) * 4L)));
    List<List<LandingFile>> groups = new ArrayList<>();
    List<LandingFile> group = new ArrayList<>();
    long size = 0;
    for (LandingFile f : files.stream().sorted(Comparator.comparing(LandingFile::uri)).toList()) {
      if (!group.isEmpty() && size + f.bytes() > target) {
        groups.add(group);
        group = new ArrayList<>();
        size = 0;
      }
      group.add(f);
      size += f.bytes();
    }
    groups.add(group);
    return groups;
  }
}
