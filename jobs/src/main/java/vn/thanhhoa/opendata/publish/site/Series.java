package vn.thanhhoa.opendata.publish.site;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one chart draws: a value per month, in order. A month without a value is a gap, never a
 * zero, and says why ({@code note}); a value may carry a note too (a province total that leaves out
 * withheld communes).
 */
record Series(String id, String title, String unit, List<Point> points) {
  Series {
    points = List.copyOf(points);
  }

  /** One month: its value (null for a gap) and a note for people (null when there is none). */
  record Point(String period, BigDecimal value, String note) {
    boolean isGap() {
      return value == null;
    }
  }

  List<Point> gaps() {
    return points.stream().filter(Point::isGap).toList();
  }

  BigDecimal max() {
    return points.stream()
        .map(Point::value)
        .filter(Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::max);
  }

  boolean isEmpty() {
    return points.stream().allMatch(Point::isGap);
  }
}
