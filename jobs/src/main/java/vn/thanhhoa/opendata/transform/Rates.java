package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** Rates computed from counts, rounded half-up to 2 decimals only at the end. */
final class Rates {
  private Rates() {}

  /** {@code numerator × scale / denominator}; null when the denominator is null or zero. */
  static Column ratio(Column numerator, Column denominator, long scale, String type) {
    Column exact =
        numerator
            .cast("decimal(38,10)")
            .multiply(lit(scale))
            .divide(denominator.cast("decimal(38,10)"));
    return when(denominator.isNull().or(denominator.equalTo(0)), lit(null))
        .otherwise(round(exact, 2))
        .cast(type);
  }

  static Column pct(Column numerator, Column denominator) {
    return ratio(numerator, denominator, 100, "decimal(5,2)");
  }
}
