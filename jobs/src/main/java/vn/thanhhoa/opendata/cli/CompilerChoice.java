package vn.thanhhoa.opendata.cli;

/**
 * Which JIT compiler suits a run, decided by the run itself. The launcher starts {@code nightly}
 * over a large landing folder on the quick compiler (C1) alone, which suits a night that reads a
 * new day or nothing, and sets the system property {@value #LIMIT} to the number of landing bytes
 * beyond which the optimising compiler (C2) pays back (README, "Performance"). A run that will read
 * more (a full rebuild, a large source read again) stops before it ingests anything with {@link
 * ExitCode#RESTART}, and the launcher starts it again with C2. Without the property a run goes on
 * whatever it reads.
 */
final class CompilerChoice {
  /** The system property the launcher sets: a number of bytes. */
  static final String LIMIT = "pipeline.quickCompilerUpTo";

  private CompilerChoice() {}

  /**
   * Whether the launcher asked and {@code run} reads more than it said the quick compiler suits.
   */
  static boolean wantsOptimising(PipelineRun run, boolean full) {
    Long limit = Long.getLong(LIMIT);
    if (limit == null) {
      return false;
    }
    long bytes = run.landingBytesToRead(full);
    if (bytes <= limit) {
      return false;
    }
    run.context()
        .console()
        .progress(
            String.format(
                "this run reads %,d MB of landing files: starting it again with the optimising"
                    + " compiler",
                bytes / 1_000_000));
    return true;
  }
}
