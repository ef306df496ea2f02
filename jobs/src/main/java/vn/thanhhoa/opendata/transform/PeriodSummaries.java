package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.FileDates;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.StagingTables;

/**
 * A summary per period of a staging table, kept under {@code state/}, each beside the list of
 * staging files (names, sizes, times) it was made from. A build summarises again only the periods
 * whose files changed since, and reads the others as they are; a period that only gained files
 * whose days all come after its other files' (a night's new day, appended by ingest) has the new
 * files' summary merged into its kept one. Whatever happened in between (a failed run, a back-fill,
 * a rollback), a summary is only ever used with the exact files it was made from.
 */
final class PeriodSummaries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERIOD = "period";

  /** One staging file as a summary saw it. */
  record StagingFile(String name, long bytes, long modified) {}

  /** Beside each period's summary: the staging files it was made from (the reader skips it). */
  private static final String FILES = "/_staging-files.json";

  /**
   * A period whose staging files are smaller is summarised again instead of merged: reading it
   * costs less than looking at footers and the merge's extra query (a province month, 64 KB: the
   * OCOP dataset built 0.3 s later merged; a national one, 11 MB and 1.1 M rows: 4 s sooner).
   */
  static final long MERGE_FROM_BYTES = 4L << 20;

  private final SparkSession spark;
  private final Store store;
  private final String folder;
  private final long mergeFromBytes;

  /**
   * @param folder where the summaries and their file lists live
   */
  PeriodSummaries(SparkSession spark, Store store, String folder) {
    this(spark, store, folder, MERGE_FROM_BYTES);
  }

  /** As above, merging into periods whose staging files hold {@code mergeFromBytes} or more. */
  PeriodSummaries(SparkSession spark, Store store, String folder, long mergeFromBytes) {
    this.spark = spark;
    this.store = store;
    this.folder = folder;
    this.mergeFromBytes = mergeFromBytes;
  }

  /** Every period's summary of {@code source}'s whole staging table. */
  Dataset<Row> of(StagingTables staging, SourceSchema source, PeriodSummary summary) {
    String table = staging.folder(source.source());
    Map<String, List<StagingFile>> now = files(table);
    if (now.isEmpty()) {
      return summary.of().apply(staging.read(source, null, null));
    }
    Map<String, List<StagingFile>> kept = kept();
    List<String> stale = new ArrayList<>();
    Map<String, List<String>> grown = new TreeMap<>();
    for (Map.Entry<String, List<StagingFile>> period : now.entrySet()) {
      List<StagingFile> before = kept.get(period.getKey());
      if (!period.getValue().equals(before)) {
        added(table + partition(period.getKey()), before, period.getValue(), summary)
            .ifPresentOrElse(
                files -> grown.put(period.getKey(), files), () -> stale.add(period.getKey()));
      }
    }
    List<String> gone = kept.keySet().stream().filter(p -> !now.containsKey(p)).toList();
    if (!stale.isEmpty() || !grown.isEmpty() || !gone.isEmpty()) {
      List<String> replaced = new ArrayList<>(stale);
      replaced.addAll(grown.keySet());
      refresh(changed(staging, source, summary, stale, grown), replaced, gone, now);
    }
    store.delete(folder + "/fingerprints.json"); // how earlier versions kept the same
    return summaries();
  }

  /**
   * The files (locations) a period's staging {@code partition} gained since its summary was made,
   * when that is all that changed, their days all come after those of the files it had, and those
   * are large enough to be worth it; empty otherwise.
   */
  private Optional<List<String>> added(
      String partition, List<StagingFile> before, List<StagingFile> now, PeriodSummary summary) {
    if (before == null
        || !new HashSet<>(now).containsAll(before)
        || before.stream().mapToLong(StagingFile::bytes).sum() < mergeFromBytes) {
      return Optional.empty();
    }
    List<String> keptFiles = before.stream().map(f -> partition + "/" + f.name()).toList();
    List<String> newFiles =
        now.stream().filter(f -> !before.contains(f)).map(f -> partition + "/" + f.name()).toList();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return FileDates.allAfter(keptFiles, newFiles, summary.day(), conf)
        ? Optional.of(newFiles)
        : Optional.empty();
  }

  /** The new summaries of the stale periods, and of the grown ones merged with their kept ones. */
  private Dataset<Row> changed(
      StagingTables staging,
      SourceSchema source,
      PeriodSummary summary,
      List<String> stale,
      Map<String, List<String>> grown) {
    Dataset<Row> changed = null;
    if (!stale.isEmpty()) {
      changed =
          summary
              .of()
              .apply(staging.read(source, null, null).filter(col(PERIOD).isin(stale.toArray())));
    }
    if (!grown.isEmpty()) {
      List<String> files = grown.values().stream().flatMap(List::stream).toList();
      Dataset<Row> added = summary.of().apply(staging.readFiles(source, files));
      Dataset<Row> kept = summaries().filter(col(PERIOD).isin(grown.keySet().toArray()));
      Dataset<Row> merged = summary.merge().apply(kept.unionByName(added));
      changed = changed == null ? merged : changed.unionByName(merged);
    }
    return changed;
  }

  /**
   * Writes the changed summaries beside, each with its files' list, and moves each period's in
   * (folder and list together), so a run killed in between leaves every period's summary with the
   * list of the files it was made from.
   */
  private void refresh(
      Dataset<Row> changed,
      List<String> replaced,
      List<String> gone,
      Map<String, List<StagingFile>> files) {
    String incoming = folder + ".incoming";
    if (changed != null) {
      changed
          .repartition(col(PERIOD))
          .write()
          .mode(SaveMode.Overwrite)
          .partitionBy(PERIOD)
          .parquet(incoming);
    }
    for (String period : gone) {
      store.delete(folder + partition(period));
    }
    for (String period : replaced) {
      String partition = partition(period);
      store.delete(folder + partition);
      if (store.exists(incoming + partition)) {
        store.write(incoming + partition + FILES, json(files.get(period)));
        store.move(incoming + partition, folder + partition);
      }
    }
    store.delete(incoming);
  }

  private Dataset<Row> summaries() {
    return spark.read().option("basePath", folder).parquet(folder + "/" + PERIOD + "=*");
  }

  /** A period's folder below a table's or the summaries' folder. */
  private static String partition(String period) {
    return "/" + PERIOD + "=" + period;
  }

  /** Period → its staging data files (not the checksums beside them), sorted by name. */
  private Map<String, List<StagingFile>> files(String staging) {
    Map<String, List<StagingFile>> listing = new TreeMap<>();
    for (FileStatus s : store.statuses(staging)) {
      String parent = s.getPath().getParent().getName();
      String name = s.getPath().getName();
      if (parent.startsWith(PERIOD + "=") && !name.startsWith(".") && !name.startsWith("_")) {
        listing
            .computeIfAbsent(parent.substring(PERIOD.length() + 1), p -> new ArrayList<>())
            .add(new StagingFile(name, s.getLen(), s.getModificationTime()));
      }
    }
    listing.values().forEach(files -> files.sort(Comparator.comparing(StagingFile::name)));
    return listing;
  }

  /** Period → the staging files its kept summary was made from. */
  private Map<String, List<StagingFile>> kept() {
    Map<String, List<StagingFile>> kept = new TreeMap<>();
    if (!store.isDirectory(folder)) {
      return kept;
    }
    String prefix = PERIOD + "=";
    for (String name : store.list(folder)) {
      String file = folder + "/" + name + FILES;
      if (name.startsWith(prefix) && store.isFile(file)) {
        try {
          kept.put(
              name.substring(prefix.length()),
              JSON.readValue(store.read(file), new TypeReference<List<StagingFile>>() {}));
        } catch (IOException e) {
          // unreadable: the period is summarised again
        }
      }
    }
    return kept;
  }

  private static byte[] json(List<StagingFile> files) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
