package vn.thanhhoa.opendata.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.publish.Releases;

@Command(
    name = "releases",
    mixinStandardHelpOptions = true,
    description =
        "List the releases under <output>/releases/, oldest first: status, finish time, datasets "
            + "changed, and which one is current.")
final class ReleasesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    PipelineConfig config = common.config();
    Releases releases = new Releases(PipelineRun.outputStore(config), new Layout(config.output()));
    console.out(
        String.format(
            "  %-22s %-11s %-28s %s", "release", "status", "finished at", "datasets changed"));
    for (Releases.Info r : releases.list()) {
      console.out(
          String.format(
              "%s %-22s %-11s %-28s %s",
              r.current() ? "*" : " ",
              r.id(),
              r.status(),
              r.finishedAt() == null ? "-" : r.finishedAt(),
              r.complete() ? String.valueOf(r.changedDatasets()) : "-"));
    }
    return ExitCode.OK.code();
  }
}
