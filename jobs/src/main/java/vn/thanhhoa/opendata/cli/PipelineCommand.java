package vn.thanhhoa.opendata.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.core.Checkpoint;

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
    return run(args, Console.stdout(), Console.stderr());
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new PipelineCommand());
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler(new Failures());
    Checkpoint.onPause(new Console(out, err)::paused);
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
