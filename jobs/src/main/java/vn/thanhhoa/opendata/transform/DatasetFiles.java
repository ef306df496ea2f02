package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.core.Store;

/**
 * Writes one dataset as Parquet, CSV, JSON and Excel under {@code datasets/<name>/}: typed as its
 * definition says, sorted by its key, one file per format (per year for Parquet where the
 * definition asks), fixed names, so the same rows always give byte-identical files.
 */
public final class DatasetFiles {
  /** The formats every dataset is written in, as file name extensions. */
  private static final List<String> FORMATS = List.of("parquet", "csv", "json", "xlsx");

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
    return write(frame, spec, store, folder, Dataset::count);
  }

  /**
   * As {@link #write(Dataset, DatasetSpec, Store, String)}, once {@code check} has accepted and
   * counted the rows: it sees them as they will be published (one partition, in key order), and its
   * pass fills the cache the files are then written from.
   */
  static Written write(
      Dataset<Row> frame,
      DatasetSpec spec,
      Store store,
      String folder,
      ToLongFunction<Dataset<Row>> check) {
    // Re-applying the declared schema through the rows makes every column nullable whatever the
    // plan inferred: Parquet's REQUIRED/OPTIONAL flags, and so the bytes, would vary otherwise.
    Dataset<Row> conformed = conform(frame, spec);
    Dataset<Row> rows =
        conformed
            .sparkSession()
            .createDataFrame(conformed.javaRDD(), spec.schema())
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long count = check.applyAsLong(rows);
      store.mkdirs(folder);
      DatasetFolder target = new DatasetFolder(store, folder);
      List<FileEntry> files = new ArrayList<>();
      files.addAll(FormatFiles.parquet(rows, spec, target));
      files.add(FormatFiles.csv(rows, spec, target));
      files.add(FormatFiles.json(rows, spec, target));
      files.add(XlsxFile.write(rows, count, spec, target));
      files.sort(Comparator.comparing(FileEntry::path));
      return new Written(spec.name(), count, combined(files), List.copyOf(files));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write dataset " + spec.name() + " to " + folder, e);
    } finally {
      rows.unpersist();
    }
  }

  /**
   * Whether a dataset folder (of an earlier release) has a file of every format written now; one
   * made before a format was added must be built again, not carried over.
   */
  static boolean hasEveryFormat(Store store, String folder) {
    List<String> files = store.files(folder);
    return FORMATS.stream().allMatch(f -> files.stream().anyMatch(p -> p.endsWith("." + f)));
  }

  /**
   * A data file of a dataset folder (a path relative to it), as opposed to metadata the publish
   * stage writes beside it ({@code datapackage.json}).
   */
  static boolean isDataFile(String relative) {
    return !relative.equals("datapackage.json");
  }

  /**
   * Copies a dataset's data files from another release's folder and records them, with the rows its
   * Parquet files' footers count.
   */
  public static Written copy(Store store, String name, String from, String to) {
    return copy(store, name, from, to, Optional.empty());
  }

  /**
   * As above; {@code recorded}, the other release's record of the dataset, gives the files' hashes
   * and the rows instead of reading them again when it names exactly the files copied. The release
   * check still reads every file against its hash before publishing, so a published file changed
   * since it was recorded stops the release instead of being published again under a new hash.
   */
  public static Written copy(
      Store store, String name, String from, String to, Optional<Written> recorded) {
    List<String> files = store.files(from).stream().filter(DatasetFiles::isDataFile).toList();
    files.forEach(file -> store.copy(from + "/" + file, to + "/" + file));
    return recorded
        .flatMap(r -> asRecorded(r, files))
        .orElseGet(() -> rehash(name, footerRows(store, to, files), store, to));
  }

  private static long footerRows(Store store, String folder, List<String> files) {
    return files.stream()
        .filter(f -> f.endsWith(".parquet"))
        .mapToLong(f -> ParquetFooter.rows(store, folder + "/" + f))
        .sum();
  }

  /** {@code recorded} for {@code files} (in their order), if it records exactly them. */
  private static Optional<Written> asRecorded(Written recorded, List<String> files) {
    Map<String, FileEntry> byPath = new HashMap<>();
    recorded.files().forEach(f -> byPath.put(f.path(), f));
    List<FileEntry> entries = new ArrayList<>();
    for (String path : files) {
      FileEntry f = byPath.get(path);
      if (f == null || !isComplete(f) || !f.format().equals(format(path))) {
        return Optional.empty();
      }
      entries.add(f);
    }
    return entries.size() == byPath.size()
        ? Optional.of(
            new Written(recorded.name(), recorded.rows(), combined(entries), List.copyOf(entries)))
        : Optional.empty();
  }

  /** A record with a size and a sha256 (a report edited by hand may lack them). */
  private static boolean isComplete(FileEntry f) {
    return f.bytes() >= 0 && f.sha256().matches("[0-9a-f]{64}");
  }

  private static String format(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** The record of files already in {@code folder} (a dataset carried over unchanged). */
  static Written rehash(String name, long rows, Store store, String folder) {
    DatasetFolder target = new DatasetFolder(store, folder);
    List<FileEntry> files = new ArrayList<>();
    for (String path : store.files(folder)) {
      if (isDataFile(path)) {
        files.add(target.entry(path, format(path)));
      }
    }
    return new Written(name, rows, combined(files), List.copyOf(files));
  }

  private static String combined(List<FileEntry> files) {
    MessageDigest digest = Sha256.digest();
    files.forEach(f -> Sha256.line(digest, f.path() + " " + f.sha256()));
    return Sha256.hex(digest);
  }
}
