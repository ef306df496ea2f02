package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.Parallel;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.StagingTables;

/**
 * The build stage: every dataset of the catalogue from the staging tables, by the transform its
 * entry names, written into a release folder. A build of some datasets carries the others over from
 * the previous release; a build of a month range keeps the previous release's rows of the other
 * months.
 */
public final class Build {
  /** How many datasets are built at once. */
  private static final int BUILDERS = 3;

  private final Context context;
  private final Map<String, DatasetTransform> transforms;
  private final UnitCodes unitCodes;

  /**
   * @throws ConfigException when a dataset's entry names no transform of this package
   */
  public Build(
      SparkSession spark,
      AdminUnits units,
      DatasetCatalog catalog,
      Layout layout,
      Store store,
      List<SourceSchema> schemas) {
    Map<String, SourceSchema> sources = new LinkedHashMap<>();
    schemas.forEach(s -> sources.put(s.source(), s));
    StagingTables staging = new StagingTables(spark, store, layout);
    this.context = new Context(spark, units, catalog, layout, store, staging, Map.copyOf(sources));
    this.transforms = Transforms.of(catalog);
    this.unitCodes = new UnitCodes(units);
  }

  /**
   * Checks that every dataset's entry names a transform of this package, so that a run with a
   * misspelt {@code transform:} stops before it ingests anything.
   *
   * @throws ConfigException naming the catalogue file, the dataset and the class looked for
   */
  public static void requireTransforms(DatasetCatalog catalog) {
    Transforms.of(catalog);
  }

  /** What every dataset of a run is built with. */
  record Context(
      SparkSession spark,
      AdminUnits units,
      DatasetCatalog catalog,
      Layout layout,
      Store store,
      StagingTables staging,
      Map<String, SourceSchema> sources) {

    SourceSchema source(String name) {
      SourceSchema schema = sources.get(name);
      if (schema == null) {
        throw new ConfigException(
            "no configured source '" + name + "'; known: " + sources.keySet());
      }
      return schema;
    }
  }

  /** Which datasets and months to build: empty datasets = all, null bounds = open. */
  public record Selection(List<String> datasets, String from, String to) {
    public static final Selection ALL = new Selection(List.of(), null, null);

    public boolean wholeRange() {
      return from == null && to == null;
    }

    boolean includes(String dataset) {
      return datasets.isEmpty() || datasets.contains(dataset);
    }

    /** The rows whose {@code period} is in the selected months. */
    Column months() {
      return StagingTables.periodIn(from, to);
    }
  }

  /**
   * Writes every dataset into {@code release/datasets/} (locations on the output's store).
   *
   * @param previous the release being replaced, if any
   * @param recorded the datasets as the release being replaced records them (its run report), by
   *     name: a dataset carried over keeps the hashes and rows recorded for its files
   * @param ingested this run's ingest reports, or empty to use those of the last ingest
   */
  public List<DatasetFiles.Written> run(
      String release,
      Optional<String> previous,
      Map<String, DatasetFiles.Written> recorded,
      Selection selection,
      List<SourceReport> ingested,
      Consumer<DatasetFiles.Written> progress) {
    RunInputs in = new RunInputs(context, selection, ingested);
    try {
      // Datasets are independent: built side by side, reported in catalogue order.
      return Parallel.map(
          context.catalog().datasets(),
          BUILDERS,
          (DatasetSpec spec) -> dataset(spec, release, previous, in, recorded.get(spec.name())),
          progress);
    } finally {
      in.release();
    }
  }

  private DatasetFiles.Written dataset(
      DatasetSpec spec,
      String release,
      Optional<String> previous,
      RunInputs in,
      DatasetFiles.Written recorded) {
    String folder = release + "/datasets/" + spec.name();
    Optional<String> old =
        previous.map(p -> p + "/datasets/" + spec.name()).filter(context.store()::isDirectory);
    if (!in.selection().includes(spec.name())
        && old.filter(o -> DatasetFiles.hasEveryFormat(context.store(), o)).isPresent()) {
      return DatasetFiles.copy(
          context.store(), spec.name(), old.get(), folder, Optional.ofNullable(recorded));
    }
    Dataset<Row> built = transforms.get(spec.name()).build(new TransformInputs(spec, in));
    DeclaredTests tests = new DeclaredTests(spec, unitCodes);
    return DatasetFiles.write(
        merged(spec, built, old, in.selection()), spec, context.store(), folder, tests::verify);
  }

  /** A month-range build keeps the previous release's rows of the months outside the range. */
  private Dataset<Row> merged(
      DatasetSpec spec, Dataset<Row> built, Optional<String> old, Selection selection) {
    if (selection.wholeRange() || !spec.isMonthly() || old.isEmpty()) {
      return built;
    }
    Dataset<Row> before = context.spark().read().parquet(old.get() + "/parquet");
    Dataset<Row> outside = before.filter(not(selection.months()));
    return DatasetFiles.conform(outside, spec).unionByName(DatasetFiles.conform(built, spec));
  }
}
