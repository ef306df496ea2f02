package vn.thanhhoa.opendata.ingest;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.Parallel;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;

/**
 * The ingest stage: each source from its landing folder into staging and quarantine. The last
 * ingest's report ({@code state/ingest/<source>.json}) is the manifest of the files already
 * processed: when only new files arrived, only they are read; when a file changed or disappeared,
 * or the source's schema changed, the whole source is read again.
 */
public final class Ingest {
  private final SparkSession spark;
  private final AdminUnits units;
  private final Layout layout;
  private final String landingRoot;
  private final Store store;
  private final Runnable stillLocked;

  /**
   * @param stillLocked throws unless this run still holds the run lock; checked before each staging
   *     table changes
   */
  public Ingest(
      SparkSession spark,
      AdminUnits units,
      String landingRoot,
      Layout layout,
      Store store,
      Runnable stillLocked) {
    this.spark = spark;
    this.units = units;
    this.landingRoot = landingRoot.endsWith("/") ? landingRoot : landingRoot + "/";
    this.layout = layout;
    this.store = store;
    this.stillLocked = stillLocked;
  }

  /** What a source's ingest did. */
  public enum Change {
    /** No new or changed file: the staging table and report are the previous ones. */
    UNCHANGED,
    /** Only new files, merged into the periods they touch. */
    NEW_FILES,
    /** Every file read again. */
    FULL
  }

  /**
   * A source's report (over all its files), how it was ingested, and the periods new rows touched.
   */
  public record Outcome(
      SourceReport report, Change change, List<String> touchedPeriods, int filesRead) {}

  /**
   * Ingests the given sources side by side (they share nothing); {@code progress} hears of each in
   * the given order. {@code full} reads every file whatever changed.
   */
  public List<Outcome> run(
      List<SourceSchema> sources, String runId, boolean full, Consumer<Outcome> progress) {
    return Parallel.map(sources, sources.size(), schema -> ingest(schema, runId, full), progress);
  }

  private Outcome ingest(SourceSchema schema, String runId, boolean full) {
    SourceIngest.Paths paths = paths(schema.source(), runId);
    SourceIngest source = new SourceIngest(spark, schema, units);
    Landing landing = source.scan(paths.landing());
    Outcome ingested = ingest(source, paths, landing, full);
    Outcome outcome =
        new Outcome(
            ingested.report().withWarnings(landing.ignored()),
            ingested.change(),
            ingested.touchedPeriods(),
            ingested.filesRead());
    if (outcome.change() != Change.UNCHANGED) {
      IngestState.save(store, layout, outcome.report());
    }
    return outcome;
  }

  private SourceIngest.Paths paths(String source, String runId) {
    return new SourceIngest.Paths(
        landingRoot + source, layout.staging(source), layout.quarantine(runId, source));
  }

  private Outcome ingest(
      SourceIngest source, SourceIngest.Paths paths, Landing landing, boolean full) {
    Optional<SourceReport> previous = IngestState.load(store, layout, source.schema().source());
    Optional<List<String>> onlyNew =
        full || previous.isEmpty() || !canBuildOn(source, paths, previous.get())
            ? Optional.empty()
            : landing.onlyNewSince(previous.get());
    if (onlyNew.isEmpty()) {
      SourceReport report = source.run(paths, landing, forget(source));
      return new Outcome(report, Change.FULL, List.of(), landing.files().size());
    }
    List<String> fresh = onlyNew.get();
    if (fresh.isEmpty()) {
      return new Outcome(previous.get(), Change.UNCHANGED, List.of(), 0);
    }
    SourceIngest.Incremental added =
        source.runNew(paths, landing, fresh, previous.get(), forget(source));
    return new Outcome(added.report(), Change.NEW_FILES, added.touchedPeriods(), fresh.size());
  }

  /** Whether the staging table that {@code previous} reported can be built on. */
  private boolean canBuildOn(SourceIngest source, SourceIngest.Paths paths, SourceReport previous) {
    return store.isDirectory(paths.staging())
        && source.schemaSha256().equals(previous.schemaSha256());
  }

  /**
   * The manifest goes before the staging table changes, and comes back when the ingest succeeds.
   */
  private Runnable forget(SourceIngest source) {
    return () -> {
      stillLocked.run();
      IngestState.forget(store, layout, source.schema().source());
    };
  }
}
