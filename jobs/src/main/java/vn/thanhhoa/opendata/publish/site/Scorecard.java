package vn.thanhhoa.opendata.publish.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scorecard {@code kinh-te-so-cap-xa} as the release publishes it, by commune and by month, and
 * the series its charts draw: province totals (sums of what is published) and each commune's own.
 */
final class Scorecard {
  static final String NAME = "kinh-te-so-cap-xa";
  static final String NO_DATA = "không có số liệu";
  static final String SUPPRESSED = "bị ẩn vì nhỏ hơn ngưỡng công bố";

  private final List<String> periods;
  private final Map<String, List<Map<String, String>>> communes;

  Scorecard(List<Map<String, String>> rows) {
    TreeSet<String> months = new TreeSet<>();
    Map<String, List<Map<String, String>>> byCode = new LinkedHashMap<>();
    rows.stream()
        .sorted((a, b) -> a.get("commune_code").compareTo(b.get("commune_code")))
        .forEach(
            r -> {
              months.add(r.get("period"));
              byCode.computeIfAbsent(r.get("commune_code"), c -> new ArrayList<>()).add(r);
            });
    this.periods = List.copyOf(months);
    this.communes = byCode;
  }

  List<String> periods() {
    return periods;
  }

  /** Each commune's rows, in month order, by commune code. */
  Map<String, List<Map<String, String>>> communes() {
    return communes;
  }

  /** The province's total of a count per month: the sum of the communes' published values. */
  Series provinceSum(String id, String column, String title, String unit) {
    List<Series.Point> points = new ArrayList<>();
    for (int m = 0; m < periods.size(); m++) {
      BigDecimal sum = BigDecimal.ZERO;
      int published = 0;
      for (List<Map<String, String>> rows : communes.values()) {
        String v = rows.get(m).get(column);
        if (!v.isEmpty()) {
          sum = sum.add(new BigDecimal(v));
          published++;
        }
      }
      points.add(point(periods.get(m), published == 0 ? null : sum, published));
    }
    return new Series(id, title, unit, points);
  }

  private Series.Point point(String period, BigDecimal value, int published) {
    int missing = communes.size() - published;
    if (value == null) {
      return new Series.Point(period, null, NO_DATA);
    }
    String note = missing == 0 ? null : "chưa gồm " + missing + " xã không có số hoặc bị ẩn";
    return new Series.Point(period, value, note);
  }

  /** The province's rate per month from summed counts, rounded half-up to 2 decimals. */
  Series provinceRate(String id, String part, String whole, String title) {
    List<Series.Point> points = new ArrayList<>();
    for (int m = 0; m < periods.size(); m++) {
      BigDecimal num = BigDecimal.ZERO;
      BigDecimal den = BigDecimal.ZERO;
      int published = 0;
      for (List<Map<String, String>> rows : communes.values()) {
        Map<String, String> r = rows.get(m);
        if (!r.get(part).isEmpty() && !r.get(whole).isEmpty()) {
          num = num.add(new BigDecimal(r.get(part)));
          den = den.add(new BigDecimal(r.get(whole)));
          published++;
        }
      }
      BigDecimal rate =
          den.signum() == 0
              ? null
              : num.multiply(BigDecimal.valueOf(100)).divide(den, 2, RoundingMode.HALF_UP);
      points.add(point(periods.get(m), rate, published));
    }
    return new Series(id, title, "%", points);
  }

  /** One commune's values of a column; a withheld count says so, a missing one says that. */
  Series commune(String code, String id, String column, String title, String unit) {
    List<Series.Point> points = new ArrayList<>();
    for (Map<String, String> r : communes.get(code)) {
      String v = r.get(column);
      String reason =
          column.startsWith("accounts") && "true".equals(r.get("accounts_suppressed"))
              ? SUPPRESSED
              : NO_DATA;
      points.add(
          new Series.Point(
              r.get("period"),
              v.isEmpty() ? null : new BigDecimal(v),
              v.isEmpty() ? reason : null));
    }
    return new Series(id, title, unit, points);
  }
}
