package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * Keeps one row per key: the latest submission (by the source's timestamp, then the later file
 * name, then the later line). Exact duplicates thereby count once. A pure transform.
 */
public final class KeyResolution {
  private static final String RANK = "_rank";

  private KeyResolution() {}

  public static Dataset<Row> latest(Dataset<Row> accepted, SourceSchema.KeySpec key) {
    return latest(accepted, key.columns().stream().map(c -> col(c)).toArray(Column[]::new), key);
  }

  /**
   * The same rows, shuffled once by {@code partition} (a column the key determines, like the period
   * of a dated key) and kept grouped by it, so they can be written partitioned by it without
   * another shuffle or sort.
   */
  public static Dataset<Row> latestByPartition(
      Dataset<Row> accepted, SourceSchema.KeySpec key, String partition) {
    Column[] columns =
        partitionAndKey(key, partition).stream().map(c -> col(c)).toArray(Column[]::new);
    return latest(accepted.repartition(col(partition)), columns, key);
  }

  /** The columns one row is kept per: {@code partition}, then the key's (each once). */
  static List<String> partitionAndKey(SourceSchema.KeySpec key, String partition) {
    return Stream.concat(Stream.of(partition), key.columns().stream()).distinct().toList();
  }

  private static Dataset<Row> latest(
      Dataset<Row> accepted, Column[] partition, SourceSchema.KeySpec key) {
    WindowSpec newestFirst =
        Window.partitionBy(partition)
            .orderBy(
                col(key.latestBy()).desc(),
                col(ParsedRecords.FILE).desc(),
                col(ParsedRecords.LINE).desc());
    return accepted
        .withColumn(RANK, row_number().over(newestFirst))
        .filter(col(RANK).equalTo(1))
        .drop(RANK);
  }
}
