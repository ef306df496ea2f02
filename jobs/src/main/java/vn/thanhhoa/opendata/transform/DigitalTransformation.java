package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code chuyen-doi-so-cap-xa}: the commune reports on the units of their own period, with rates.
 */
final class DigitalTransformation implements DatasetTransform {
  @Override
  public Dataset<Row> build(TransformInputs in) {
    return from(in.staging(SourceNames.COMMUNE_REPORTS), in.dimension());
  }

  static Dataset<Row> from(Dataset<Row> reports, Dataset<Row> dimension) {
    List<Column> columns = new ArrayList<>(UnitLookup.nameAndSuccessor("commune_"));
    columns.addAll(reported());
    return UnitLookup.attachInPeriod(reports, dimension, "commune_code")
        .select(columns.toArray(Column[]::new));
  }

  /** The report's own columns and the rates computed from them. */
  private static List<Column> reported() {
    return List.of(
        col("period"),
        col("commune_code"),
        col(UnitLookup.UNIT + "type").as("commune_type"),
        col(UnitLookup.UNIT + "district_code").as("district_code"),
        col(UnitLookup.UNIT + "district_name").as("district_name"),
        col("population"),
        col("households"),
        col("digital_teams"),
        col("digital_team_members"),
        Rates.ratio(col("digital_team_members"), col("digital_teams"), 1, "decimal(9,2)")
            .as("members_per_team"),
        col("online_dossiers_received"),
        col("online_dossiers_on_time"),
        Rates.pct(col("online_dossiers_on_time"), col("online_dossiers_received"))
            .as("online_on_time_pct"),
        round(col("smartphone_users_pct"), 2).cast("decimal(5,2)").as("smartphone_users_pct"),
        col("fiber_households"),
        Rates.pct(col("fiber_households"), col("households")).as("fiber_households_pct"),
        col("dt_completed"),
        col("notes"),
        col("submitted_at"));
  }
}
