package vn.thanhhoa.opendata.publish.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis arithmetic shared by the charts. */
final class Scale {
  private Scale() {}

  /** The smallest 1, 2 or 5 × 10ⁿ at or above {@code max} (1 when there is nothing to draw). */
  static BigDecimal niceTop(BigDecimal max) {
    if (max.signum() <= 0) {
      return BigDecimal.ONE;
    }
    BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(max.precision() - max.scale() - 1);
    for (int m : new int[] {1, 2, 5, 10}) {
      BigDecimal candidate = step.multiply(BigDecimal.valueOf(m));
      if (candidate.compareTo(max) >= 0) {
        return candidate.stripTrailingZeros().max(BigDecimal.ONE).setScale(0);
      }
    }
    return step.multiply(BigDecimal.TEN);
  }

  /** The indexes of the months to label on an axis of {@code n}: about four, first and last. */
  static List<Integer> labelled(int n) {
    List<Integer> labelled = new ArrayList<>();
    int every = Math.max(1, (int) Math.ceil(n / 4.0));
    for (int i = 0; i < n; i += every) {
      labelled.add(i);
    }
    if (n > 1 && labelled.get(labelled.size() - 1) != n - 1) {
      if (n - 1 - labelled.get(labelled.size() - 1) < every / 2 + 1) {
        labelled.remove(labelled.size() - 1);
      }
      labelled.add(n - 1);
    }
    return labelled;
  }

  /**
   * A coordinate with one decimal, the same on every machine: exactly {@code String.format(ROOT,
   * "%.1f", v)} (the shortest decimal of {@code v} rounded half up, "-" on a negative value even
   * where it rounds to zero), without parsing a format per call, a third of a commune page's time.
   */
  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    String digits =
        new BigDecimal(Double.toString(Math.abs(v)))
            .setScale(1, RoundingMode.HALF_UP)
            .toPlainString();
    return Double.compare(v, 0.0) < 0 ? "-" + digits : digits;
  }
}
