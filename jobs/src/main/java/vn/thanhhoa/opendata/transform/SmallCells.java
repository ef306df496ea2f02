package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Small-cell suppression with complementary suppression. Within each group whose total the feed
 * publishes, a count below the threshold is suppressed (primary); where that leaves exactly one
 * suppressed cell in a group of several, the smallest other cell is suppressed too (secondary), so
 * no suppressed value can be recovered by subtracting published cells from the total. A group of
 * one cell needs no partner: its total equals the cell and is itself below the threshold, so it is
 * suppressed wherever it is published.
 */
public final class SmallCells {
  private SmallCells() {}

  /**
   * For each count column {@code c}: nulls {@code c} where suppressed and adds boolean {@code
   * c_suppressed}. {@code order} breaks ties between equal counts deterministically.
   */
  public static Dataset<Row> suppress(
      Dataset<Row> cells,
      List<String> group,
      List<String> order,
      List<String> counts,
      long threshold) {
    Dataset<Row> out = cells;
    Column[] groupCols = group.stream().map(c -> col(c)).toArray(Column[]::new);
    for (String count : counts) {
      out = suppress(out, count, groupCols, order, threshold);
    }
    return out;
  }

  private static Dataset<Row> suppress(
      Dataset<Row> cells, String count, Column[] group, List<String> order, long threshold) {
    String primary = "_" + count + "_primary";
    String rank = "_" + count + "_rank";
    Column[] rankOrder =
        Stream.concat(Stream.of(col(count).asc_nulls_last()), order.stream().map(c -> col(c).asc()))
            .toArray(Column[]::new);
    Column partner =
        not(col(primary))
            .and(col(rank).equalTo(1))
            .and(col(count).isNotNull())
            .and(sum(col(primary).cast("int")).over(Window.partitionBy(group)).equalTo(1));
    return cells
        .withColumn(primary, col(count).isNotNull().and(col(count).lt(lit(threshold))))
        .withColumn(
            rank,
            row_number().over(Window.partitionBy(concat(group, col(primary))).orderBy(rankOrder)))
        .withColumn(count + "_suppressed", col(primary).or(partner))
        .withColumn(
            count, when(col(count + "_suppressed"), lit(null).cast("long")).otherwise(col(count)))
        .drop(primary, rank);
  }

  private static Column[] concat(Column[] group, Column extra) {
    Column[] all = Arrays.copyOf(group, group.length + 1);
    all[group.length] = extra;
    return all;
  }
}
