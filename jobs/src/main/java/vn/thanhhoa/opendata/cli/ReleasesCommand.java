package vn.thanhhoa.opendata.cli;

import picocli.CommandLine.Command;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.publish.Releases;

@Command(
    name = "releases",
    mixinStandardHelpOptions = true,
    description =
        "List the releases under <output>/releases/, oldest first: status, finish time, datasets "
            + "changed, and which one is current.")
final class ReleasesCommand extends Subcommand {
  private static final String ROW = "%s %-22s %-11s %-28s %s";

  @Override
  ExitCode execute(PipelineConfig config, Console console) {
    Releases releases = OutputFolder.open(config).releases();
    console.out(String.format(ROW, " ", "release", "status", "finished at", "datasets changed"));
    for (Releases.Info r : releases.list()) {
      console.out(
          String.format(
              ROW,
              r.current() ? "*" : " ",
              r.id(),
              r.status(),
              r.finishedAt() == null ? "-" : r.finishedAt(),
              r.complete() ? String.valueOf(r.changedDatasets()) : "-"));
    }
    return ExitCode.OK;
  }
}
