package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
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
   * runs just before the table starts to change (the caller forgets its manifest there). Each file
   * is read once: its accepted rows flow straight into the one shuffle that keeps the latest row
   * per key, and everything else comes back as the file's outcome.
   */
  public SourceReport run(Paths paths, Landing landing, Runnable beforeSwap) {
    LandingRows read = read(paths.landing(), List.copyOf(landing.files().values()));
    String incoming = paths.staging() + ".incoming";
    writeStaging(
        KeyResolution.latestByPartition(read.accepted(), schema.key(), schema.partitionBy()),
        incoming);
    Map<String, FileOutcome> outcomes = checked(read, incoming);
    QuarantineFile.write(store(paths.quarantine()), paths.quarantine(), outcomes.values());
    swapStaging(incoming, paths.staging(), beforeSwap);
    return report(outcomes, staged(paths.staging()), null);
  }

  /**
   * Ingests only {@code newFiles} (qualified paths) and merges their accepted rows into the staging
   * partitions (periods) they touch: the latest submission per key over the old winners and the new
   * rows is the latest over all files, so the result equals a full ingest. Returns the report over
   * all files (the previous files' counts carried over) and the periods touched. {@code beforeSwap}
   * runs just before the table changes.
   */
  public Incremental runNew(
      Paths paths,
      Landing landing,
      List<String> newFiles,
      SourceReport previous,
      Runnable beforeSwap) {
    LandingRows read =
        read(paths.landing(), newFiles.stream().map(f -> landing.files().get(f)).toList());
    // The new rows are written as they are read, so the periods they touch are known before the
    // merge reads those periods of the table; they are few (a night's files), the table is not.
    String fresh = paths.staging() + ".new";
    read.accepted().write().mode(SaveMode.Overwrite).parquet(fresh);
    Map<String, FileOutcome> outcomes = checked(read, fresh);
    List<String> touched =
        outcomes.values().stream().flatMap(o -> o.periods().stream()).distinct().sorted().toList();
    QuarantineFile.write(store(paths.quarantine()), paths.quarantine(), outcomes.values());
    if (!touched.isEmpty()) {
      mergeStaging(
          spark.read().schema(LandingRead.schema(schema)).parquet(fresh),
          touched,
          paths.staging(),
          beforeSwap);
    }
    store(fresh).delete(fresh);
    SourceReport report = report(outcomes, staged(paths.staging()), previous);
    return new Incremental(report, touched);
  }

  /** An incremental ingest's report (over all files) and the periods its new rows touched. */
  public record Incremental(SourceReport report, List<String> touchedPeriods) {}

  private long staged(String staging) {
    return spark.read().schema(stagingSchema(schema)).parquet(staging).count();
  }

  /** The accepted rows of some landing files (read lazily), and where their outcomes arrive. */
  record LandingRows(Dataset<Row> accepted, FileOutcomes outcomes, Observation observed) {}

  /** The accepted rows of {@code files}, read by the executors in groups of similar size. */
  LandingRows read(String landing, List<LandingFileReader.LandingFile> files) {
    FileOutcomes outcomes = new FileOutcomes();
    spark.sparkContext().register(outcomes); // unnamed: kept out of the UI, event log and listeners
    LandingRead reader =
        new LandingRead(
            schema,
            new LandingFileReader(schema, qualified(landing), new UnitPlacement(units, schema)),
            spark.sparkContext().hadoopConfiguration(),
            outcomes);
    List<List<LandingFileReader.LandingFile>> groups =
        groups(files, spark.sparkContext().defaultParallelism());
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(groups, groups.size())
            .flatMap(reader);
    Observation observed = new Observation("accepted rows of " + schema.source());
    Dataset<Row> accepted =
        spark
            .createDataFrame(rows, LandingRead.schema(schema))
            .observe(observed, count(lit(1)).as("rows"));
    return new LandingRows(accepted, outcomes, observed);
  }

  /**
   * Files in name order, cut into groups of about equal bytes: a few per core, so that the cores
   * stay busy to the end without a task per small file.
   */
  static List<List<LandingFileReader.LandingFile>> groups(
      List<LandingFileReader.LandingFile> files, int cores) {
    long total = files.stream().mapToLong(LandingFileReader.LandingFile::bytes).sum();
    long target = Math.min(256L << 20, Math.max(1L << 20, total / (Math.max(cores, 1) * 4L)));
    List<List<LandingFileReader.LandingFile>> groups = new ArrayList<>();
    List<LandingFileReader.LandingFile> group = new ArrayList<>();
    long size = 0;
    for (LandingFileReader.LandingFile f :
        files.stream()
            .sorted(java.util.Comparator.comparing(LandingFileReader.LandingFile::uri))
            .toList()) {
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

  /**
   * The files' outcomes once the rows are written to {@code written}, checked: each file's accepted
   * and quarantined records add up to what its reader read, and the rows that reached the write are
   * exactly the accepted ones. A mismatch removes {@code written} and stops the run.
   */
  private Map<String, FileOutcome> checked(LandingRows read, String written) {
    Map<String, FileOutcome> outcomes = new TreeMap<>(read.outcomes().value());
    try {
      long arrived = ((Number) read.observed().getAsJava().get("rows")).longValue();
      checkConserved(outcomes, arrived);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while counting the rows of " + schema.source(), e);
    } catch (RuntimeException e) {
      store(written).delete(written);
      throw e;
    }
    return outcomes;
  }

  static void checkConserved(Map<String, FileOutcome> outcomes, long arrived) {
    long accepted = 0;
    for (FileOutcome outcome : outcomes.values()) {
      SourceReport.FileReport f = outcome.report();
      if (f.rowsRead() != f.rowsAccepted() + f.rowsQuarantined()) {
        throw new IllegalStateException(
            "Row conservation failed for "
                + f.file()
                + ": its reader read "
                + f.rowsRead()
                + " record(s), but "
                + f.rowsAccepted()
                + " were accepted and "
                + f.rowsQuarantined()
                + " quarantined; nothing was written");
      }
      accepted += f.rowsAccepted();
    }
    if (accepted != arrived) {
      throw new IllegalStateException(
          "Row conservation failed: "
              + accepted
              + " record(s) were accepted, but "
              + arrived
              + " reached the staging table; nothing was written");
    }
  }

  /**
   * The source's folder as it is now, listed once: the files it reads (qualified path → size and
   * modification time) and, as warnings, those it will not read (names its globs do not match,
   * case-sensitively, and hidden files), never skipped silently.
   */
  public record Landing(
      java.util.Map<String, LandingFileReader.LandingFile> files,
      java.util.Map<String, String> names,
      List<String> ignored) {}

  public Landing scan(String landing) {
    org.apache.hadoop.fs.GlobFilter filter;
    try {
      filter = new org.apache.hadoop.fs.GlobFilter(glob());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "Bad file pattern in the schema of " + schema.source() + ": " + e.getMessage(), e);
    }
    String root = qualified(landing);
    LandingFileReader reader = new LandingFileReader(schema, root);
    java.util.Map<String, LandingFileReader.LandingFile> files = new java.util.TreeMap<>();
    java.util.Map<String, String> names = new java.util.HashMap<>();
    Warnings ignored = new Warnings(schema.source() + "/");
    for (org.apache.hadoop.fs.FileStatus status :
        Store.at(root, spark.sparkContext().hadoopConfiguration()).statuses(root)) {
      String name = status.getPath().getName();
      String path = status.getPath().toString();
      if (filter.accept(status.getPath()) && !name.startsWith(".") && !name.startsWith("_")) {
        files.put(
            path,
            new LandingFileReader.LandingFile(
                status.getPath().toUri().toString(),
                status.getLen(),
                status.getModificationTime()));
        names.put(path, reader.relativeName(path));
      } else {
        ignored.add(
            "files not read",
            reader.relativeName(path)
                + ": not read (a hidden file, or the name does not match "
                + String.join(" / ", schema.files())
                + "; names are case-sensitive)");
      }
    }
    return new Landing(files, names, ignored.list());
  }

  /**
   * The staging rows, written partitioned by period (the rows arrive grouped by period). Without
   * dictionaries: most staging columns are near-unique (ids, URLs, times), where building one costs
   * a fifth of the write and is then thrown away.
   */
  private void writeStaging(Dataset<Row> latest, String target) {
    stagingRows(latest)
        .write()
        .mode(SaveMode.Overwrite)
        .option("parquet.enable.dictionary", "false")
        .partitionBy(schema.partitionBy())
        .parquet(target);
  }

  /**
   * Written beside the table and swapped in, so a run killed while writing leaves the old table
   * whole.
   */
  private void swapStaging(String incoming, String target, Runnable beforeSwap) {
    String old = target + ".old";
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
   * beside the table and then swapped in partition by partition. Re-running after a crash in the
   * swap gives the same rows: the latest of a set is the latest of the set with itself.
   */
  private void mergeStaging(
      Dataset<Row> fresh, List<String> touched, String target, Runnable beforeSwap) {
    Column inTouched = col(schema.partitionBy()).isin(touched.toArray());
    Dataset<Row> old =
        spark
            .read()
            .schema(stagingSchema(schema))
            .parquet(target)
            .filter(inTouched)
            .withColumnRenamed(SOURCE_FILE, ParsedRecords.FILE)
            .withColumnRenamed(SOURCE_LINE, ParsedRecords.LINE);
    Column[] names =
        java.util.Arrays.stream(LandingRead.schema(schema).fieldNames())
            .map(n -> col(n))
            .toArray(Column[]::new);
    Dataset<Row> combined = old.select(names).unionByName(fresh.select(names));
    String incoming = target + ".incoming";
    writeStaging(
        KeyResolution.latestByPartition(combined, schema.key(), schema.partitionBy()), incoming);
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

  /**
   * The report over this ingest's files, added to those of {@code previous} (null for a full
   * ingest).
   */
  SourceReport report(Map<String, FileOutcome> outcomes, long staged, SourceReport previous) {
    List<SourceReport.FileReport> files =
        new ArrayList<>(previous == null ? List.of() : previous.fileReports());
    List<String> warnings = new ArrayList<>(previous == null ? List.of() : previous.warnings());
    Map<String, Long> allRules =
        new TreeMap<>(previous == null ? Map.of() : previous.quarantinedByRule());
    outcomes.forEach(
        (file, f) -> {
          files.add(f.report());
          warnings.addAll(f.warnings());
          if (f.report().rejection() != null) {
            warnings.add(f.report().rejection());
          }
          f.quarantinedByRule().forEach((rule, n) -> allRules.merge(rule, n, Long::sum));
        });
    files.sort(java.util.Comparator.comparing(SourceReport.FileReport::file));
    long read = files.stream().mapToLong(SourceReport.FileReport::rowsRead).sum();
    long accepted = files.stream().mapToLong(SourceReport.FileReport::rowsAccepted).sum();
    long quarantined = files.stream().mapToLong(SourceReport.FileReport::rowsQuarantined).sum();
    int rejected = (int) files.stream().filter(f -> f.rejectedBy() != null).count();
    return new SourceReport(
        schema.source(),
        files.size(),
        rejected,
        read,
        accepted,
        quarantined,
        allRules,
        accepted - staged,
        staged,
        warnings,
        files,
        schemaSha256());
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
    return result
        .add(SOURCE_FILE, org.apache.spark.sql.types.DataTypes.StringType)
        .add(SOURCE_LINE, org.apache.spark.sql.types.DataTypes.LongType)
        .add(data.apply(schema.partitionBy()));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper SCHEMA_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** A hash of the source's schema: a changed schema means every file must be read again. */
  public String schemaSha256() {
    try {
      return vn.thanhhoa.opendata.core.Sha256.of(SCHEMA_JSON.writeValueAsBytes(schema));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot hash the schema of " + schema.source(), e);
    }
  }

  private String glob() {
    return schema.files().size() == 1
        ? schema.files().get(0)
        : "{" + String.join(",", schema.files()) + "}";
  }

  private String qualified(String location) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .makeQualified(path)
          .toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot resolve " + location, e);
    }
  }
}
