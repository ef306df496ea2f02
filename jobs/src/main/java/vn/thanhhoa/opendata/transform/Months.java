package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/** Reporting months, {@code YYYY-MM}. */
final class Months {
  private Months() {}

  /** The months from {@code first} to {@code last} inclusive. */
  static List<String> between(String first, String last) {
    List<String> months = new ArrayList<>();
    YearMonth end = YearMonth.parse(last);
    for (YearMonth m = YearMonth.parse(first); !m.isAfter(end); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }

  /** The first day of a month column: the day on which a month's units are looked up. */
  static Column firstDay(String month) {
    return to_date(concat(col(month), lit("-01")));
  }
}
