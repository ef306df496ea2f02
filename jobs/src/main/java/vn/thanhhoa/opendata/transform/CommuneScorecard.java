package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import vn.thanhhoa.opendata.core.AdminUnits;

/**
 * {@code kinh-te-so-cap-xa}: every post-reform commune × every month of the covered range, each
 * source mapped onto today's communes through the crosswalk assignment. Counts are summed over the
 * old units; rates are recomputed from the summed numerators and denominators.
 */
final class CommuneScorecard implements DatasetTransform {
  @Override
  public Dataset<Row> build(TransformInputs in) {
    return from(
        new Frames(
            in.staging(SourceNames.COMMUNE_REPORTS),
            in.staging(SourceNames.PAYMENT_ACCOUNTS),
            in.staging(SourceNames.OCOP_LISTINGS),
            in.dimension(),
            in.months(),
            AdminUnitEdges.splitEdges(in.spark(), in.units()),
            in.smallCellThreshold()));
  }

  /** The frames it combines; {@code splitEdges} is (unit_code, successor) of split old units. */
  record Frames(
      Dataset<Row> reports,
      Dataset<Row> payments,
      Dataset<Row> listings,
      Dataset<Row> dimension,
      Dataset<Row> months,
      Dataset<Row> splitEdges,
      long threshold) {}

  static Dataset<Row> from(Frames in) {
    Column small = lit(in.threshold());
    List<Column> columns = new ArrayList<>(reportColumns());
    columns.addAll(accountColumns(small));
    columns.addAll(ocopColumns());
    return joined(in).select(columns.toArray(Column[]::new));
  }

  /** Every commune today × every month, with what each source has for it. */
  private static Dataset<Row> joined(Frames in) {
    Dataset<Row> grid = communesToday(in.dimension()).crossJoin(in.months());
    return grid.join(expected(in), keys(grid, "e_"), "left_outer")
        .join(reports(in), keys(grid, "r_"), "left_outer")
        .join(accounts(in), keys(grid, "a_"), "left_outer")
        .join(ocop(in), keys(grid, "o_"), "left_outer")
        .join(splitAffected(in), keys(grid, "s_"), "left_outer")
        .withColumn("reports_cover", covers("r_code"))
        .withColumn("accounts_cover", covers("a_code"))
        .withColumn("ocop_cover", covers("o_code"))
        .withColumn("accounts_total", countIfCovered("accounts_total", "accounts_cover"))
        .withColumn("accounts_opened", countIfCovered("accounts_opened", "accounts_cover"))
        .withColumn("accounts_active", countIfCovered("accounts_active", "accounts_cover"));
  }

  private static List<Column> reportColumns() {
    return List.of(
        col("period"),
        col("commune_code"),
        col("commune_name"),
        col("commune_type"),
        coalesce(col("reports_expected"), lit(0L)).as("reports_expected"),
        countIfCovered("reports_received", "reports_cover").as("reports_received"),
        col("population"),
        col("households"),
        col("digital_teams"),
        col("digital_team_members"),
        col("online_dossiers_received"),
        col("online_dossiers_on_time"),
        Rates.pct(col("online_dossiers_on_time"), col("online_dossiers_received"))
            .as("online_on_time_pct"),
        col("fiber_households"),
        Rates.pct(col("fiber_households"), col("households")).as("fiber_households_pct"),
        when(
                col("weighted_population").gt(0),
                round(col("smartphone_weighted").divide(col("weighted_population")), 2))
            .cast("decimal(5,2)")
            .as("smartphone_users_pct"),
        col("dt_completed"));
  }

  private static List<Column> accountColumns(Column small) {
    Column totalHidden = col("accounts_total").lt(small);
    Column anyHidden =
        totalHidden.or(col("accounts_opened").lt(small)).or(col("accounts_active").lt(small));
    return List.of(
        hideSmall(col("accounts_total"), small).as("accounts_total"),
        hideSmall(col("accounts_opened"), small).as("accounts_opened"),
        hideSmall(col("accounts_active"), small).as("accounts_active"),
        when(col("accounts_total").isNull(), lit(null))
            .otherwise(anyHidden)
            .as("accounts_suppressed"),
        // The accounts cover every old unit; the population only those that reported.
        when(totalHidden.or(col("reports_received").lt(col("reports_expected"))), lit(null))
            .otherwise(Rates.ratio(col("accounts_total"), col("population"), 1000, "decimal(11,2)"))
            .cast("decimal(11,2)")
            .as("accounts_per_1000_inhabitants"));
  }

