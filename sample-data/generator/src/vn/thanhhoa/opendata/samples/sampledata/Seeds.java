package vn.thanhhoa.opendata.samples.sampledata;

import java.util.Random;

/** One seeded {@link Random} per source, derived from the fixed seed. */
final class Seeds {
  private Seeds() {}

  static Random forSource(String source) {
    long salt = 0;
    for (char c : source.toCharArray()) {
      salt = salt * 31 + c;
    }
    return new Random(GenerateSampleData.SEED ^ salt);
  }

  static double uniform(Random rnd, double lo, double hi) {
    return lo + (hi - lo) * rnd.nextDouble();
  }
}
