package vn.thanhhoa.opendata.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;
import vn.thanhhoa.opendata.core.PipelineConfig;

/** Options every working command shares. */
final class CommonOptions {
  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "Pipeline configuration (default: ${DEFAULT-VALUE}, from the current folder).",
      defaultValue = PipelineConfig.DEFAULT_FILE)
  Path conf;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description =
          "Landing root holding commune-reports/, payment-accounts/ and ocop-listings/ "
              + "(default: 'input' of the configuration, relative to its folder: the project's "
              + "sample-data/ as shipped).")
  String input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description =
          "Output root for releases/, current, quarantine/, staging/ and state/ "
              + "(default: 'output' of the configuration, relative to its folder: the project's "
              + "output/ as shipped).")
  String output;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show Spark's own log and full error traces.")
  boolean verbose;

  /** The configuration with the command-line overrides applied. */
  PipelineConfig config() {
    PipelineConfig config = PipelineConfig.load(conf);
    Path here = Paths.get("").toAbsolutePath();
    if (input != null) {
      config = config.withInput(PipelineConfig.location(here, input));
    }
    if (output != null) {
      config = config.withOutput(PipelineConfig.location(here, output));
    }
    return config;
  }
}
