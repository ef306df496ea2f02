package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import vn.thanhhoa.opendata.core.PipelineConfig;

/**
 * A command that changes the output folder: it takes the run lock, and its stages run as one run,
 * recorded as failed if any stage fails.
 */
abstract class RunCommand extends Subcommand {
  @Mixin LockOptions lock;

  /** Whether the run reads the landing folders, which must then exist. */
  private final boolean readsLanding;

  RunCommand(boolean readsLanding) {
    this.readsLanding = readsLanding;
  }

  @Override
  final ExitCode execute(PipelineConfig config, Console console) throws Exception {
    try (PipelineRun run =
        PipelineRun.prepare(spec.name(), config, sources(), readsLanding, console, lock.wait)) {
      return run.guarded(stages(run));
    }
  }

  /** The sources the run ingests; empty for every configured source. */
  List<String> sources() {
    return List.of();
  }

  /**
   * Checks what needs the prepared run (a problem is a configuration error, exit 2), then answers
   * the stages, which run guarded: a failure there is the run's failure (exit 1).
   */
  abstract Callable<ExitCode> stages(PipelineRun run);
}
