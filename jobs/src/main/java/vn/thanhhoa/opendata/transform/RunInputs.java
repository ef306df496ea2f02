package vn.thanhhoa.opendata.transform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.SourceReport;

/** The frames the transforms of one run share, each made once and only if needed. */
final class RunInputs {
  private final Build.Context context;
  private final Build.Selection selection;
  private final List<SourceReport> ingested;
  private final Map<String, Dataset<Row>> staging = new LinkedHashMap<>();
  private final Object dimensionLock = new Object();
  private Dataset<Row> dimension;

  RunInputs(Build.Context context, Build.Selection selection, List<SourceReport> ingested) {
    this.context = context;
    this.selection = selection;
    this.ingested = ingested;
  }

  Build.Selection selection() {
    return selection;
  }

  SparkSession spark() {
    return context.spark();
  }

  AdminUnits units() {
    return context.units();
  }

  long smallCellThreshold() {
    return context.catalog().smallCellThreshold();
  }

  Path catalogFile() {
    return context.catalog().file();
  }

  /** The unit dimension, cached for the run. */
  Dataset<Row> dimension() {
    synchronized (dimensionLock) {
      if (dimension == null) {
        dimension = units().dimension(spark()).cache();
      }
      return dimension;
    }
  }

  /** Drops the run's cached dimension, so that a later run in the same session caches its own. */
  void release() {
    synchronized (dimensionLock) {
      if (dimension != null) {
        dimension.unpersist();
        dimension = null;
      }
    }
  }

  synchronized Dataset<Row> staging(String source) {
    return staging.computeIfAbsent(source, s -> table(s, selection));
  }

  /** The per-period summaries a dataset keeps between runs, of a source's whole table. */
  Dataset<Row> summaries(String dataset, String source, PeriodSummary summary) {
    String folder = context.layout().state() + "/summaries/" + dataset;
    PeriodSummaries summaries = new PeriodSummaries(spark(), context.store(), folder);
    return summaries.of(context.staging(), context.source(source), summary);
  }

  /**
   * Every month from the first to the last period any of the sources has (within the selection),
   * known from the staging tables' partition folders.
   */
  Dataset<Row> months(List<String> sources) {
    List<String> periods = new ArrayList<>();
    for (String source : sources) {
      periods.addAll(context.staging().periods(source, selection.from(), selection.to()));
    }
    List<String> months =
        periods.isEmpty()
            ? List.of()
            : Months.between(Collections.min(periods), Collections.max(periods));
    return spark().createDataset(months, Encoders.STRING()).toDF("period");
  }

  List<SourceReport> ingestReports(List<String> sources) {
    if (!ingested.isEmpty()) {
      return ingested.stream().filter(r -> sources.contains(r.source())).toList();
    }
    return sources.stream().map(context.staging()::lastReport).flatMap(Optional::stream).toList();
  }

  private Dataset<Row> table(String source, Build.Selection selection) {
    return context.staging().read(context.source(source), selection.from(), selection.to());
  }
}
