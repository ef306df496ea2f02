package vn.thanhhoa.opendata.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Sparks;
import vn.thanhhoa.opendata.ingest.Ingest;
import vn.thanhhoa.opendata.ingest.SourceReport;
import vn.thanhhoa.opendata.publish.RunReport;

/**
 * One run of the pipeline: everything checked before Spark starts (configuration, schemas,
 * unit lists, landing folders), then the stages, with the run report kept up to date.
 */
final class PipelineRun implements AutoCloseable {
  final PipelineConfig config;
  final Layout layout;
  final List<SourceSchema> sources;
  final AdminUnits units;
  final Instant startedAt = Instant.now();
  final String runId;
  final RunReport report;
  final Console console;
  private SparkSession spark;
  private boolean ownsSpark;

  private PipelineRun(String command, PipelineConfig config, List<SourceSchema> sources, Console console) {
    this.config = config;
    this.layout = new Layout(config.output());
    this.sources = sources;
    this.units = AdminUnits.load(config.adminUnits());
    this.console = console;
    this.runId = layout.newRunId(startedAt);
    this.report = new RunReport(runId, command, startedAt, config.input(), config.output());
  }

  /**
   * Checks everything a run needs; a problem is a {@link ConfigException} (exit 2).
   *
   * @param only the sources to run, or empty for all configured sources
   */
  static PipelineRun prepare(String command, CommonOptions options, List<String> only, Console console) {
    Logging.verbose(options.verbose);
    PipelineConfig config = options.config();
    for (String name : only) {
      if (!config.sources().contains(name)) {
        throw new ConfigException("--source: unknown source '" + name + "'; known: "
            + String.join(", ", config.sources()));
      }
    }
    List<String> names = only.isEmpty() ? config.sources() : only;
    List<SourceSchema> schemas = names.stream().map(n -> SourceSchema.load(config.schemas(), n)).toList();
    for (String name : names) {
      requireFolder(config.input(), name);
    }
    return new PipelineRun(command, config, schemas, console);
  }

  private static void requireFolder(String input, String source) {
    if (input.contains("://")) {
      return; // a remote filesystem is checked when Spark lists it
    }
    Path folder = Paths.get(input.startsWith("file:") ? input.substring(5) : input, source);
    if (!Files.isDirectory(folder)) {
      throw new ConfigException("input: landing folder not found: " + folder);
    }
  }

  SparkSession spark() {
    if (spark == null) {
      console.progress("starting Spark");
      // A session that already exists (a test's, a notebook's) is used and left running.
      ownsSpark = SparkSession.getDefaultSession().isEmpty();
      spark = Sparks.session(config);
    }
    return spark;
  }

  List<SourceReport> ingest() {
    Ingest ingest = new Ingest(spark(), units, config.input(), layout);
    List<SourceReport> reports = ingest.run(sources, runId, r -> {
      console.ingested(r);
      report.add(r);
    });
    return reports;
  }

  /** Records a finished or failed run in {@code state/runs/}. */
  void record(String status, String error) {
    report.finish(status, Instant.now(), error);
    report.write(Paths.get(layout.runReport(runId)));
  }

  @Override
  public void close() {
    if (spark != null && ownsSpark) {
      spark.stop();
    }
  }
}
