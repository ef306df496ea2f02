package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.Parallel;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.IngestState;
import vn.thanhhoa.opendata.ingest.SourceIngest;
import vn.thanhhoa.opendata.ingest.SourceReport;

/**
 * The build stage: the six datasets from the staging tables, written into a release folder. A build
 * of some datasets carries the others over from the previous release; a build of a month range
 * keeps the previous release's rows of the other months.
 */
public final class Build {
  private final SparkSession spark;
  private final AdminUnits units;
  private final DatasetCatalog catalog;
  private final Layout layout;
  private final Store store;
  private final Map<String, SourceSchema> sources = new LinkedHashMap<>();

  public Build(
      SparkSession spark,
      AdminUnits units,
      DatasetCatalog catalog,
      Layout layout,
      Store store,
      List<SourceSchema> schemas) {
    this.spark = spark;
    this.units = units;
    this.catalog = catalog;
    this.layout = layout;
    this.store = store;
    schemas.forEach(s -> sources.put(s.source(), s));
  }

  /** Which datasets and months to build: empty datasets = all, null bounds = open. */
  public record Selection(List<String> datasets, String from, String to) {
    public static final Selection ALL = new Selection(List.of(), null, null);

    public boolean wholeRange() {
      return from == null && to == null;
    }

    /** The rows whose {@code period} is in the selected months. */
    org.apache.spark.sql.Column contains(org.apache.spark.sql.Column period) {
      org.apache.spark.sql.Column in = org.apache.spark.sql.functions.lit(true);
      if (from != null) {
        in = in.and(period.geq(from));
      }
      if (to != null) {
        in = in.and(period.leq(to));
      }
      return in;
    }
  }

  /**
   * Writes every dataset into {@code release/datasets/} (locations on the output's store).
   *
   * @param previous the release being replaced, if any
   * @param ingested this run's ingest reports, or empty to use those of the last ingest
   */
  public List<DatasetFiles.Written> run(
      String release,
      Optional<String> previous,
      Selection selection,
      List<SourceReport> ingested,
      Consumer<DatasetFiles.Written> progress) {
    Inputs in = new Inputs(selection, ingested);
    try {
      // Datasets are independent: built side by side, reported in catalogue order.
      return Parallel.map(
          catalog.datasets(),
          BUILDERS,
          (DatasetSpec spec) -> {
            String folder = release + "/datasets/" + spec.name();
            boolean selected =
                selection.datasets().isEmpty() || selection.datasets().contains(spec.name());
            Optional<String> old =
                previous.map(p -> p + "/datasets/" + spec.name()).filter(f -> store.isDirectory(f));
            return !selected && old.isPresent()
                ? carryOver(spec, old.get(), folder)
                : DatasetFiles.write(
                    merged(spec, frame(spec.name(), in), old, selection), spec, store, folder);
          },
          progress);
    } finally {
      in.release();
    }
  }

  /** How many datasets are built at once. */
  private static final int BUILDERS = 3;

  private Dataset<Row> frame(String name, Inputs in) {
    long threshold = catalog.smallCellThreshold();
    Dataset<Row> dimension = in.dimension();
    return switch (name) {
      case DigitalTransformation.NAME ->
          DigitalTransformation.build(in.staging("commune-reports"), dimension);
      case PaymentAccounts.NAME ->
          PaymentAccounts.build(
              in.staging("payment-accounts"), in.staging("commune-reports"), dimension, threshold);
      case OcopProducts.NAME ->
          OcopProducts.build(
              summaries(OcopProducts.NAME)
                  .of(
                      staging("ocop-listings", Selection.ALL),
                      layout.staging("ocop-listings"),
                      OcopProducts::monthly),
              dimension);
      case CommuneScorecard.NAME ->
          CommuneScorecard.build(
              new CommuneScorecard.Inputs(
                  in.staging("commune-reports"),
                  in.staging("payment-accounts"),
                  in.staging("ocop-listings"),
                  dimension,
                  in.months(),
                  AdminUnitEdges.splitEdges(spark, units),
                  threshold));
      case AdminUnitEdges.NAME -> AdminUnitEdges.build(spark, units);
      case DataQuality.NAME -> DataQuality.build(spark, in.ingestReports());
      default -> throw new IllegalStateException("No transform for dataset " + name);
    };
  }

