package vn.thanhhoa.opendata.samples.landing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.thanhhoa.opendata.samples.UnitLists;

/**
 * What a scope is: its unit lists, the months of the reports, the first OCOP day and the sizes.
 * national = the 3,321 post-reform communes of all provinces; province = Thanh Hóa before and after
 * the reform, with the real crosswalk.
 */
final class Scope {
  final String name;
  final List<Era> eras;
  final List<YearMonth> months;
  final LocalDate ocopStart;
  final int days;
  final int products;
  final double crawlRate;

  /** Old code → the new commune its figures go to (empty for national). */
  final Map<String, String> successor;

  final String crosswalkHeader;

  private Scope(
      String name,
      List<Era> eras,
      List<YearMonth> months,
      LocalDate ocopStart,
      int days,
      int products,
      double crawlRate,
      Map<String, String> successor,
      String crosswalkHeader) {
    this.name = name;
    this.eras = eras;
    this.months = months;
    this.ocopStart = ocopStart;
    this.days = days;
    this.products = products;
    this.crawlRate = crawlRate;
    this.successor = successor;
    this.crosswalkHeader = crosswalkHeader;
  }

  static Scope of(Options o) {
    Path units = o.repo().resolve("conf/admin-units");
    String crosswalkHeader = UnitLists.header(units.resolve("crosswalk_2025.csv"));
    return o.scope().equals("national")
        ? national(o, units, crosswalkHeader)
        : province(o, units, crosswalkHeader);
  }

  private static Scope national(Options o, Path units, String crosswalkHeader) {
    Era era =
        new Era(
            "units_2025_national.csv",
            LocalDate.of(2025, 7, 1),
            null,
            Commune.list(units.resolve("units_2025_national.csv")));
    // ~38 k lines a day: 16,000 products × 2.5 platforms on average × 95 % crawled per day.
    return new Scope(
        "national",
        List.of(era),
        months(YearMonth.of(2025, 7), 12),
        LocalDate.of(2025, 7, 1),
        value(o.days(), 260),
        value(o.products(), 16_000),
        o.crawlRate() == null ? 0.95 : o.crawlRate(),
        Map.of(),
        crosswalkHeader);
  }

  private static Scope province(Options o, Path units, String crosswalkHeader) {
    Era before =
        new Era(
            "units_pre2025.csv",
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 6, 30),
            Commune.list(units.resolve("units_pre2025.csv")));
    Era after =
        new Era(
            "units_2025.csv",
            LocalDate.of(2025, 7, 1),
            null,
            Commune.list(units.resolve("units_2025.csv")));
    // ~55 lines a day, like sample-data: 150 products × 2.5 platforms × 15 % crawled per day.
    return new Scope(
        "province",
        List.of(before, after),
        months(YearMonth.of(2025, 1), 10),
        LocalDate.of(2025, 1, 1),
        value(o.days(), 304),
        value(o.products(), 150),
        o.crawlRate() == null ? 0.15 : o.crawlRate(),
        UnitLists.load(units, List.of(), "crosswalk_2025.csv").assignments(),
        crosswalkHeader);
  }

  private static int value(Integer given, int fallback) {
    return given == null ? fallback : given;
  }

  private static List<YearMonth> months(YearMonth first, int count) {
    List<YearMonth> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(first.plusMonths(i));
    }
    return list;
  }

  Era eraOn(LocalDate day) {
    return eras.stream()
        .filter(e -> e.contains(day))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no unit list covers " + day));
  }

  int eraIndexOn(LocalDate day) {
    return eras.indexOf(eraOn(day));
  }

  LocalDate earliest() {
    return eras.get(0).from();
  }

  /** A well-formed code that is not valid in {@code era}: one of another era, else 99999. */
  String unknownCodeFor(Era era, SplittableRandom rnd) {
    List<Era> others = eras.stream().filter(e -> e != era).toList();
    if (others.isEmpty()) {
      return "99999";
    }
    for (int tries = 0; tries < 20; tries++) {
      Commune c = Seeds.pick(rnd, Seeds.pick(rnd, others).communes());
      if (era.communes().stream().noneMatch(x -> x.code().equals(c.code()))) {
        return c.code();
      }
    }
    return "99999";
  }
}
