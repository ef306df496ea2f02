package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.ingest.LandingFileReader.LandingFile;

/**
 * The accepted rows of some landing files, read lazily by the executors in groups of similar size;
 * the files' outcomes and the count of rows that reached the write arrive once the rows are
 * written.
 */
final class LandingRows {
  private static final String ROWS = "rows";

  private final Dataset<Row> accepted;
  private final FileOutcomes outcomes;
  private final Observation observed;

  private LandingRows(Dataset<Row> accepted, FileOutcomes outcomes, Observation observed) {
    this.accepted = accepted;
    this.outcomes = outcomes;
    this.observed = observed;
  }

  /**
   * The accepted rows of {@code files}, each file read by {@code reader}; {@code inFiles}: only the
   * latest per key of each file ({@link LatestInFile}).
   */
  static LandingRows read(
      SparkSession spark,
      SourceSchema schema,
      LandingFileReader reader,
      List<LandingFile> files,
      boolean inFiles) {
    SparkContext context = spark.sparkContext();
    FileOutcomes outcomes = new FileOutcomes();
    context.register(outcomes); // unnamed: kept out of the UI, event log and listeners
    LandingRead read =
        new LandingRead(schema, reader, context.hadoopConfiguration(), outcomes, inFiles);
    List<List<LandingFile>> groups = LandingScan.groups(files, context.defaultParallelism());
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(context).parallelize(groups, groups.size()).flatMap(read);
    Observation observed = new Observation("accepted rows of " + schema.source());
    Dataset<Row> accepted =
        spark
            .createDataFrame(rows, LandingRead.schema(schema))
            .observe(observed, count(lit(1)).as(ROWS));
    return new LandingRows(accepted, outcomes, observed);
  }

  Dataset<Row> accepted() {
    return accepted;
  }

  /** Each file's outcome by name, once the accepted rows were written. */
  Map<String, FileOutcome> outcomes() {
    return new TreeMap<>(outcomes.value());
  }

  /** How many accepted rows reached the write (waits for it to finish). */
  long arrived() throws InterruptedException {
    return ((Number) observed.getAsJava().get(ROWS)).longValue();
  }
}
