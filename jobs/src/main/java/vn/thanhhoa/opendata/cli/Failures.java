package vn.thanhhoa.opendata.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.publish.RunLock;

/** The one place where a failure becomes an exit code and the line on stderr that says why. */
final class Failures implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
    ExitCode code = exitCode(e);
    Console console = new Console(line.getOut(), line.getErr());
    console.error(why(e, code));
    if (code == ExitCode.FAILED && Logging.isVerbose()) {
      console.trace(e);
    }
    return code.code();
  }

  static ExitCode exitCode(Throwable e) {
    if (e instanceof ConfigException) {
      return ExitCode.USAGE;
    }
    return e instanceof RunLock.Held ? ExitCode.LOCKED : ExitCode.FAILED;
  }

  /** The first line of the deepest message: enough to act on, no stack trace. */
  static String describe(Throwable e) {
    String message = null;
    for (Throwable cause = e; cause != null; cause = next(cause)) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** A run's failure and a usage or lock error say it themselves; others by their cause. */
  private static String why(Exception e, ExitCode code) {
    return code == ExitCode.FAILED && !(e instanceof RunFailed) ? describe(e) : e.getMessage();
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
