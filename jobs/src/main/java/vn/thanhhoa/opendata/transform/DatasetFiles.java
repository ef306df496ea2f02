package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.substring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.core.Store;

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

  /**
   * The frame with exactly the declared columns, types and descriptions, in key order, in one
   * partition: a published dataset is one file per format, and sorting it where it is gathered
   * needs no sampling job (a global sort would run the whole plan once more to sample it).
   */
  public static Dataset<Row> conform(Dataset<Row> frame, DatasetSpec spec) {
    List<String> have = Arrays.asList(frame.columns());
    for (DatasetSpec.Column c : spec.columns()) {
      if (!have.contains(c.name())) {
        throw new IllegalStateException(
            "Cannot publish " + spec.name() + ": no column " + c.name());
      }
    }
    Column[] columns =
        spec.columns().stream().map(c -> col(c.name()).cast(c.sparkType())).toArray(Column[]::new);
    Column[] order = spec.key().stream().map(k -> col(k).asc_nulls_first()).toArray(Column[]::new);
    return frame.select(columns).to(spec.schema()).repartition(1).sortWithinPartitions(order);
  }

  /** Writes the dataset's files into {@code folder}, a location on {@code store}. */
  public static Written write(Dataset<Row> frame, DatasetSpec spec, Store store, String folder) {
    return write(frame, spec, store, folder, rows -> {});
  }

  /**
   * As {@link #write(Dataset, DatasetSpec, Store, String)}, once {@code check} has accepted the
   * rows: it sees them as they will be published, and reads them from the cache the files are
   * written from.
   */
  static Written write(
      Dataset<Row> frame,
      DatasetSpec spec,
      Store store,
      String folder,
      Consumer<Dataset<Row>> check) {
    // Re-applying the declared schema through the rows makes every column nullable whatever the
    // plan inferred: Parquet's REQUIRED/OPTIONAL flags, and so the bytes, would vary otherwise.
    Dataset<Row> conformed = conform(frame, spec);
    Dataset<Row> rows =
        conformed
            .sparkSession()
            .createDataFrame(conformed.javaRDD(), spec.schema())
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      check.accept(rows);
      store.mkdirs(folder);
      Target target = new Target(store, folder);
      List<FileEntry> files = new ArrayList<>();
      files.addAll(parquet(rows, spec, target));
      files.add(csv(rows, spec, target));
      files.add(json(rows, spec, target));
      files.sort(Comparator.comparing(FileEntry::path));
      return new Written(spec.name(), rows.count(), combined(files), List.copyOf(files));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write dataset " + spec.name() + " to " + folder, e);
    } finally {
      rows.unpersist();
    }
  }

  /** A dataset's folder on the output's store. */
  private record Target(Store store, String folder) {
    String at(String relative) {
      return folder + "/" + relative;
    }

    FileEntry entry(String relative, String format) {
      return new FileEntry(relative, format, store.size(at(relative)), store.sha256(at(relative)));
    }
  }

  /**
   * A data file of a dataset folder (a path relative to it), as opposed to metadata the publish
   * stage writes beside it ({@code datapackage.json}).
   */
  static boolean isDataFile(String relative) {
    return !relative.equals("datapackage.json");
  }

  /** Copies a dataset's data files from another release's folder and records them. */
  public static Written copy(Store store, String name, long rows, String from, String to) {
    for (String file : store.files(from)) {
      if (isDataFile(file)) {
        store.copy(from + "/" + file, to + "/" + file);
      }
    }
    return rehash(name, rows, store, to);
  }

  /** The record of files already in {@code folder} (a dataset carried over unchanged). */
  static Written rehash(String name, long rows, Store store, String folder) {
    Target target = new Target(store, folder);
    List<FileEntry> files = new ArrayList<>();
    for (String path : store.files(folder)) {
      if (isDataFile(path)) {
        String format =
            path.endsWith(".parquet") ? "parquet" : path.endsWith(".csv") ? "csv" : "json";
        files.add(target.entry(path, format));
      }
    }
    return new Written(name, rows, combined(files), List.copyOf(files));
  }

  private static List<FileEntry> parquet(Dataset<Row> rows, DatasetSpec spec, Target target)
      throws IOException {
    Store store = target.store();
    String tmp = target.at(".parquet-tmp");
    List<FileEntry> files = new ArrayList<>();
    if ("year".equals(spec.partition())) {
      Column[] order =
          Stream.concat(
                  Stream.of(col("year")), spec.key().stream().map(k -> col(k).asc_nulls_first()))
              .toArray(Column[]::new);
      rows.withColumn("year", substring(col("period"), 1, 4))
          .sortWithinPartitions(order)
          .write()
          .mode(SaveMode.Overwrite)
          .partitionBy("year")
          .parquet(tmp);
      for (String year : store.list(tmp).stream().filter(n -> n.startsWith("year=")).toList()) {
        String name =
            "parquet/"
                + year
                + "/"
                + spec.name()
                + "-"
                + year.substring("year=".length())
                + ".parquet";
        ParquetFooter.normalizedCopy(
            store, single(store, tmp + "/" + year, ".parquet"), target.at(name));
        files.add(target.entry(name, "parquet"));
      }
    }
    if (files.isEmpty()) {
      // No rows, so no year: one empty file keeps the schema readable and the resource listed.
      store.delete(tmp);
      rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(tmp);
      String name = "parquet/" + spec.name() + ".parquet";
      ParquetFooter.normalizedCopy(store, single(store, tmp, ".parquet"), target.at(name));
      files.add(target.entry(name, "parquet"));
    }
    store.delete(tmp);
    return files;
  }

  private static FileEntry csv(Dataset<Row> rows, DatasetSpec spec, Target target)
      throws IOException {
    Store store = target.store();
    String tmp = target.at(".csv-tmp");
    rows.coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("header", "true")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("timestampFormat", UTC_TIMESTAMP)
        .option("dateFormat", "yyyy-MM-dd")
        .option("timeZone", "UTC")
        .option("encoding", "UTF-8")
        .option("lineSep", "\n")
        .csv(tmp);
    String name = spec.name() + ".csv";
    String part = singleOrNull(store, tmp, ".csv");
    try (OutputStream out = store.create(target.at(name))) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // so Excel reads UTF-8
      if (part == null || store.size(part) == 0) {
        out.write(
            (String.join(",", spec.columns().stream().map(DatasetSpec.Column::name).toList())
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      } else {
        try (InputStream in = store.open(part)) {
          in.transferTo(out);
        }
      }
    }
    store.delete(tmp);
    return target.entry(name, "csv");
  }

  /** JSON: an array of row objects, every column present (null where empty), one row per line. */
  private static FileEntry json(Dataset<Row> rows, DatasetSpec spec, Target target)
      throws IOException {
    Store store = target.store();
    String tmp = target.at(".json-tmp");
    rows.coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("ignoreNullFields", "false")
        .option("timestampFormat", UTC_TIMESTAMP)
        .option("dateFormat", "yyyy-MM-dd")
        .option("timeZone", "UTC")
        .option("encoding", "UTF-8")
        .json(tmp);
    String name = spec.name() + ".json";
    String part = singleOrNull(store, tmp, ".json");
    try (Writer out =
        new OutputStreamWriter(store.create(target.at(name)), StandardCharsets.UTF_8)) {
      out.write("[");
      if (part != null) {
        try (BufferedReader in =
            new BufferedReader(new InputStreamReader(store.open(part), StandardCharsets.UTF_8))) {
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
    store.delete(tmp);
    return target.entry(name, "json");
  }

  private static String single(Store store, String dir, String suffix) throws IOException {
    String part = singleOrNull(store, dir, suffix);
    if (part == null) {
      throw new IOException("Spark wrote no " + suffix + " file in " + dir);
    }
    return part;
  }

  private static String singleOrNull(Store store, String dir, String suffix) throws IOException {
    List<String> parts =
        store.list(dir).stream().filter(n -> n.startsWith("part-") && n.endsWith(suffix)).toList();
    if (parts.size() > 1) {
      throw new IOException(
          "Expected one " + suffix + " file in " + dir + ", found " + parts.size());
    }
    return parts.isEmpty() ? null : dir + "/" + parts.get(0);
  }

  private static String combined(List<FileEntry> files) {
    MessageDigest digest = Sha256.digest();
    files.forEach(f -> Sha256.line(digest, f.path() + " " + f.sha256()));
    return Sha256.hex(digest);
  }
}
