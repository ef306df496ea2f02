package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.AdminUnits;

/**
 * Attaches the unit valid on a row's date to the row: always on (date, code), never on code alone.
 */
final class UnitLookup {
  /** The prefix of the columns {@link #attachInPeriod} adds. */
  static final String UNIT = "u_";

  private UnitLookup() {}

  /** As {@link #attach}, for the unit valid on the first day of the row's {@code period}. */
  static Dataset<Row> attachInPeriod(Dataset<Row> rows, Dataset<Row> dimension, String code) {
    return attach(rows, dimension, code, Months.firstDay("period"), UNIT);
  }

  /**
   * Adds {@code <prefix>name, <prefix>type, <prefix>district_code, <prefix>district_name,
   * <prefix>code_2025} for the unit with code {@code code} valid on {@code date}.
   */
  static Dataset<Row> attach(
      Dataset<Row> rows, Dataset<Row> dimension, String code, Column date, String prefix) {
    Dataset<Row> units =
        dimension.select(
            col(AdminUnits.CODE).as(prefix + "code_key"),
            col(AdminUnits.VALID_FROM).as(prefix + "valid_from"),
            col(AdminUnits.VALID_TO).as(prefix + "valid_to"),
            col(AdminUnits.NAME).as(prefix + "name"),
            col(AdminUnits.TYPE).as(prefix + "type"),
            col(AdminUnits.DISTRICT_CODE).as(prefix + "district_code"),
            col(AdminUnits.DISTRICT_NAME).as(prefix + "district_name"),
            col(AdminUnits.CODE_2025).as(prefix + "code_2025"));
    return rows.join(broadcast(units), matches(code, date, prefix), "left_outer")
        .drop(prefix + "code_key", prefix + "valid_from", prefix + "valid_to");
  }

  /**
   * The attached unit's name and post-reform commune, as {@code <as>name} and {@code
   * <as>code_2025}.
   */
  static List<Column> nameAndSuccessor(String as) {
    return List.of(
        col(UNIT + "name").as(as + "name"), col(UNIT + "code_2025").as(as + "code_2025"));
  }

  private static Column matches(String code, Column date, String prefix) {
    return col(code)
        .equalTo(col(prefix + "code_key"))
        .and(date.geq(col(prefix + "valid_from")))
        .and(col(prefix + "valid_to").isNull().or(date.leq(col(prefix + "valid_to"))));
  }
}
