package vn.thanhhoa.opendata.samples.landing;

import java.util.List;
import java.util.SplittableRandom;

/** Deterministic random streams: one per (seed, purpose, index), independent of thread order. */
final class Seeds {
  private Seeds() {}

  static SplittableRandom rng(long seed, String purpose, long index) {
    return new SplittableRandom(mix(mix(seed ^ purpose.hashCode() * 0x9E3779B97F4A7C15L) + index));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static <T> T pick(SplittableRandom rnd, List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }

  static <T> T pick(SplittableRandom rnd, T[] items) {
    return items[rnd.nextInt(items.length)];
  }
}
