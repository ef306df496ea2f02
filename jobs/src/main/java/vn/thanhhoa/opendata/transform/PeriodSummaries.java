package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.core.Store;

/**
 * A summary per period of a staging table, kept under {@code state/} with the fingerprint of the
 * staging partition each period's summary was made from (its files' names, sizes and times). A
 * build summarises again only the periods whose partition changed since, and reads the others as
 * they are: a night that adds one day re-reads one month, not the whole history. Whatever happened
 * in between (a failed run, a back-fill, a rollback), a summary is only ever used with the exact
 * partition it was made from.
 */
final class PeriodSummaries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERIOD = "period";

  private final SparkSession spark;
  private final Store store;
  private final String folder;

  /**
   * @param folder where the summaries and their fingerprints live
   */
  PeriodSummaries(SparkSession spark, Store store, String folder) {
    this.spark = spark;
    this.store = store;
    this.folder = folder;
  }

  /** Every period's summary of {@code table} (the staging table at {@code staging}). */
  Dataset<Row> of(Dataset<Row> table, String staging, UnaryOperator<Dataset<Row>> summarise) {
    Map<String, String> now = fingerprints(staging);
    if (now.isEmpty()) {
      return summarise.apply(table);
    }
    Map<String, String> kept = kept();
    List<String> stale =
        now.keySet().stream().filter(p -> !now.get(p).equals(kept.get(p))).toList();
    List<String> gone = kept.keySet().stream().filter(p -> !now.containsKey(p)).toList();
    if (!stale.isEmpty() || !gone.isEmpty()) {
      refresh(table, summarise, stale, gone);
      store.writeAtomically(folder + "/fingerprints.json", json(now));
    }
    return spark.read().option("basePath", folder).parquet(folder + "/" + PERIOD + "=*");
  }

  private void refresh(
      Dataset<Row> table,
      UnaryOperator<Dataset<Row>> summarise,
      List<String> stale,
      List<String> gone) {
    String incoming = folder + ".incoming";
    if (!stale.isEmpty()) {
      summarise
          .apply(table.filter(col(PERIOD).isin(stale.toArray())))
          .repartition(col(PERIOD))
          .write()
          .mode(SaveMode.Overwrite)
          .partitionBy(PERIOD)
          .parquet(incoming);
    }
    for (String period : gone) {
      store.delete(folder + "/" + PERIOD + "=" + period);
    }
    for (String period : stale) {
      String partition = "/" + PERIOD + "=" + period;
      store.delete(folder + partition);
      if (store.exists(incoming + partition)) {
        store.move(incoming + partition, folder + partition);
      }
    }
    store.delete(incoming);
  }

  /** Period → a hash of the names, sizes and modification times of its staging files. */
  private Map<String, String> fingerprints(String staging) {
    Map<String, StringBuilder> listing = new TreeMap<>();
    for (FileStatus s : store.statuses(staging)) {
      String parent = s.getPath().getParent().getName();
      if (parent.startsWith(PERIOD + "=")) {
        listing
            .computeIfAbsent(parent.substring(PERIOD.length() + 1), p -> new StringBuilder())
            .append(s.getPath().getName())
            .append(' ')
            .append(s.getLen())
            .append(' ')
            .append(s.getModificationTime())
            .append('\n');
      }
    }
    Map<String, String> hashes = new TreeMap<>();
    listing.forEach(
        (period, files) ->
            hashes.put(period, Sha256.of(files.toString().getBytes(StandardCharsets.UTF_8))));
    return hashes;
  }

  private Map<String, String> kept() {
    String file = folder + "/fingerprints.json";
    if (!store.isFile(file)) {
      return Map.of();
    }
    try {
      return JSON.readValue(store.read(file), new TypeReference<TreeMap<String, String>>() {});
    } catch (IOException e) {
      return Map.of(); // unreadable: every period is summarised again
    }
  }

  private static byte[] json(Map<String, String> fingerprints) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(fingerprints);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
