package vn.thanhhoa.opendata.transform;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.SourceReport;

/**
 * What one dataset's transform may read: the staging tables of the sources its entry declares, and
 * the run's unit list, small-cell threshold, months and ingest reports.
 */
public final class TransformInputs {
  private final DatasetSpec spec;
  private final RunInputs run;

  TransformInputs(DatasetSpec spec, RunInputs run) {
    this.spec = spec;
    this.run = run;
  }

  /** The staging table of a declared source, limited to the months being built. */
  public Dataset<Row> staging(String source) {
    return run.staging(declared(source));
  }

  /**
   * Every period's summary of a declared source's whole staging table, kept between runs: only the
   * periods whose staging partition changed are summarised again, and a period that only gained
   * later days has their summary merged in.
   */
  public Dataset<Row> summaries(String source, PeriodSummary summary) {
    return run.summaries(spec.name(), declared(source), summary);
  }

  /** Every month from the first to the last period of the declared sources (being built). */
  public Dataset<Row> months() {
    return run.months(spec.sources());
  }

  /** The ingest reports of the declared sources: this run's, or those of their last ingest. */
  public List<SourceReport> ingestReports() {
    return run.ingestReports(spec.sources());
  }

  /** The unit dimension ({@link AdminUnits#dimension}), cached for the run. */
  public Dataset<Row> dimension() {
    return run.dimension();
  }

  public AdminUnits units() {
    return run.units();
  }

  public SparkSession spark() {
    return run.spark();
  }

  /** Counts below this are published as suppressed. */
  public long smallCellThreshold() {
    return run.smallCellThreshold();
  }

  private String declared(String source) {
    if (!spec.sources().contains(source)) {
      throw new ConfigException(
          "dataset "
              + spec.name()
              + " reads source '"
              + source
              + "', which its entry in "
              + run.catalogFile()
              + " does not declare (sources: "
              + spec.sources()
              + ")");
    }
    return source;
  }
}
