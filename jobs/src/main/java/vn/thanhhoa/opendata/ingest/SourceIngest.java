package vn.thanhhoa.opendata.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.LandingFileReader.LandingFile;

/**
 * Ingests one source: reads every landing file in parallel, validates and places each record,
 * writes quarantined records with their file, line, rule and raw text, and writes the latest
 * accepted row per key as typed staging Parquet partitioned by period.
 */
public final class SourceIngest {
  /** Staging columns saying where each row came from. */
  public static final String SOURCE_FILE = StagingTable.SOURCE_FILE;

  public static final String SOURCE_LINE = StagingTable.SOURCE_LINE;

  private static final ObjectMapper SCHEMA_JSON = new ObjectMapper();

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

  /** An incremental ingest's report (over all files) and the periods its new rows touched. */
  public record Incremental(SourceReport report, List<String> touchedPeriods) {}

  /**
   * Ingests every landing file of the source and replaces its staging table; {@code beforeSwap}
   * runs just before the table starts to change (the caller forgets its manifest there). Each file
   * is read once: its accepted rows are resolved to the latest per key in the file or by one
   * shuffle ({@link StagingTable#writeBeside}), and everything else comes back as the file's
   * outcome.
   */
  public SourceReport run(Paths paths, Landing landing, Runnable beforeSwap) {
    StagingTable table = new StagingTable(spark, schema, paths.staging());
    Map<String, FileOutcome> outcomes =
        stage(table, landing, List.copyOf(landing.files().values()));
    quarantine(paths, outcomes);
    table.swapWhole(beforeSwap);
    return report(outcomes, table, null);
  }

  /**
   * Ingests only {@code newFiles} (qualified paths) and merges their accepted rows, reduced to the
   * latest per key as they are read, into the staging partitions (periods) they touch: the latest
   * submission per key over the old winners and the new rows is the latest over all files, so the
   * result equals a full ingest. Returns the report over all files (the previous files' counts
   * carried over) and the periods touched. {@code beforeSwap} runs just before the table changes.
   */
  public Incremental runNew(
      Paths paths,
      Landing landing,
      List<String> newFiles,
      SourceReport previous,
      Runnable beforeSwap) {
    StagingTable table = new StagingTable(spark, schema, paths.staging());
    Map<String, FileOutcome> outcomes = stage(table, landing, landing.files(newFiles));
    List<String> touched = touched(outcomes);
    quarantine(paths, outcomes);
    table.merge(touched, beforeSwap);
    return new Incremental(report(outcomes, table, previous), touched);
  }

  /** The periods (staging partitions) that the files' accepted rows fall in, in order. */
  private static List<String> touched(Map<String, FileOutcome> outcomes) {
    return outcomes.values().stream()
        .flatMap(o -> o.periods().stream())
        .distinct()
        .sorted()
        .toList();
  }

  /** The report over these outcomes and {@code previous}'s files (null: none). */
  private SourceReport report(
      Map<String, FileOutcome> outcomes, StagingTable table, SourceReport previous) {
    return new ReportTally(previous)
        .add(outcomes)
        .report(schema.source(), table.rows(), schemaSha256());
  }

  /**
   * Reads {@code files} and writes their accepted rows beside {@code table}, the latest per key;
   * returns the files' outcomes, checked.
   */
  private Map<String, FileOutcome> stage(
      StagingTable table, Landing landing, List<LandingFile> files) {
    boolean inFiles = LatestInFile.resolves(schema, files);
    LandingRows read = read(landing, files, inFiles);
    table.writeBeside(read.accepted(), inFiles);
    Map<String, FileOutcome> outcomes = table.checked(read, table.beside());
    if (inFiles) {
      table.resolveAcrossFiles(outcomes);
    }
    return outcomes;
  }

  private LandingRows read(Landing landing, List<LandingFile> files, boolean inFiles) {
    LandingFileReader reader =
        new LandingFileReader(schema, landing.root(), new UnitPlacement(units, schema));
    return LandingRows.read(spark, schema, reader, files, inFiles);
  }

  private void quarantine(Paths paths, Map<String, FileOutcome> outcomes) {
    Store store = Store.at(paths.quarantine(), spark.sparkContext().hadoopConfiguration());
    QuarantineFile.write(store, paths.quarantine(), outcomes.values());
  }

  /**
   * A hash of the source's schema and of the unit list its rows are placed on: a change to either
   * means every file must be read again (a unit added to the list, for one, can take in rows that
   * were quarantined for naming no unit).
   */
  public String schemaSha256() {
    return schemaSha256(schema, units);
  }

  static String schemaSha256(SourceSchema schema, AdminUnits units) {
    try {
      byte[] schemaJson = SCHEMA_JSON.writeValueAsBytes(schema);
      return Sha256.of((Sha256.of(schemaJson) + " " + units.sha256()).getBytes(UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot hash the schema of " + schema.source(), e);
    }
  }
}
