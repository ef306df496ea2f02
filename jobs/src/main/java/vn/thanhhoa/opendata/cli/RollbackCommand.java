package vn.thanhhoa.opendata.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.publish.Release;
import vn.thanhhoa.opendata.publish.ReleaseValidator;
import vn.thanhhoa.opendata.publish.Releases;

@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = "Point <output>/current back at an earlier complete release (default: the newest one before "
        + "the current), after validating it. Takes the run lock.")
final class RollbackCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin LockOptions lock;

  @Option(names = "--to", paramLabel = "RELEASE", description = "The release id to make current (see `releases`).")
  String to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    try (PipelineRun run = PipelineRun.prepare("rollback", common, List.of(), console, lock.wait)) {
      Releases releases = new Releases(run.store, run.layout);
      Releases.Info target;
      try {
        target = releases.rollbackTarget(Optional.ofNullable(to));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(e.getMessage());
      }
      return Runs.guarded(run, () -> {
        Release release = Release.existing(run.store, run.layout, target.id());
        List<String> problems = new ReleaseValidator(run.config.schemas()).validate(run.store, release.folder());
        if (!problems.isEmpty()) {
          throw new IllegalStateException("release " + target.id() + " does not validate: " + problems.get(0));
        }
        release.publish();
        run.report.put("rolled_back_to", target.id());
        run.report.finish("rolled-back", Instant.now(), null);
        run.record("rolled-back", null);
        console.out("current -> releases/" + target.id());
        return ExitCode.OK;
      });
    }
  }
}
