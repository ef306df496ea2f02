package vn.thanhhoa.opendata.cli;

import java.util.concurrent.Callable;

/** Runs a command's stages so that any failure is reported and recorded, never thrown raw. */
final class Runs {
  private Runs() {}

  static int guarded(PipelineRun run, Callable<ExitCode> stages) {
    try {
      return stages.call().code();
    } catch (vn.thanhhoa.opendata.publish.RunLock.Held e) {
      run.console.error(e.getMessage());
      return ExitCode.LOCKED.code();
    } catch (Exception e) {
      String why = PipelineCommand.describe(e);
      run.console.error("run " + run.runId + " failed, nothing was published: " + why);
      try {
        run.record("failed", why);
      } catch (RuntimeException ignored) {
        // the output folder itself may be what failed; the message above already says why
      }
      if (Logging.isVerbose()) {
        e.printStackTrace();
      }
      return ExitCode.FAILED.code();
    }
  }
}
