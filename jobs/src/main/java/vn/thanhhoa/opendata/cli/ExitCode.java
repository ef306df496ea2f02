package vn.thanhhoa.opendata.cli;

/** The process exit codes the scheduler reads. */
public enum ExitCode {
  /** The run did what was asked (and published, for commands that publish). */
  OK(0),
  /** The run failed; nothing was published and the previous release is still current. */
  FAILED(1),
  /** Wrong usage or configuration; one line on stderr names the option, file or key. */
  USAGE(2),
  /**
   * Only between a run and the launcher: the run would read more than the quick compiler suits and
   * stopped before it ingested anything, to be started again on the optimising one ({@link
   * CompilerChoice}). A run gives it only when the launcher asks; no JVM or Spark exit uses it.
   */
  RESTART(79),
  /** Another run holds the lock. */
  LOCKED(75);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
