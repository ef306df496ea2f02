package vn.thanhhoa.opendata.ingest;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
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
  private final Supplier<SparkSession> spark;
  private final AdminUnits units;
  private final Layout layout;
  private final Store store;
  private final Runnable stillLocked;
  private final IngestPlan plan;

  /**
   * @param spark the session, asked for only when a source has files to read: a night with nothing
   *     new starts no Spark
   * @param hadoop the configuration the landing folders are listed with
   * @param stillLocked throws unless this run still holds the run lock; checked before each staging
   *     table changes
   */
  public Ingest(
      Supplier<SparkSession> spark,
      Configuration hadoop,
      AdminUnits units,
      String landingRoot,
      Layout layout,
      Store store,
      Runnable stillLocked) {
    this.spark = spark;
    this.units = units;
    this.layout = layout;
    this.store = store;
    this.stillLocked = stillLocked;
    this.plan = new IngestPlan(units, landingRoot, layout, store, hadoop);
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
    IngestPlan.Reading reading = plan.reading(schema, full);
    Landing landing = reading.landing();
    Outcome ingested = ingest(schema, paths(schema.source(), runId), reading);
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
        plan.landing(source), layout.staging(source), layout.quarantine(runId, source));
  }

  private Outcome ingest(
      SourceSchema schema, SourceIngest.Paths paths, IngestPlan.Reading reading) {
    Landing landing = reading.landing();
    if (reading.onlyNew().isEmpty()) {
      SourceReport report = source(schema).run(paths, landing, forget(schema));
      return new Outcome(report, Change.FULL, List.of(), landing.files().size());
    }
    List<String> fresh = reading.onlyNew().get();
    SourceReport previous = reading.previous().orElseThrow();
    if (fresh.isEmpty()) {
      return new Outcome(previous, Change.UNCHANGED, List.of(), 0);
    }
    SourceIngest.Incremental added =
        source(schema).runNew(paths, landing, fresh, previous, forget(schema));
    return new Outcome(added.report(), Change.NEW_FILES, added.touchedPeriods(), fresh.size());
  }

  /**
   * The manifest goes before the staging table changes, and comes back when the ingest succeeds.
   */
  private Runnable forget(SourceSchema schema) {
    return () -> {
      stillLocked.run();
      IngestState.forget(store, layout, schema.source());
    };
  }

  private SourceIngest source(SourceSchema schema) {
    return new SourceIngest(spark.get(), schema, units);
  }
}
