package vn.thanhhoa.opendata.cli;

/** The process exit codes the scheduler reads. */
public enum ExitCode {
  /** The run did what was asked (and published, for commands that publish). */
  OK(0),
  /** The run failed; nothing was published and the previous release is still current. */
  FAILED(1),
  /** Wrong usage or configuration; one line on stderr names the option, file or key. */
  USAGE(2),
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
