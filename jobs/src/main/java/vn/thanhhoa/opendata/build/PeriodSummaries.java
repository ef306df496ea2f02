package vn.thanhhoa.opendata.build;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.Store;

/**
 * A summary per period of a staging table, kept under {@code state/} with the listing of the
 * staging partition each period's summary was made from (its files' names, sizes and times).
 * A build summarises again only the periods whose partition changed since, and reads the others
 * as they are. Where a partition only gained files whose days all come after every day already
 * summarised (a new night's listings), only those files are summarised and merged into the
 * period's summary: a night that adds one day reads that day, not its month. Whatever happened
 * in between (a failed run, a back-fill, a rollback), a summary is only ever used with the exact
 * partition it was made from.
 */
final class PeriodSummaries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERIOD = "period";

  /**
   * How a table is summarised: {@code summarise} makes per-period summaries of rows, {@code
   * merge} combines summaries of the same period made from disjoint sets of days, {@code day} is
   * the rows' day column and {@code lastDay} the summaries' column holding the latest day.
   */
  record Kind(UnaryOperator<Dataset<Row>> summarise, UnaryOperator<Dataset<Row>> merge, String day, String lastDay) {}

  private final SparkSession spark;
  private final Store store;
  private final String folder;

  /** @param folder where the summaries and their listings live */
  PeriodSummaries(SparkSession spark, Store store, String folder) {
    this.spark = spark;
    this.store = store;
    this.folder = folder;
  }

  /** Every period's summary of {@code table} (the staging table at {@code staging}). */
  Dataset<Row> of(Dataset<Row> table, String staging, Kind kind) {
    Map<String, List<String>> now = listings(staging);
    if (now.isEmpty()) {
      return kind.summarise().apply(table);
    }
    Map<String, List<String>> kept = kept();
    List<String> changed = now.keySet().stream().filter(p -> !now.get(p).equals(kept.get(p))).toList();
    List<String> gone = kept.keySet().stream().filter(p -> !now.containsKey(p)).toList();
    if (!changed.isEmpty() || !gone.isEmpty()) {
      Dataset<Row> fresh = null;
      List<String> stale = new java.util.ArrayList<>();
      for (String period : changed) {
        Dataset<Row> merged = appended(table, staging, kind, period, kept.get(period), now.get(period));
        if (merged == null) {
          stale.add(period);
        } else {
          fresh = fresh == null ? merged : fresh.unionByName(merged);
        }
      }
      if (!stale.isEmpty()) {
        Dataset<Row> summarised = kind.summarise().apply(table.filter(col(PERIOD).isin(stale.toArray())));
        fresh = fresh == null ? summarised : fresh.unionByName(summarised);
      }
      refresh(fresh, changed, gone);
      store.writeAtomically(folder + "/listings.json", json(now));
    }
    return spark.read().option("basePath", folder).parquet(folder + "/" + PERIOD + "=*");
  }

  /**
   * The period's summary with only its added files summarised and merged in, or null where
   * that is not exact: a file gone or changed, or an added day not after every summarised day.
   */
  @SuppressWarnings("unchecked")
  private Dataset<Row> appended(Dataset<Row> table, String staging, Kind kind, String period, List<String> before,
      List<String> after) {
    String summary = folder + "/" + PERIOD + "=" + period;
    if (before == null || !after.containsAll(before) || !store.isDirectory(summary)) {
      return null;
    }
    String partition = staging + "/" + PERIOD + "=" + period + "/";
    String[] added = after.stream().filter(f -> !before.contains(f)).map(f -> partition + f.substring(0, f.indexOf(' ')))
        .toArray(String[]::new);
    Dataset<Row> old = spark.read().option("basePath", folder).parquet(summary);
    Dataset<Row> rows = spark.read().schema(table.schema()).option("basePath", staging).parquet(added);
    Row last = old.agg(max(col(kind.lastDay()))).first();
    Row first = rows.agg(min(col(kind.day()))).first();
    if (last.isNullAt(0) || first.isNullAt(0) || ((Comparable<Object>) first.get(0)).compareTo(last.get(0)) <= 0) {
      return null;
    }
    return kind.merge().apply(old.unionByName(kind.summarise().apply(rows)));
  }

  private void refresh(Dataset<Row> fresh, List<String> changed, List<String> gone) {
    String incoming = folder + ".incoming";
    if (fresh != null) {
      fresh.repartition(col(PERIOD)).write().mode(SaveMode.Overwrite).partitionBy(PERIOD).parquet(incoming);
    }
    for (String period : gone) {
      store.delete(folder + "/" + PERIOD + "=" + period);
    }
    for (String period : changed) {
      String partition = "/" + PERIOD + "=" + period;
      store.delete(folder + partition);
      if (store.exists(incoming + partition)) {
        store.move(incoming + partition, folder + partition);
      }
    }
    store.delete(incoming);
  }

  /** Period → the names, sizes and modification times of its staging files, sorted. */
  private Map<String, List<String>> listings(String staging) {
    Map<String, List<String>> listing = new TreeMap<>();
    for (FileStatus s : store.statuses(staging)) {
      String parent = s.getPath().getParent().getName();
      String name = s.getPath().getName();
      if (parent.startsWith(PERIOD + "=") && !name.startsWith(".") && !name.startsWith("_")) {
        listing.computeIfAbsent(parent.substring(PERIOD.length() + 1), p -> new java.util.ArrayList<>())
            .add(name + ' ' + s.getLen() + ' ' + s.getModificationTime());
      }
    }
    listing.values().forEach(java.util.Collections::sort);
    return listing;
  }

  private Map<String, List<String>> kept() {
    String file = folder + "/listings.json";
    if (!store.isFile(file)) {
      return Map.of();
    }
    try {
      return JSON.readValue(store.read(file), new TypeReference<TreeMap<String, List<String>>>() {});
    } catch (IOException e) {
      return Map.of(); // unreadable: every period is summarised again
    }
  }

  private static byte[] json(Map<String, List<String>> listings) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(listings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
