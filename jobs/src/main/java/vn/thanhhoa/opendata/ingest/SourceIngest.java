package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.Checkpoint;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;

/**
 * Ingests one source: reads every landing file in parallel, validates and places each record,
 * writes quarantined records with their file, line, rule and raw text, and writes the latest
 * accepted row per key as typed staging Parquet partitioned by period.
 */
public final class SourceIngest {
  /** Staging columns saying where each row came from. */
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_LINE = "source_line";

  private final SparkSession spark;
  private final SourceSchema schema;
  private final AdminUnits units;

  public SourceIngest(SparkSession spark, SourceSchema schema, AdminUnits units) {
    this.spark = spark;
    this.schema = schema;
    this.units = units;
  }

  SourceSchema schema() {
    return schema;
  }

  /** Paths for one source's run. */
  public record Paths(String landing, String staging, String quarantine) {}

  /**
   * Ingests every landing file of the source and replaces its staging table; {@code beforeSwap}
   * runs just before the table starts to change (the caller forgets its manifest there).
   */
  public SourceReport run(Paths paths, Runnable beforeSwap) {
    Dataset<Row> records = validated(read(paths.landing())).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Counts counts = counted(records);
      writeQuarantine(records, paths.quarantine());
      writeStaging(records, paths.staging(), beforeSwap);
      return report(counts, staged(paths.staging()), null);
    } finally {
      records.unpersist();
    }
  }

  /**
   * Ingests only {@code newFiles} (qualified paths) and merges their accepted rows into the
   * staging partitions (periods) they touch: the latest submission per key over the old winners
   * and the new rows is the latest over all files, so the result equals a full ingest.
   * Returns the report over all files (the previous files' counts carried over) and the
   * periods touched. {@code beforeSwap} runs just before the table starts to change.
   */
  public Incremental runNew(Paths paths, List<String> newFiles, SourceReport previous, Runnable beforeSwap) {
    Dataset<Row> records = validated(readFiles(paths.landing(), newFiles)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Counts counts = counted(records);
      writeQuarantine(records, paths.quarantine());
      Dataset<Row> accepted = records.filter(isRecord().and(col(ParsedRecords.RULE).isNull()));
      List<String> touched = accepted.select(schema.partitionBy()).distinct().as(Encoders.STRING()).collectAsList()
          .stream().sorted().toList();
      if (!touched.isEmpty()) {
        mergeStaging(accepted, touched, paths.staging(), beforeSwap);
      }
      SourceReport report = report(counts, staged(paths.staging()), previous);
      return new Incremental(report, touched);
    } finally {
      records.unpersist();
    }
  }

  /** An incremental ingest's report (over all files) and the periods its new rows touched. */
  public record Incremental(SourceReport report, List<String> touchedPeriods) {}

  private long staged(String staging) {
    return spark.read().schema(stagingSchema(schema)).parquet(staging).count();
  }

  /** Parsed records and file rows of every landing file of the source. */
  Dataset<Row> read(String landing) {
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("pathGlobFilter", glob())
        .option("recursiveFileLookup", "true")
        .load(landing);
    return files.flatMap(new LandingFileReader(schema, qualified(landing)),
        Encoders.row(ParsedRecords.schema(schema)));
  }

  private Dataset<Row> readFiles(String landing, List<String> files) {
    // Spark expands glob characters in the paths it is given; a landing file may contain them.
    String[] literal = files.stream().map(f -> f.replaceAll("([\\\\\\[\\]{}*?])", "\\\\$1")).toArray(String[]::new);
    Dataset<Row> binary = spark.read().format("binaryFile").load(literal);
    return binary.flatMap(new LandingFileReader(schema, qualified(landing)), Encoders.row(ParsedRecords.schema(schema)));
  }

  /**
   * The source's folder as it is now, listed once: the files it reads (qualified path → size
   * and modification time) and, as warnings, those it will not read (names its globs do not
   * match, case-sensitively, and hidden files), never skipped silently.
   */
  public record Landing(java.util.Map<String, long[]> files, java.util.Map<String, String> names, List<String> ignored) {}

  public Landing scan(String landing) {
    org.apache.hadoop.fs.GlobFilter filter;
    try {
      filter = new org.apache.hadoop.fs.GlobFilter(glob());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Bad file pattern in the schema of " + schema.source() + ": " + e.getMessage(), e);
    }
    String root = qualified(landing);
    LandingFileReader reader = new LandingFileReader(schema, root);
    java.util.Map<String, long[]> files = new java.util.TreeMap<>();
    java.util.Map<String, String> names = new java.util.HashMap<>();
    List<String> ignored = new ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus status : Store.at(root, spark.sparkContext().hadoopConfiguration()).statuses(root)) {
      String name = status.getPath().getName();
      String path = status.getPath().toString();
      if (filter.accept(status.getPath()) && !name.startsWith(".") && !name.startsWith("_")) {
        files.put(path, new long[] {status.getLen(), status.getModificationTime()});
        names.put(path, reader.relativeName(path));
      } else {
        ignored.add(reader.relativeName(path) + ": not read (a hidden file, or the name does not match "
            + String.join(" / ", schema.files()) + "; names are case-sensitive)");
      }
    }
    return new Landing(files, names, ignored);
  }



  /** Unit rules applied; raw text kept only where the quarantine needs it. */
  Dataset<Row> validated(Dataset<Row> parsed) {
    Dataset<Row> placed = UnitResolution.apply(parsed, units.dimension(spark), schema, units.earliest());
    return placed.withColumn(ParsedRecords.RAW,
        when(col(ParsedRecords.RULE).isNull(), lit(null).cast("string")).otherwise(col(ParsedRecords.RAW)));
  }

  private void writeQuarantine(Dataset<Row> records, String target) {
    records.filter(isRecord().and(col(ParsedRecords.RULE).isNotNull()))
        .select(col(ParsedRecords.FILE).as("file"), col(ParsedRecords.LINE).as("line"),
            col(ParsedRecords.RULE).as("rule"), col(ParsedRecords.COLUMN).as("column"),
            col(ParsedRecords.MESSAGE).as("message"), col(ParsedRecords.RAW).as("raw"))
        .coalesce(1)
        .sortWithinPartitions("file", "line")
        .write().mode(SaveMode.Overwrite).json(target);
  }

  /** Written beside the table and swapped in, so a run killed while writing leaves the old table whole. */
  private void writeStaging(Dataset<Row> records, String target, Runnable beforeSwap) {
    Dataset<Row> accepted = records.filter(isRecord().and(col(ParsedRecords.RULE).isNull()));
    String incoming = target + ".incoming";
    String old = target + ".old";
    stagingRows(KeyResolution.latest(accepted, schema.key()))
        .repartition(col(schema.partitionBy()))
        .write().mode(SaveMode.Overwrite).partitionBy(schema.partitionBy()).parquet(incoming);
    Store store = store(target);
    beforeSwap.run();
    store.delete(old);
    if (store.exists(target)) {
      store.move(target, old);
    }
    Checkpoint.reach(Checkpoint.STAGING_SWAP);
    store.move(incoming, target);
    store.delete(old);
  }

  private Dataset<Row> stagingRows(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    schema.stagingNames().forEach(n -> columns.add(col(n)));
    columns.add(col(ParsedRecords.FILE).as(SOURCE_FILE));
    columns.add(col(ParsedRecords.LINE).as(SOURCE_LINE));
    return rows.select(columns.toArray(Column[]::new));
  }

  /**
   * Old winners of the touched periods plus the new rows, reduced to one row per key, written
   * beside the table and then swapped in partition by partition. Re-running after a crash in
   * the swap gives the same rows: the latest of a set is the latest of the set with itself.
   */
  private void mergeStaging(Dataset<Row> accepted, List<String> touched, String target, Runnable beforeSwap) {
    Column inTouched = col(schema.partitionBy()).isin(touched.toArray());
    Dataset<Row> old = spark.read().schema(stagingSchema(schema)).parquet(target).filter(inTouched)
        .withColumnRenamed(SOURCE_FILE, ParsedRecords.FILE).withColumnRenamed(SOURCE_LINE, ParsedRecords.LINE);
    List<Column> names = new ArrayList<>();
    schema.stagingNames().forEach(n -> names.add(col(n)));
    names.add(col(ParsedRecords.FILE));
    names.add(col(ParsedRecords.LINE));
    Dataset<Row> fresh = accepted.select(names.toArray(Column[]::new));
    Dataset<Row> combined = old.select(names.toArray(Column[]::new)).unionByName(fresh);
    String incoming = target + ".incoming";
    stagingRows(KeyResolution.latest(combined, schema.key()))
        .repartition(col(schema.partitionBy()))
        .write().mode(SaveMode.Overwrite).partitionBy(schema.partitionBy()).parquet(incoming);
    Store store = store(target);
    beforeSwap.run();
    for (String period : touched) {
      String partition = "/" + schema.partitionBy() + "=" + period;
      store.delete(target + partition);
      if (store.exists(incoming + partition)) {
        store.move(incoming + partition, target + partition);
      }
    }
    store.delete(incoming);
  }

  private Store store(String location) {
    return Store.at(location, spark.sparkContext().hadoopConfiguration());
  }

  /** This ingest's records counted per file and rule, each file's row carrying what its reader read. */
  record Counts(Map<String, long[]> perFile, Map<String, Long> byRule, Map<String, Row> fileRows) {}

  /**
   * Counts the classified records and checks them against the readers' own counts before
   * anything is written: a record lost or duplicated between reading and classifying (a join,
   * a filter) must stop the run, not shift the published numbers.
   */
  Counts counted(Dataset<Row> records) {
    Map<String, long[]> perFile = new TreeMap<>();
    Map<String, Long> byRule = new TreeMap<>();
    for (Row r : records.filter(isRecord()).groupBy(ParsedRecords.FILE, ParsedRecords.RULE).count().collectAsList()) {
      long[] counts = perFile.computeIfAbsent(r.getString(0), f -> new long[2]);
      if (r.isNullAt(1)) {
        counts[0] += r.getLong(2);
      } else {
        counts[1] += r.getLong(2);
        byRule.merge(r.getString(1), r.getLong(2), Long::sum);
      }
    }
    Map<String, Row> fileRows = new TreeMap<>();
    records.filter(col(ParsedRecords.KIND).equalTo(ParsedRecords.KIND_FILE))
        .select(ParsedRecords.FILE, ParsedRecords.ENCODING, ParsedRecords.RULE, ParsedRecords.MESSAGE,
            ParsedRecords.WARNINGS, ParsedRecords.SIZE, ParsedRecords.SHA256, ParsedRecords.MODIFIED,
            ParsedRecords.RECORDS)
        .collectAsList().forEach(r -> fileRows.put(r.getString(0), r));
    checkConserved(perFile, fileRows);
    return new Counts(perFile, byRule, fileRows);
  }

  static void checkConserved(Map<String, long[]> perFile, Map<String, Row> fileRows) {
    java.util.Set<String> files = new java.util.TreeSet<>(perFile.keySet());
    files.addAll(fileRows.keySet());
    for (String file : files) {
      long[] c = perFile.getOrDefault(file, new long[2]);
      Row f = fileRows.get(file);
      long read = f == null ? 0 : f.getLong(8);
      if (read != c[0] + c[1]) {
        throw new IllegalStateException("Row conservation failed for " + file + ": its reader read " + read
            + " record(s), but " + c[0] + " were accepted and " + c[1] + " quarantined; nothing was written");
      }
    }
  }

  /** The report over this ingest's files, added to those of {@code previous} (null for a full ingest). */
  SourceReport report(Counts counts, long staged, SourceReport previous) {
    List<SourceReport.FileReport> files = new ArrayList<>(previous == null ? List.of() : previous.fileReports());
    List<String> warnings = new ArrayList<>(previous == null ? List.of() : previous.warnings());
    counts.fileRows().forEach((file, f) -> {
      long[] c = counts.perFile().getOrDefault(file, new long[2]);
      files.add(new SourceReport.FileReport(file, f.getLong(5), f.getLong(7), f.getString(6), f.getString(1),
          f.getLong(8), c[0], c[1], f.getString(2), f.getString(3)));
      if (!f.isNullAt(4)) {
        warnings.addAll(List.of(f.getString(4).split("\n")));
      }
      if (!f.isNullAt(3)) {
        warnings.add(f.getString(3));
      }
    });
    files.sort(java.util.Comparator.comparing(SourceReport.FileReport::file));
    long read = files.stream().mapToLong(SourceReport.FileReport::rowsRead).sum();
    long accepted = files.stream().mapToLong(SourceReport.FileReport::rowsAccepted).sum();
    long quarantined = files.stream().mapToLong(SourceReport.FileReport::rowsQuarantined).sum();
    int rejected = (int) files.stream().filter(f -> f.rejectedBy() != null).count();
    Map<String, Long> allRules = new TreeMap<>(previous == null ? Map.of() : previous.quarantinedByRule());
    counts.byRule().forEach((rule, n) -> allRules.merge(rule, n, Long::sum));
    return new SourceReport(schema.source(), files.size(), rejected, read, accepted,
        quarantined, allRules, accepted - staged, staged, warnings, files, schemaSha256());
  }


  /** The columns of a source's staging table, the partition column last. */
  public static org.apache.spark.sql.types.StructType stagingSchema(SourceSchema schema) {
    org.apache.spark.sql.types.StructType data = ParsedRecords.dataSchema(schema);
    org.apache.spark.sql.types.StructType result = new org.apache.spark.sql.types.StructType();
    for (org.apache.spark.sql.types.StructField f : data.fields()) {
      if (!f.name().equals(schema.partitionBy())) {
        result = result.add(f);
      }
    }
    return result.add(SOURCE_FILE, org.apache.spark.sql.types.DataTypes.StringType)
        .add(SOURCE_LINE, org.apache.spark.sql.types.DataTypes.LongType)
        .add(data.apply(schema.partitionBy()));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper SCHEMA_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** A hash of the source's schema: a changed schema means every file must be read again. */
  public String schemaSha256() {
    try {
      return vn.thanhhoa.opendata.core.Sha256.of(SCHEMA_JSON.writeValueAsBytes(schema));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot hash the schema of " + schema.source(), e);
    }
  }

  private static Column isRecord() {
    return col(ParsedRecords.KIND).equalTo(ParsedRecords.KIND_RECORD);
  }

  private String glob() {
    return schema.files().size() == 1 ? schema.files().get(0) : "{" + String.join(",", schema.files()) + "}";
  }

  private String qualified(String location) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot resolve " + location, e);
    }
  }
}
