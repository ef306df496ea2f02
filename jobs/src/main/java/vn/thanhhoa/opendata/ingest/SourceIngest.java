package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
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
import vn.thanhhoa.opendata.core.SourceSchema;

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

  /** Paths for one source's run. */
  public record Paths(String landing, String staging, String quarantine) {}

  public SourceReport run(Paths paths) {
    Dataset<Row> records = validated(read(paths.landing())).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      writeQuarantine(records, paths.quarantine());
      writeStaging(records, paths.staging());
      long staged = spark.read().schema(stagingSchema(schema)).parquet(paths.staging()).count();
      return report(records, staged);
    } finally {
      records.unpersist();
    }
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

  private void writeStaging(Dataset<Row> records, String target) {
    Dataset<Row> accepted = records.filter(isRecord().and(col(ParsedRecords.RULE).isNull()));
    List<Column> columns = new ArrayList<>();
    schema.stagingNames().forEach(n -> columns.add(col(n)));
    columns.add(col(ParsedRecords.FILE).as(SOURCE_FILE));
    columns.add(col(ParsedRecords.LINE).as(SOURCE_LINE));
    KeyResolution.latest(accepted, schema.key())
        .select(columns.toArray(Column[]::new))
        .repartition(col(schema.partitionBy()))
        .write().mode(SaveMode.Overwrite).partitionBy(schema.partitionBy()).parquet(target);
  }

  private SourceReport report(Dataset<Row> records, long staged) {
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
    List<SourceReport.FileReport> files = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Row> fileRows = new HashMap<>();
    records.filter(col(ParsedRecords.KIND).equalTo(ParsedRecords.KIND_FILE))
        .select(ParsedRecords.FILE, ParsedRecords.ENCODING, ParsedRecords.RULE, ParsedRecords.MESSAGE,
            ParsedRecords.WARNINGS, ParsedRecords.SIZE, ParsedRecords.SHA256)
        .collectAsList().forEach(r -> fileRows.put(r.getString(0), r));
    for (String file : new java.util.TreeSet<>(fileRows.keySet())) {
      Row f = fileRows.get(file);
      long[] c = perFile.getOrDefault(file, new long[2]);
      files.add(new SourceReport.FileReport(file, f.getLong(5), f.getString(6), f.getString(1), c[0] + c[1],
          c[0], c[1], f.getString(2), f.getString(3)));
      if (!f.isNullAt(4)) {
        warnings.addAll(List.of(f.getString(4).split("\n")));
      }
      if (!f.isNullAt(3)) {
        warnings.add(f.getString(3));
      }
    }
    long accepted = files.stream().mapToLong(SourceReport.FileReport::rowsAccepted).sum();
    long quarantined = files.stream().mapToLong(SourceReport.FileReport::rowsQuarantined).sum();
    int rejected = (int) files.stream().filter(f -> f.rejectedBy() != null).count();
    return new SourceReport(schema.source(), files.size(), rejected, accepted + quarantined, accepted,
        quarantined, byRule, accepted - staged, staged, warnings, files);
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