  private static List<Column> ocopColumns() {
    return List.of(
        countIfCovered("ocop_products", "ocop_cover").as("ocop_products"),
        countIfCovered("ocop_listings", "ocop_cover").as("ocop_listings"),
        coalesce(col("includes_split_units"), lit(false)).as("includes_split_units"));
  }

  /**
   * Whether the source has any row in the month: over the grid's month, a cheap window on a small
   * frame.
   */
  private static Column covers(String sourceCode) {
    return max(col(sourceCode).isNotNull()).over(Window.partitionBy(col("period")));
  }

  /**
   * A count is 0 where its source covers the month but not the commune, null where it has no row
   * that month.
   */
  private static Column countIfCovered(String count, String cover) {
    return when(col(cover), coalesce(col(count), lit(0L)));
  }

  private static Column hideSmall(Column count, Column threshold) {
    return when(count.lt(threshold), lit(null).cast("long")).otherwise(count);
  }

  /** The communes valid today: the list without an end date. */
  static Dataset<Row> communesToday(Dataset<Row> dimension) {
    return dimension
        .filter(col(AdminUnits.VALID_TO).isNull())
        .select(
            col(AdminUnits.CODE).as("commune_code"),
            col(AdminUnits.NAME).as("commune_name"),
            col(AdminUnits.TYPE).as("commune_type"));
  }

  private static Column keys(Dataset<Row> grid, String prefix) {
    return grid.col("period")
        .equalTo(col(prefix + "period"))
        .and(grid.col("commune_code").equalTo(col(prefix + "code")));
  }

  /** How many units' reports make up each commune-month: those valid then and counted in it. */
  private static Dataset<Row> expected(Frames in) {
    return unitsOfMonth(in.months(), in.dimension())
        .groupBy(col("period").as("e_period"), col(AdminUnits.CODE_2025).as("e_code"))
        .agg(count(lit(1)).as("reports_expected"));
  }

  private static Dataset<Row> reports(Frames in) {
    Dataset<Row> mapped = UnitLookup.attachInPeriod(in.reports(), in.dimension(), "commune_code");
    Column weighted = when(col("smartphone_users_pct").isNotNull(), col("population"));
    return mapped
        .groupBy(col("period").as("r_period"), col("u_code_2025").as("r_code"))
        .agg(
            count(lit(1)).as("reports_received"),
            sum("population").as("population"),
            sum("households").as("households"),
            sum("digital_teams").as("digital_teams"),
            sum("digital_team_members").as("digital_team_members"),
            sum("online_dossiers_received").as("online_dossiers_received"),
            sum("online_dossiers_on_time").as("online_dossiers_on_time"),
            sum("fiber_households").as("fiber_households"),
            sum(col("smartphone_users_pct").multiply(col("population"))).as("smartphone_weighted"),
            sum(weighted).as("weighted_population"),
            min(col("dt_completed")).as("dt_completed"));
  }

  private static Dataset<Row> accounts(Frames in) {
    return PaymentAccounts.cells(in.payments(), in.dimension())
        .groupBy(col("period").as("a_period"), col("commune_code_2025").as("a_code"))
        .agg(
            sum("accounts_total").as("accounts_total"),
            sum("accounts_opened").as("accounts_opened"),
            sum("accounts_active").as("accounts_active"));
  }

  private static Dataset<Row> ocop(Frames in) {
    return UnitLookup.attach(
            in.listings(),
            in.dimension(),
            "seller_commune_code",
            col("crawl_date"),
            UnitLookup.UNIT)
        .groupBy(col("period").as("o_period"), col("u_code_2025").as("o_code"))
        .agg(
            countDistinct("ocop_code").as("ocop_products"),
            countDistinct("listing_id").as("ocop_listings"));
  }

  /** Commune-months that include (or lost) part of an old unit that was split. */
  private static Dataset<Row> splitAffected(Frames in) {
    // The crosswalk's old side is the units that ended; a code alone would also match the
    // new commune that reuses it.
    Dataset<Row> ended = in.dimension().filter(col(AdminUnits.VALID_TO).isNotNull());
    Dataset<Row> splitUnits =
        ended.join(
            broadcast(in.splitEdges()),
            ended.col(AdminUnits.CODE).equalTo(in.splitEdges().col("unit_code")));
    return unitsOfMonth(in.months(), splitUnits)
        .groupBy(col("period").as("s_period"), col("successor").as("s_code"))
        .agg(max(lit(true)).as("includes_split_units"));
  }

  /** Each month with each of {@code units} valid on its first day. */
  private static Dataset<Row> unitsOfMonth(Dataset<Row> months, Dataset<Row> units) {
    return months.join(broadcast(units), AdminUnits.validOn(Months.firstDay("period")));
  }
}
