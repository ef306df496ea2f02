package vn.thanhhoa.opendata.cli;

/** For tests in other packages: runs the command line and returns its exit code. */
public final class CliTestAccess {
  private CliTestAccess() {}

  public static int run(String... args) {
    CliTest.Result r = CliTest.run(args);
    if (r.code() != 0) {
      System.err.println(r.err());
    }
    return r.code();
  }

  /** The whole result: code, stdout, stderr. */
  public static String[] runFull(String... args) {
    CliTest.Result r = CliTest.run(args);
    return new String[] {String.valueOf(r.code()), r.out(), r.err()};
  }
}
