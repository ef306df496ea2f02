package vn.thanhhoa.opendata.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chart coordinates are written as {@code String.format(ROOT, "%.1f")} would write them. */
class ScaleTest {
  private static void sameAsFormat(double v) {
    assertEquals(String.format(Locale.ROOT, "%.1f", v), Scale.fmt(v), () -> "for " + v);
  }

  @Test
  void halvesRoundUpOnTheShortestDecimalAndTheSignStaysOnNegativeZero() {
    for (double v :
        new double[] {
          0,
          -0.0,
          0.05,
          0.15,
          0.25,
          1.45,
          2.675,
          -0.04,
          -0.05,
          -1.45,
          9.95,
          99.95,
          1e-7,
          123456.789,
          1e22,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          Double.NaN,
          Double.POSITIVE_INFINITY
        }) {
      sameAsFormat(v);
    }
  }

  @Test
  void randomCoordinatesOfAnyScale() {
    SplittableRandom random = new SplittableRandom(20250701);
    for (int i = 0; i < 200_000; i++) {
      double magnitude = Math.pow(10, random.nextInt(-3, 7));
      sameAsFormat((random.nextDouble() * 2 - 1) * magnitude);
      sameAsFormat(random.nextInt(-100_000, 100_000) / 100.0); // ties at the second decimal
    }
  }
}
