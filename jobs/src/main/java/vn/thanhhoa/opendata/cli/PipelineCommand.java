package vn.thanhhoa.opendata.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.core.ConfigException;

@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    version = "Thanh Hóa open-data pipeline 0.1.0",
    description =
        "Ingests commune digital-transformation reports, non-cash payment-account counts "
            + "and OCOP e-commerce listings, and publishes them as an open-data feed.",
    subcommands = {
      NightlyCommand.class,
      IngestCommand.class,
      BuildCommand.class,
      ValidateCommand.class,
      ReleasesCommand.class,
      RollbackCommand.class,
      ServeCommand.class,
      BackfillCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0   success",
      "  1   the run failed; nothing was published",
      "  2   usage or configuration error",
      "  75  another run holds the lock"
    })
public final class PipelineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /** Runs the command line and returns the exit code, without exiting: tests call this. */
  public static int run(String... args) {
    return run(args, writer(System.out), writer(System.err));
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new PipelineCommand());
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ConfigException) {
            cmd.getErr().println("error: " + e.getMessage());
            return ExitCode.USAGE.code();
          }
          if (e instanceof vn.thanhhoa.opendata.publish.RunLock.Held) {
            cmd.getErr().println("error: " + e.getMessage());
            return ExitCode.LOCKED.code();
          }
          cmd.getErr().println("error: " + describe(e));
          if (Logging.isVerbose()) {
            e.printStackTrace(cmd.getErr());
          }
          return ExitCode.FAILED.code();
        });
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The first line of the deepest message: enough to act on, no stack trace. */
  static String describe(Throwable e) {
    Throwable cause = e;
    String message = null;
    while (cause != null) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static PrintWriter writer(java.io.OutputStream stream) {
    return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
