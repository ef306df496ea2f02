package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

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
    Column[] partition = key.columns().stream().map(c -> col(c)).toArray(Column[]::new);
    WindowSpec newestFirst = Window.partitionBy(partition).orderBy(
        col(key.latestBy()).desc(), col(ParsedRecords.FILE).desc(), col(ParsedRecords.LINE).desc());
    return accepted.withColumn(RANK, row_number().over(newestFirst))
        .filter(col(RANK).equalTo(1))
        .drop(RANK);
  }
}
