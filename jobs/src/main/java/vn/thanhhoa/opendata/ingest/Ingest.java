package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.SourceSchema;

/** The ingest stage: each source from its landing folder into staging and quarantine. */
public final class Ingest {
  private final SparkSession spark;
  private final AdminUnits units;
  private final Layout layout;
  private final String landingRoot;

  public Ingest(SparkSession spark, AdminUnits units, String landingRoot, Layout layout) {
    this.spark = spark;
    this.units = units;
    this.landingRoot = landingRoot.endsWith("/") ? landingRoot : landingRoot + "/";
    this.layout = layout;
  }

  /** Ingests the given sources in order, telling {@code progress} as each one ends. */
  public List<SourceReport> run(List<SourceSchema> sources, String runId, Consumer<SourceReport> progress) {
    List<SourceReport> reports = new ArrayList<>();
    for (SourceSchema schema : sources) {
      SourceIngest.Paths paths = new SourceIngest.Paths(
          landingRoot + schema.source(),
          layout.staging(schema.source()),
          layout.quarantine(runId, schema.source()));
      SourceReport report = new SourceIngest(spark, schema, units).run(paths);
      IngestState.save(layout, report);
      progress.accept(report);
      reports.add(report);
    }
    return reports;
  }
}
