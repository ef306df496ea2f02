package vn.thanhhoa.opendata.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.core.PipelineConfig;

/**
 * What every subcommand does: check its options, load the configuration, run, and answer an exit
 * code. A failure is thrown; {@link Failures} turns it into the exit code and the line that says
 * why.
 */
abstract class Subcommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    validate();
    Logging.verbose(common.verbose);
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    return execute(common.config(), console).code();
  }

  /** Checks the options that need no configuration; a problem is a {@link #usage} error. */
  void validate() {}

  /** Does the command's work with the configuration as the options amend it. */
  abstract ExitCode execute(PipelineConfig config, Console console) throws Exception;

  /** A wrong option (exit 2): picocli prints the message and the command's usage. */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
