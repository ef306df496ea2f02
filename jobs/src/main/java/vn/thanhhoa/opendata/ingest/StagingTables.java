package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;

/**
 * The read side of the staging tables ingest writes, for the stages after it: a table's columns,
 * whether it is whole, its rows for a range of months, and the report of its last ingest.
 */
public final class StagingTables {
  private static final String PERIOD = "period";

  private final SparkSession spark;
  private final Store store;
  private final Layout layout;

  public StagingTables(SparkSession spark, Store store, Layout layout) {
    this.spark = spark;
    this.store = store;
    this.layout = layout;
  }

  /** The columns of a source's staging table, the partition column last. */
  public static StructType schema(SourceSchema source) {
    return StagingTable.schema(source);
  }

  /** The folder of a source's table on the output's store, partitioned by {@code period=}. */
  public String folder(String source) {
    return layout.staging(source);
  }

  /** Whether the source's table is whole: false when an interrupted ingest left it half-swapped. */
  public boolean isComplete(String source) {
    return IngestState.isComplete(store, layout, source);
  }

  /** The report of the source's last ingest into this output, if it was ever ingested. */
  public Optional<SourceReport> lastReport(String source) {
    return IngestState.load(store, layout, source);
  }

  /**
   * The rows of a source's table whose period is from {@code from} to {@code to} ({@code YYYY-MM};
   * null for an open end); no rows when it was never ingested.
   *
   * @throws IllegalStateException when the table was left half-swapped
   */
  public Dataset<Row> read(SourceSchema source, String from, String to) {
    String folder = requireComplete(source.source());
    Dataset<Row> table =
        store.isDirectory(folder)
            ? spark.read().schema(schema(source)).parquet(folder)
            : spark.createDataFrame(List.of(), schema(source));
    return table.filter(periodIn(from, to));
  }

  /**
   * The rows of some of the files of a source's table ({@code files}: locations below its folder),
   * with their period.
   *
   * @throws IllegalStateException when the table was left half-swapped
   */
  public Dataset<Row> readFiles(SourceSchema source, List<String> files) {
    String folder = requireComplete(source.source());
    return spark
        .read()
        .schema(schema(source))
        .option("basePath", folder)
        .parquet(files.toArray(String[]::new));
  }

  /**
   * The months a source's table has rows of, from {@code from} to {@code to} (null: open), in
   * order. They are the names of its partition folders, so no row is read.
   *
   * @throws IllegalStateException when the table was left half-swapped
   */
  public List<String> periods(String source, String from, String to) {
    String prefix = PERIOD + "=";
    return store.list(requireComplete(source)).stream()
        .filter(name -> name.startsWith(prefix))
        .map(name -> name.substring(prefix.length()))
        .filter(
            p -> (from == null || p.compareTo(from) >= 0) && (to == null || p.compareTo(to) <= 0))
        .toList();
  }

  /** The table's folder, once it is known to be whole. */
  private String requireComplete(String source) {
    if (!isComplete(source)) {
      throw new IllegalStateException(
          folder(source)
              + " was left half-swapped by an interrupted ingest; run `./pipeline nightly` "
              + "(or `ingest --source "
              + source
              + "`) to read its landing files again");
    }
    return folder(source);
  }

  /** True on the rows whose {@code period} is from {@code from} to {@code to} (null: open). */
  public static Column periodIn(String from, String to) {
    Column in = lit(true);
    if (from != null) {
      in = in.and(col(PERIOD).geq(from));
    }
    if (to != null) {
      in = in.and(col(PERIOD).leq(to));
    }
    return in;
  }
}
