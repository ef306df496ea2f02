package vn.thanhhoa.opendata.cli;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.publish.Release;
import vn.thanhhoa.opendata.transform.Build;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build datasets from the staging tables (written by ingest) into a new release and point "
          + "<output>/current at it. Datasets not selected are carried over unchanged from the current "
          + "release; with --from/--to only those months are rebuilt and the other months are kept.",
      "Datasets: chuyen-doi-so-cap-xa, tai-khoan-thanh-toan-khong-dung-tien-mat, san-pham-ocop-tren-san-tmdt, "
          + "kinh-te-so-cap-xa, don-vi-hanh-chinh, chat-luong-du-lieu."
    })
final class BuildCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin LockOptions lock;

  @Option(names = "--dataset", paramLabel = "NAME", description = "Only this dataset (repeatable).")
  List<String> datasets = List.of();

  @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month to rebuild.")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month to rebuild.")
  String to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    month("--from", from);
    month("--to", to);
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
    }
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    try (PipelineRun run = PipelineRun.prepare("build", common, List.of(), console, lock.wait)) {
      datasets.forEach(run.catalog::get);
      return Runs.guarded(
          run,
          () -> {
            Release release =
                run.buildAndPublish(
                    run.keepingInStep(new Build.Selection(datasets, from, to)), List.of());
            console.out(
                "Run "
                    + run.runId
                    + " published: "
                    + run.layout.current()
                    + " -> releases/"
                    + release.id());
            console.datasets(run.written, run.changed);
            return ExitCode.OK;
          });
    } catch (ConfigException e) {
      throw e.getMessage().startsWith("unknown dataset")
          ? new ConfigException("--dataset: " + e.getMessage())
          : e;
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
      throw new ParameterException(
          spec.commandLine(), option + ": not a month (YYYY-MM): " + value);
    }
  }
}