  /** The per-period summaries a dataset keeps between runs. */
  private PeriodSummaries summaries(String dataset) {
    return new PeriodSummaries(spark, store, layout.state() + "/summaries/" + dataset);
  }

  /** A month-range build keeps the previous release's rows of the months outside the range. */
  private Dataset<Row> merged(
      DatasetSpec spec, Dataset<Row> built, Optional<String> old, Selection selection) {
    if (selection.wholeRange() || !spec.isMonthly() || old.isEmpty()) {
      return built;
    }
    Dataset<Row> before = spark.read().parquet(old.get() + "/parquet");
    Dataset<Row> outside =
        before.filter(org.apache.spark.sql.functions.not(selection.contains(col("period"))));
    return DatasetFiles.conform(outside, spec).unionByName(DatasetFiles.conform(built, spec));
  }

  private DatasetFiles.Written carryOver(DatasetSpec spec, String from, String to) {
    long rows = spark.read().parquet(from + "/parquet").count();
    return DatasetFiles.copy(store, spec.name(), rows, from, to);
  }

  private Dataset<Row> staging(String source, Selection selection) {
    SourceSchema schema = sources.get(source);
    String folder = layout.staging(source);
    if (!IngestState.isComplete(store, layout, source)) {
      throw new IllegalStateException(
          folder
              + " was left half-swapped by an interrupted ingest; run `./pipeline nightly` "
              + "(or `ingest --source "
              + source
              + "`) to read its landing files again");
    }
    Dataset<Row> table =
        store.isDirectory(folder)
            ? spark.read().schema(SourceIngest.stagingSchema(schema)).parquet(folder)
            : spark.createDataFrame(List.of(), SourceIngest.stagingSchema(schema));
    return table.filter(selection.contains(col("period")));
  }

  /** The frames shared by the transforms, made once per run and only if needed. */
  private final class Inputs {
    private final Selection selection;
    private final List<SourceReport> ingested;
    private final Map<String, Dataset<Row>> staging = new LinkedHashMap<>();
    private final Object dimensionLock = new Object();
    private Dataset<Row> dimension;

    Inputs(Selection selection, List<SourceReport> ingested) {
      this.selection = selection;
      this.ingested = ingested;
    }

    /** The unit dimension, cached for the run. */
    Dataset<Row> dimension() {
      synchronized (dimensionLock) {
        if (dimension == null) {
          dimension = units.dimension(spark).cache();
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
      return staging.computeIfAbsent(source, s -> Build.this.staging(s, selection));
    }

    /** Every month from the first to the last period any source has (within the selection). */
    Dataset<Row> months() {
      List<String> first = new ArrayList<>();
      List<String> last = new ArrayList<>();
      for (String source : sources.keySet()) {
        Row r = staging(source).agg(min("period"), max("period")).first();
        if (!r.isNullAt(0)) {
          first.add(r.getString(0));
          last.add(r.getString(1));
        }
      }
      List<String> months =
          first.isEmpty()
              ? List.of()
              : CommuneScorecard.monthsBetween(
                  first.stream().min(String::compareTo).get(),
                  last.stream().max(String::compareTo).get());
      return spark.createDataset(months, Encoders.STRING()).toDF("period");
    }

    List<SourceReport> ingestReports() {
      if (!ingested.isEmpty()) {
        return ingested;
      }
      return sources.keySet().stream()
          .map(s -> IngestState.load(store, layout, s))
          .flatMap(Optional::stream)
          .toList();
    }
  }
}
