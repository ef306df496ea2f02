package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * The test of a column declared {@code admin_unit_on}: its code names a unit valid on the row's
 * day. The unit list has a few validity periods, so the test is a set lookup per period within the
 * row: no join, no extra Spark job.
 */
final class UnitCodes {
  private final Map<Validity, List<String>> codes = new LinkedHashMap<>();

  UnitCodes(AdminUnits units) {
    for (AdminUnits.Unit u : units.units()) {
      codes
          .computeIfAbsent(new Validity(u.validFrom(), u.validTo()), v -> new ArrayList<>())
          .add(u.code());
    }
  }

  /** When some units are valid: from a day, to a day or (null) still. */
  private record Validity(LocalDate from, LocalDate to) {
    /** Whether the period covers {@code day}; a null day stands for today. */
    Column covers(Column day) {
      if (day == null) {
        return lit(to == null);
      }
      return day.geq(lit(from)).and(to == null ? lit(true) : day.leq(lit(to)));
    }
  }

  /** True on a row whose code is not in the unit list for its day. */
  Column broken(DatasetSpec.Column code, DatasetSpec spec) {
    Column day = day(code, spec);
    Column found = lit(false);
    for (Map.Entry<Validity, List<String>> e : codes.entrySet()) {
      found = found.or(e.getKey().covers(day).and(col(code.name()).isin(e.getValue().toArray())));
    }
    return col(code.name()).isNotNull().and(not(found));
  }

  /** What a failure shows: the code, and the month or date it was looked up on. */
  static List<Column> shown(DatasetSpec.Column code, DatasetSpec spec) {
    return spec.column(code.adminUnitOn()).isPresent()
        ? List.of(col(code.name()), col(code.adminUnitOn()))
        : List.of(col(code.name()));
  }

  /** The day the unit must be valid on; null for the units valid today. */
  private static Column day(DatasetSpec.Column code, DatasetSpec spec) {
    String on = code.adminUnitOn();
    if (on.equals(DatasetSpec.Column.TODAY)) {
      return null;
    }
    return spec.column(on)
        .map(c -> c.type().equals("month") ? Months.firstDay(on) : col(on))
        .orElseGet(() -> lit(LocalDate.parse(on)));
  }
}
