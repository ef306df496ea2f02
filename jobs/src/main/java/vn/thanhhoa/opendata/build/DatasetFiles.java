package vn.thanhhoa.opendata.build;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.substring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.Folders;
import vn.thanhhoa.opendata.core.Sha256;

/**
 * Writes one dataset as Parquet, CSV and JSON under {@code datasets/<name>/}: typed as its
 * definition says, sorted by its key, one file per format (per year for Parquet where the
 * definition asks), fixed names, so the same rows always give byte-identical files.
 */
public final class DatasetFiles {
  private static final String UTC_TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss'Z'";

  private DatasetFiles() {}

  /** One written file, relative to the dataset's folder. */
  public record FileEntry(String path, String format, long bytes, String sha256) {}

  /** What was written for a dataset; {@code sha256} covers every file's path and content. */
  public record Written(String name, long rows, String sha256, List<FileEntry> files) {}

  /** The frame with exactly the declared columns, types and descriptions, in key order. */
  public static Dataset<Row> conform(Dataset<Row> frame, DatasetSpec spec) {
    List<String> have = Arrays.asList(frame.columns());
    for (DatasetSpec.Column c : spec.columns()) {
      if (!have.contains(c.name())) {
        throw new IllegalStateException("Cannot publish " + spec.name() + ": no column " + c.name());
      }
    }
    Column[] columns = spec.columns().stream().map(c -> col(c.name()).cast(c.sparkType())).toArray(Column[]::new);
    Column[] order = spec.key().stream().map(k -> col(k).asc_nulls_first()).toArray(Column[]::new);
    return frame.select(columns).to(spec.schema()).orderBy(order);
  }

