package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code tai-khoan-thanh-toan-khong-dung-tien-mat}: accounts per commune, month and provider type,
 * with small cells suppressed within each (month, post-reform commune): the totals that {@code
 * kinh-te-so-cap-xa} publishes.
 */
final class PaymentAccounts implements DatasetTransform {
  @Override
  public Dataset<Row> build(TransformInputs in) {
    return from(
        in.staging(SourceNames.PAYMENT_ACCOUNTS),
        in.staging(SourceNames.COMMUNE_REPORTS),
        in.dimension(),
        in.smallCellThreshold());
  }

  static final List<String> COUNTS =
      List.of("accounts_total", "accounts_opened", "accounts_active");

  /** Cells before suppression: one row per commune, month and provider type. */
  static Dataset<Row> cells(Dataset<Row> payments, Dataset<Row> dimension) {
    return UnitLookup.attachInPeriod(payments, dimension, "commune_code")
        .groupBy(col("period"), col("commune_code"), col("provider_type"))
        .agg(
            first(col("u_name")).as("commune_name"),
            first(col("u_code_2025")).as("commune_code_2025"),
            countDistinct(col("provider_name")).as("provider_count"),
            sum(col("accounts_total")).as("accounts_total"),
            sum(col("accounts_opened")).as("accounts_opened"),
            sum(col("accounts_active")).as("accounts_active"));
  }

  static Dataset<Row> from(
      Dataset<Row> payments, Dataset<Row> reports, Dataset<Row> dimension, long threshold) {
    Dataset<Row> suppressed =
        SmallCells.suppress(
            cells(payments, dimension),
            List.of("period", "commune_code_2025"),
            List.of("commune_code", "provider_type"),
            COUNTS,
            threshold);
    return withPopulation(suppressed, reports).select(columns());
  }

  /** The population of the commune's report for the month, where there is one. */
  private static Dataset<Row> withPopulation(Dataset<Row> cells, Dataset<Row> reports) {
    Dataset<Row> population =
        reports.select(
            col("period").as("p_period"), col("commune_code").as("p_code"), col("population"));
    return cells.join(
        population,
        col("period").equalTo(col("p_period")).and(col("commune_code").equalTo(col("p_code"))),
        "left_outer");
  }

  private static Column[] columns() {
    return new Column[] {
      col("period"),
      col("commune_code"),
      col("commune_name"),
      col("commune_code_2025"),
      col("provider_type"),
      col("provider_count"),
      col("accounts_total"),
      col("accounts_total_suppressed"),
      col("accounts_opened"),
      col("accounts_opened_suppressed"),
      col("accounts_active"),
      col("accounts_active_suppressed"),
      when(col("accounts_total_suppressed"), lit(null))
          .otherwise(Rates.ratio(col("accounts_total"), col("population"), 1000, "decimal(11,2)"))
          .cast("decimal(11,2)")
          .as("accounts_per_1000_inhabitants")
    };
  }
}
