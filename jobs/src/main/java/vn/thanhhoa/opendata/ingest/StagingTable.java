package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.Checkpoint;
import vn.thanhhoa.opendata.core.FileDates;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;

/**
 * One source's staging table: typed Parquet partitioned by period, the latest accepted row per key
 * with the file and line it came from. A new version is written beside the table, its rows checked
 * against what was read, and swapped in (whole, or period by period), so a run killed while writing
 * leaves the old table whole.
 */
final class StagingTable {
  /** Staging columns saying where each row came from. */
  static final String SOURCE_FILE = "source_file";

  static final String SOURCE_LINE = "source_line";

  private final SparkSession spark;
  private final SourceSchema schema;
  private final String location;
  private final Store store;

  StagingTable(SparkSession spark, SourceSchema schema, String location) {
    this.spark = spark;
    this.schema = schema;
    this.location = location;
    this.store = Store.at(location, spark.sparkContext().hadoopConfiguration());
  }

  /** The columns of a source's staging table, the partition column last. */
  static StructType schema(SourceSchema schema) {
    StructType data = ParsedRecords.dataSchema(schema);
    StructType result = new StructType();
    for (StructField f : data.fields()) {
      if (!f.name().equals(schema.partitionBy())) {
        result = result.add(f);
      }
    }
    return result
        .add(SOURCE_FILE, DataTypes.StringType)
        .add(SOURCE_LINE, DataTypes.LongType)
        .add(data.apply(schema.partitionBy()));
  }

  /** Where a new version of the table is written before it is swapped in. */
  String beside() {
    return location + ".incoming";
  }

  /** Where an incremental ingest merges its new rows with the months they touch. */
  private String merging() {
    return location + ".merging";
  }

  /** Where the periods that {@link #resolveAcrossFiles} reduces are written. */
  private String resolving() {
    return location + ".resolving";
  }

  /**
   * The accepted rows, written beside the table partitioned by period: as they are when the reader
   * resolved them {@code inFiles} ({@link LatestInFile}; {@link #resolveAcrossFiles} then sees to
   * keys that two files share), else reduced to the latest per key by one shuffle.
   */
  void writeBeside(Dataset<Row> rows, boolean inFiles) {
    if (inFiles) {
      writeSorted(rows, beside());
    } else {
      writeLatest(rows, beside());
    }
  }

  /** The latest row per key of {@code rows}, written to {@code folder} (the rows in any order). */
  private void writeLatest(Dataset<Row> rows, String folder) {
    write(KeyResolution.latestByPartition(rows, schema.key(), schema.partitionBy()), folder);
  }

  /**
   * Rows resolved in their files, sorted by period and key where they are (no shuffle): a listing's
   * days side by side compress to a third.
   */
  private void writeSorted(Dataset<Row> rows, String folder) {
    Column[] order =
        KeyResolution.partitionAndKey(schema.key(), schema.partitionBy()).stream()
            .map(c -> col(c))
            .toArray(Column[]::new);
    write(rows.sortWithinPartitions(order), folder);
  }

  /**
   * Without dictionaries: most staging columns are near-unique (ids, URLs, times), where building
   * one costs a fifth of the write and is then thrown away.
   */
  private void write(Dataset<Row> rows, String folder) {
    rows.select(stagingColumns())
        .write()
        .mode(SaveMode.Overwrite)
        .option("parquet.enable.dictionary", "false")
        .partitionBy(schema.partitionBy())
        .parquet(folder);
  }

  /**
   * Once rows resolved in their files are written beside ({@link #writeBeside}): the periods where
   * a key can still occur twice (a file the reader could not resolve, or files that share a key
   * date, like a day crawled again in a later file) are reduced to the latest row per key again and
   * replace their partitions beside. Usually there is none.
   */
  void resolveAcrossFiles(Map<String, FileOutcome> outcomes) {
    List<String> periods = LatestInFile.unresolvedPeriods(outcomes.values());
    if (periods.isEmpty()) {
      return;
    }
    writeLatest(rowsOf(beside(), periods).select(readerColumns()), resolving());
    periods.forEach(period -> replacePartition(resolving(), beside(), period));
    store.delete(resolving());
  }

  /**
   * The files' outcomes once {@code read}'s rows are written to {@code written}, checked by {@link
   * RowConservation}. A mismatch removes {@code written} and stops the run.
   */
  Map<String, FileOutcome> checked(LandingRows read, String written) {
    Map<String, FileOutcome> outcomes = read.outcomes();
    try {
      RowConservation.check(outcomes, read.arrived());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while counting the rows of " + schema.source(), e);
    } catch (RuntimeException e) {
      store.delete(written);
      throw e;
    }
    return outcomes;
  }

