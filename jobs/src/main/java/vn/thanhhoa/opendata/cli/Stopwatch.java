package vn.thanhhoa.opendata.cli;

/** How long a stage took, for the run report. */
record Stopwatch(long startNanos) {
  static Stopwatch start() {
    return new Stopwatch(System.nanoTime());
  }

  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
