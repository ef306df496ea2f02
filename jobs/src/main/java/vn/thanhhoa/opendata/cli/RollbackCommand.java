package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.publish.ReleaseValidator;
import vn.thanhhoa.opendata.publish.Releases;

@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Publish again the datasets of an earlier complete release (default: the newest one before "
          + "the current, or before the one the current release restores), after validating it. "
          + "Takes the run lock.",
      "The datasets are copied into a new release whose changed packages are stamped modified "
          + "now, so harvesters fetch them again; nothing is rebuilt. The next nightly builds from "
          + "the landing files as usual: remove or correct the bad landing file first."
    })
final class RollbackCommand extends RunCommand {
  @Option(
      names = "--to",
      paramLabel = "RELEASE",
      description = "The release whose datasets to publish again (see `releases`).")
  String to;

  RollbackCommand() {
    super(false);
  }

  @Override
  Callable<ExitCode> stages(PipelineRun run) {
    RunContext context = run.context();
    Releases.Info target = target(context.releases());
    return () -> {
      List<String> problems =
          new ReleaseValidator(context.config().schemas())
              .validate(context.store(), context.layout().release(target.id()));
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "release " + target.id() + " does not validate: " + problems.get(0));
      }
      Publication published = run.publisher().restore(target);
      context
          .console()
          .out(
              "restored the datasets of releases/"
                  + target.id()
                  + " as releases/"
                  + published.releaseId()
                  + ", now published");
      return ExitCode.OK;
    };
  }

  private Releases.Info target(Releases releases) {
    try {
      return releases.rollbackTarget(Optional.ofNullable(to));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
