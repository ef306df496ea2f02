package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thanhhoa.opendata.core.SourceReport;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Validate landing files into typed staging tables (<output>/staging/<source>/) and "
          + "quarantine the bad rows (<output>/quarantine/<run-id>/<source>/). Publishes nothing.",
      "The run report is written to <output>/state/runs/<run-id>.json."
    })
final class IngestCommand extends RunCommand {
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

  IngestCommand() {
    super(true);
  }

  @Override
  List<String> sources() {
    return sources;
  }

  @Override
  Callable<ExitCode> stages(PipelineRun run) {
    return () -> {
      List<SourceReport> reports = run.ingest(full).reports();
      run.record("ingested", null);
      String report = run.context().layout().runReport(run.id());
      run.context()
          .console()
          .summary(
              "Run " + run.id() + " ingested " + reports.size() + " source(s); report: " + report,
              reports,
              run.quarantine());
      return ExitCode.OK;
    };
  }
}
