package vn.thanhhoa.opendata.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.publish.Releases;
import vn.thanhhoa.opendata.transform.Build;

/**
 * What every stage of one run works with, made once when the run starts: the configuration, the
 * output folder, the sources' schemas, the unit lists, the dataset catalogue, the console, the
 * run's id and its Spark session (started on first use).
 */
record RunContext(
    PipelineConfig config,
    OutputFolder output,
    List<SourceSchema> sources,
    AdminUnits units,
    DatasetCatalog catalog,
    Console console,
    String runId,
    LazySpark spark) {

  RunContext {
    sources = List.copyOf(sources);
  }

  /**
   * Loads the unit lists and the catalogue (with its transforms), and picks a run id new in this
   * output folder.
   */
  static RunContext create(
      PipelineConfig config,
      OutputFolder output,
      List<SourceSchema> sources,
      Console console,
      Instant startedAt) {
    AdminUnits units = AdminUnits.load(config.adminUnits());
    DatasetCatalog catalog = DatasetCatalog.load(config.datasets(), config.schemas());
    Build.requireTransforms(catalog);
    String runId = output.layout().newRunId(startedAt, output.store());
    return new RunContext(
        config, output, sources, units, catalog, console, runId, new LazySpark(config, console));
  }

  Layout layout() {
    return output.layout();
  }

  Store store() {
    return output.store();
  }

  Releases releases() {
    return output.releases();
  }

  /** The folder of the published release, if any. */
  Optional<String> currentRelease() {
    return releases().current();
  }
}