  /** Swaps the version written beside in for the whole table; {@code beforeSwap} runs first. */
  void swapWhole(Runnable beforeSwap) {
    String old = location + ".old";
    beforeSwap.run();
    store.delete(old);
    if (store.exists(location)) {
      store.move(location, old);
    }
    Checkpoint.reach(Checkpoint.STAGING_SWAP);
    store.move(beside(), location);
    store.delete(old);
  }

  /**
   * Adds an incremental ingest's rows, written beside ({@link #writeBeside}), to the {@code
   * periods} they touch ({@code beforeSwap} runs first). A period whose new rows cannot share a key
   * with its kept ones (a new period, or a night's new day) takes their files as they are; a crash
   * among those moves leaves the manifest forgotten, so the next ingest reads every file again. In
   * any other period the kept rows and the new ones are reduced to one row per key and swapped in;
   * re-running after a crash there gives the same rows: the latest of a set is the latest of the
   * set with itself.
   */
  void merge(List<String> periods, Runnable beforeSwap) {
    if (periods.isEmpty()) {
      store.delete(beside()); // every new row was quarantined: the table stays as it is
      return;
    }
    List<String> merged = periods.stream().filter(p -> !takenAsTheyAre(p)).toList();
    if (!merged.isEmpty()) {
      Column[] columns = readerColumns();
      writeLatest(
          rowsOf(location, merged)
              .select(columns)
              .unionByName(rowsOf(beside(), merged).select(columns)),
          merging());
    }
    beforeSwap.run();
    for (String period : periods) {
      if (merged.contains(period)) {
        replacePartition(merging(), location, period);
      } else {
        appendPartition(period);
      }
    }
    store.delete(merging());
    store.delete(beside());
  }

  /**
   * Whether the period's new rows can join its kept ones as they are: it has none, or the key has a
   * date and every new row's comes after every kept row's (a night's new day, the usual case), told
   * by the files' footers.
   */
  private boolean takenAsTheyAre(String period) {
    List<String> kept = parquetFiles(location + partition(period));
    Optional<String> date = keyDate(schema);
    return kept.isEmpty()
        || date.isPresent()
            && FileDates.allAfter(
                kept,
                parquetFiles(beside() + partition(period)),
                date.get(),
                spark.sparkContext().hadoopConfiguration());
  }

  /** The key's column of type date, if it has one. */
  static Optional<String> keyDate(SourceSchema schema) {
    StructType columns = schema(schema);
    return schema.key().columns().stream()
        .filter(c -> columns.getFieldIndex(c).isDefined())
        .filter(c -> columns.apply(c).dataType().equals(DataTypes.DateType))
        .findFirst();
  }

  private List<String> parquetFiles(String folder) {
    if (!store.isDirectory(folder)) {
      return List.of();
    }
    return store.files(folder).stream()
        .filter(f -> f.endsWith(".parquet"))
        .map(f -> folder + "/" + f)
        .toList();
  }

  private String partition(String period) {
    return "/" + schema.partitionBy() + "=" + period;
  }

  /** The period's rows written to {@code from} replace those in {@code into}. */
  private void replacePartition(String from, String into, String period) {
    String partition = partition(period);
    store.delete(into + partition);
    if (store.exists(from + partition)) {
      store.move(from + partition, into + partition);
    }
  }

  /** The period's files written beside join the table's (their names are unique to the write). */
  private void appendPartition(String period) {
    String from = beside() + partition(period);
    for (String file : parquetFiles(from)) {
      String name = file.substring(from.length() + 1);
      store.move(file, location + partition(period) + "/" + name);
    }
  }

  /** How many rows the table holds. */
  long rows() {
    return spark.read().schema(schema(schema)).parquet(location).count();
  }

  /**
   * The rows in {@code periods} of the table (or of a new version) in {@code folder}, under the
   * reader's names for where they came from.
   */
  private Dataset<Row> rowsOf(String folder, List<String> periods) {
    return spark
        .read()
        .schema(schema(schema))
        .parquet(folder)
        .filter(col(schema.partitionBy()).isin(periods.toArray()))
        .withColumnRenamed(SOURCE_FILE, ParsedRecords.FILE)
        .withColumnRenamed(SOURCE_LINE, ParsedRecords.LINE);
  }

  private Column[] readerColumns() {
    String[] names = LandingRead.schema(schema).fieldNames();
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = col(names[i]);
    }
    return columns;
  }

  private Column[] stagingColumns() {
    List<Column> columns = new ArrayList<>();
    schema.stagingNames().forEach(n -> columns.add(col(n)));
    columns.add(col(ParsedRecords.FILE).as(SOURCE_FILE));
    columns.add(col(ParsedRecords.LINE).as(SOURCE_LINE));
    return columns.toArray(Column[]::new);
  }
}
