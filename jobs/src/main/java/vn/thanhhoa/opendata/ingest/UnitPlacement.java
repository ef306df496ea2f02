package vn.thanhhoa.opendata.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.ColumnSpec;
import vn.thanhhoa.opendata.core.NameKey;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * Places a valid record on the unit list valid at its date, where the record is read: a given code
 * must exist on that date; a blank code is resolved from the name (and the district, where the list
 * has one). The rule of the first check that fails is the record's; a resolved code fills the blank
 * one. Small enough to travel with every task (a few thousand units).
 */
final class UnitPlacement implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One unit as the checks need it. */
  private record Entry(String code, String type, String districtBase, LocalDate from, LocalDate to)
      implements Serializable {
    boolean validOn(LocalDate date) {
      return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
  }

  private final SourceSchema.UnitSpec unit;
  private final LocalDate earliest;
  private final boolean monthly;
  private final int codeAt;
  private final int dateAt;
  private final int nameAt;
  private final int districtAt;
  private final Map<String, List<Entry>> byCode = new HashMap<>();
  private final Map<String, List<Entry>> byName = new HashMap<>();

  UnitPlacement(AdminUnits units, SourceSchema schema) {
    this.unit = schema.unit();
    this.earliest = units.earliest();
    List<String> names = schema.stagingNames();
    this.codeAt = names.indexOf(unit.code());
    this.dateAt = names.indexOf(unit.date());
    this.nameAt = unit.name() == null ? -1 : names.indexOf(unit.name());
    this.districtAt = unit.district() == null ? -1 : names.indexOf(unit.district());
    this.monthly = isMonth(schema, unit.date());
    for (AdminUnits.Unit u : units.units()) {
      Entry e =
          new Entry(u.code(), u.type(), NameKey.base(u.districtName()), u.validFrom(), u.validTo());
      byCode.computeIfAbsent(u.code(), c -> new ArrayList<>()).add(e);
      byName.computeIfAbsent(NameKey.base(u.name()), n -> new ArrayList<>()).add(e);
    }
  }

  private static boolean isMonth(SourceSchema schema, String date) {
    return schema
        .column(date)
        .map(c -> c.type() == ColumnSpec.ColumnType.MONTH)
        .orElse(
            schema.derived().stream()
                .anyMatch(d -> d.name().equals(date) && d.as() == SourceSchema.Derivation.MONTH));
  }

  /**
   * Checks the record's unit and fills a blank code that its name resolves; a breach names the code
   * column. {@code nameType}, {@code nameBase} and {@code districtBase} are the record's folded
   * name parts.
   */
  void place(Object[] values, String nameType, String nameBase, String districtBase)
      throws RuleBreach {
    String code = (String) values[codeAt];
    LocalDate date = date(values[dateAt]);
    String day = date == null ? null : date.toString();
    if (date != null && date.isBefore(earliest)) {
      throw breach(
          Rules.UNIT_LIST_UNAVAILABLE,
          "no unit list covers " + day + "; the earliest list starts on " + earliest);
    }
    if (code != null) {
      checkCode(code, date, day);
      return;
    }
    List<Entry> matches =
        date == null || nameAt < 0 || nameBase == null
            ? List.of()
            : matches(date, nameType, nameBase, districtBase);
    if (matches.size() == 1) {
      values[codeAt] = matches.get(0).code();
      return;
    }
    throw unresolved(values, day, matches.size());
  }

  private void checkCode(String code, LocalDate date, String day) throws RuleBreach {
    if (date == null || !anyValidOn(byCode.get(code), date)) {
      throw breach(
          Rules.UNKNOWN_COMMUNE_CODE,
          day == null
              ? null
              : unit.code() + " " + code + " is not in the unit list valid on " + day);
    }
  }

  /** The units of that name, type and district (where the record gives them) valid on the date. */
  private List<Entry> matches(
      LocalDate date, String nameType, String nameBase, String districtBase) {
    return byName.getOrDefault(nameBase, List.of()).stream()
        .filter(e -> e.validOn(date))
        .filter(e -> nameType == null || nameType.equals(e.type()))
        .filter(
            e ->
                districtBase == null
                    || e.districtBase() == null
                    || districtBase.equals(e.districtBase()))
        .toList();
  }

  private RuleBreach unresolved(Object[] values, String day, int matches) {
    String rule = matches == 0 ? Rules.UNRESOLVED_COMMUNE_NAME : Rules.AMBIGUOUS_COMMUNE_NAME;
    return breach(
        rule,
        day == null
            ? null
            : unit.code()
                + " is blank and resolving '"
                + text(values, nameColumnAt())
                + "' on "
                + day
                + ": "
                + matches
                + " units match (district '"
                + text(values, districtColumnAt())
                + "')");
  }

  private static boolean anyValidOn(List<Entry> entries, LocalDate date) {
    if (entries != null) {
      for (Entry e : entries) {
        if (e.validOn(date)) {
          return true;
        }
      }
    }
    return false;
  }

  private int nameColumnAt() {
    return nameAt >= 0 ? nameAt : codeAt;
  }

  private int districtColumnAt() {
    return districtAt >= 0 ? districtAt : nameColumnAt();
  }

  private static String text(Object[] values, int at) {
    return values[at] == null ? "" : values[at].toString();
  }

  /** The day a record's unit is looked up on: its day, or the first day of its month. */
  private LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return monthly ? LocalDate.parse(value + "-01") : (LocalDate) value;
  }

  private RuleBreach breach(String rule, String message) {
    return new RuleBreach(rule, unit.code(), message);
  }
}