  public static Written write(Dataset<Row> frame, DatasetSpec spec, Path folder) {
    // Re-applying the declared schema through the rows makes every column nullable whatever the
    // plan inferred: Parquet's REQUIRED/OPTIONAL flags, and so the bytes, would vary otherwise.
    Dataset<Row> conformed = conform(frame, spec);
    Dataset<Row> rows = conformed.sparkSession().createDataFrame(conformed.javaRDD(), spec.schema())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Files.createDirectories(folder);
      List<FileEntry> files = new ArrayList<>();
      files.addAll(parquet(rows, spec, folder));
      files.add(csv(rows, spec, folder));
      files.add(json(rows, spec, folder));
      files.sort(Comparator.comparing(FileEntry::path));
      return new Written(spec.name(), rows.count(), combined(files), List.copyOf(files));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write dataset " + spec.name() + " to " + folder, e);
    } finally {
      rows.unpersist();
    }
  }

  /**
   * A data file of a dataset folder, as opposed to metadata the publish stage writes beside it
   * ({@code datapackage.json}).
   */
  static boolean isDataFile(Path file) {
    return !file.getFileName().toString().equals("datapackage.json");
  }

  /** The record of files already in {@code folder} (a dataset carried over unchanged). */
  static Written rehash(String name, long rows, Path folder) throws IOException {
    List<FileEntry> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path f : all.filter(Files::isRegularFile).filter(DatasetFiles::isDataFile).sorted().toList()) {
        String path = folder.relativize(f).toString();
        String format = path.endsWith(".parquet") ? "parquet" : path.endsWith(".csv") ? "csv" : "json";
        files.add(entry(f, path, format));
      }
    }
    return new Written(name, rows, combined(files), List.copyOf(files));
  }

  private static List<FileEntry> parquet(Dataset<Row> rows, DatasetSpec spec, Path folder) throws IOException {
    Path tmp = folder.resolve(".parquet-tmp");
    Path target = folder.resolve("parquet");
    List<FileEntry> files = new ArrayList<>();
    if ("year".equals(spec.partition())) {
      Column[] order = Stream.concat(Stream.of(col("year")), spec.key().stream().map(k -> col(k).asc_nulls_first()))
          .toArray(Column[]::new);
      rows.withColumn("year", substring(col("period"), 1, 4)).orderBy(order).coalesce(1)
          .write().mode(SaveMode.Overwrite).partitionBy("year").parquet(tmp.toString());
      try (Stream<Path> years = Files.list(tmp)) {
        for (Path year : years.filter(p -> p.getFileName().toString().startsWith("year=")).sorted().toList()) {
          String y = year.getFileName().toString().substring("year=".length());
          String name = "parquet/" + year.getFileName() + "/" + spec.name() + "-" + y + ".parquet";
          files.add(move(single(year, ".parquet"), folder.resolve(name), name, "parquet"));
        }
      }
    }
    if (files.isEmpty()) {
      // No rows, so no year: one empty file keeps the schema readable and the resource listed.
      Folders.delete(tmp);
      rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(tmp.toString());
      String name = "parquet/" + spec.name() + ".parquet";
      files.add(move(single(tmp, ".parquet"), target.resolve(spec.name() + ".parquet"), name, "parquet"));
    }
    Folders.delete(tmp);
    return files;
  }

  private static FileEntry csv(Dataset<Row> rows, DatasetSpec spec, Path folder) throws IOException {
    Path tmp = folder.resolve(".csv-tmp");
    rows.coalesce(1).write().mode(SaveMode.Overwrite)
        .option("header", "true").option("quote", "\"").option("escape", "\"")
        .option("timestampFormat", UTC_TIMESTAMP).option("dateFormat", "yyyy-MM-dd").option("timeZone", "UTC")
        .option("encoding", "UTF-8").option("lineSep", "\n")
        .csv(tmp.toString());
    Path target = folder.resolve(spec.name() + ".csv");
    Path part = singleOrNull(tmp, ".csv");
    try (OutputStream out = Files.newOutputStream(target)) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // so Excel reads UTF-8
      if (part == null || Files.size(part) == 0) {
        out.write((String.join(",", spec.columns().stream().map(DatasetSpec.Column::name).toList()) + "\n")
            .getBytes(StandardCharsets.UTF_8));
      } else {
        Files.copy(part, out);
      }
    }
    Folders.delete(tmp);
    return entry(target, spec.name() + ".csv", "csv");
  }

  /** JSON: an array of row objects, every column present (null where empty), one row per line. */
  private static FileEntry json(Dataset<Row> rows, DatasetSpec spec, Path folder) throws IOException {
    Path tmp = folder.resolve(".json-tmp");
    rows.coalesce(1).write().mode(SaveMode.Overwrite)
        .option("ignoreNullFields", "false").option("timestampFormat", UTC_TIMESTAMP)
        .option("dateFormat", "yyyy-MM-dd").option("timeZone", "UTC").option("encoding", "UTF-8")
        .json(tmp.toString());
    Path target = folder.resolve(spec.name() + ".json");
    Path part = singleOrNull(tmp, ".json");
    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      out.write("[");
      if (part != null) {
        try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
          String line;
          String separator = "\n";
          while ((line = in.readLine()) != null) {
            out.write(separator);
            out.write(line);
            separator = ",\n";
          }
        }
      }
      out.write("\n]\n");
    }
    Folders.delete(tmp);
    return entry(target, spec.name() + ".json", "json");
  }

  private static Path single(Path dir, String suffix) throws IOException {
    Path part = singleOrNull(dir, suffix);
    if (part == null) {
      throw new IOException("Spark wrote no " + suffix + " file in " + dir);
    }
    return part;
  }

  private static Path singleOrNull(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")
          && p.getFileName().toString().endsWith(suffix)).toList();
      if (parts.size() > 1) {
        throw new IOException("Expected one " + suffix + " file in " + dir + ", found " + parts.size());
      }
      return parts.isEmpty() ? null : parts.get(0);
    }
  }

  private static FileEntry move(Path from, Path to, String name, String format) throws IOException {
    Files.createDirectories(to.getParent());
    Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (format.equals("parquet")) {
      ParquetFooter.normalize(to);
    }
    return entry(to, name, format);
  }

  private static FileEntry entry(Path file, String name, String format) throws IOException {
    return new FileEntry(name, format, Files.size(file), Sha256.of(file));
  }

  private static String combined(List<FileEntry> files) {
    MessageDigest digest = Sha256.digest();
    files.forEach(f -> Sha256.line(digest, f.path() + " " + f.sha256()));
    return Sha256.hex(digest);
  }
}
