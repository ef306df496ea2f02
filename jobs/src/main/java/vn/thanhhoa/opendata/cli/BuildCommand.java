package vn.thanhhoa.opendata.cli;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.transform.Build;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build datasets from the staging tables (written by ingest) into a new release and point "
          + "<output>/current at it. Datasets not selected are carried over unchanged from the "
          + "current release; with --from/--to only those months are rebuilt and the other months "
          + "are kept.",
      "Datasets: chuyen-doi-so-cap-xa, tai-khoan-thanh-toan-khong-dung-tien-mat, "
          + "san-pham-ocop-tren-san-tmdt, kinh-te-so-cap-xa, don-vi-hanh-chinh, chat-luong-du-lieu."
    })
final class BuildCommand extends RunCommand {
  @Option(names = "--dataset", paramLabel = "NAME", description = "Only this dataset (repeatable).")
  List<String> datasets = List.of();

  @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month to rebuild.")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month to rebuild.")
  String to;

  BuildCommand() {
    super(false);
  }

  @Override
  void validate() {
    month("--from", from);
    month("--to", to);
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw usage("--from " + from + " is after --to " + to);
    }
  }

  @Override
  Callable<ExitCode> stages(PipelineRun run) {
    requireKnown(run.context().catalog());
    return () -> {
      Build.Selection asked = new Build.Selection(datasets, from, to);
      Publication published = run.publisher().build(run.planner().keepingInStep(asked), List.of());
      Console console = run.context().console();
      console.out(run.headline("published", published));
      console.datasets(published);
      return ExitCode.OK;
    };
  }

  private void requireKnown(DatasetCatalog catalog) {
    try {
      datasets.forEach(catalog::get);
    } catch (ConfigException e) {
      throw new ConfigException("--dataset: " + e.getMessage());
    }
  }

  private void month(String option, String value) {
    if (value == null) {
      return;
    }
    try {
      if (!value.matches("\\d{4}-\\d{2}")) {
        throw new DateTimeException(value);
      }
      YearMonth.parse(value);
    } catch (DateTimeException e) {
      throw usage(option + ": not a month (YYYY-MM): " + value);
    }
  }
}
