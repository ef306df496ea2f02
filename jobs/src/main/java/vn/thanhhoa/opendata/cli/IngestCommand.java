package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.ingest.SourceReport;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Validate landing files into typed staging tables (<output>/staging/<source>/) and "
          + "quarantine the bad rows (<output>/quarantine/<run-id>/<source>/). Publishes nothing.",
      "The run report is written to <output>/state/runs/<run-id>.json."
    })
final class IngestCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin LockOptions lock;

  @Option(
      names = "--full",
      description = "Read every landing file again (by default only new files are read).")
  boolean full;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "Only this source (repeatable): commune-reports, payment-accounts, ocop-listings.")
  List<String> sources = List.of();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    try (PipelineRun run = PipelineRun.prepare("ingest", common, sources, console, lock.wait)) {
      return Runs.guarded(
          run,
          () -> {
            List<SourceReport> reports = PipelineRun.reports(run.ingest(full));
            run.record("ingested", null);
            console.summary(
                "Run "
                    + run.runId
                    + " ingested "
                    + reports.size()
                    + " source(s); report: "
                    + run.layout.runReport(run.runId),
                reports,
                run.layout.root() + "/quarantine/" + run.runId);
            return ExitCode.OK;
          });
    }
  }
}
