package vn.thanhhoa.opendata.ingest;

import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.LandingFileReader.LandingFile;

/**
 * Which landing files an ingest reads, source by source, decided from the landing folders and the
 * last ingest's reports alone (no Spark): {@link Ingest} reads what this says, and a run can know
 * beforehand how many bytes that is.
 */
public final class IngestPlan {
  private final AdminUnits units;
  private final String landingRoot;
  private final Layout layout;
  private final Store store;
  private final Configuration hadoop;

  /**
   * @param hadoop the configuration the landing folders are listed with
   */
  public IngestPlan(
      AdminUnits units, String landingRoot, Layout layout, Store store, Configuration hadoop) {
    this.units = units;
    this.landingRoot = landingRoot.endsWith("/") ? landingRoot : landingRoot + "/";
    this.layout = layout;
    this.store = store;
    this.hadoop = hadoop;
  }

  /**
   * A source's landing folder as it is now, its last ingest's report, and the new files to read
   * (qualified paths; none when nothing arrived), or empty when every file must be read again.
   */
  record Reading(Landing landing, Optional<SourceReport> previous, Optional<List<String>> onlyNew) {
    long bytes() {
      List<LandingFile> read =
          onlyNew.map(landing::files).orElseGet(() -> List.copyOf(landing.files().values()));
      return read.stream().mapToLong(LandingFile::bytes).sum();
    }
  }

  /** How {@code schema}'s source is ingested; {@code full} reads every file whatever changed. */
  Reading reading(SourceSchema schema, boolean full) {
    Landing landing = new LandingScan(schema, hadoop).scan(landing(schema.source()));
    Optional<SourceReport> previous = IngestState.load(store, layout, schema.source());
    Optional<List<String>> onlyNew =
        full || previous.isEmpty() || !canBuildOn(schema, previous.get())
            ? Optional.empty()
            : landing.onlyNewSince(previous.get());
    return new Reading(landing, previous, onlyNew);
  }

  /** The landing bytes an ingest of {@code sources} reads. */
  public long bytesToRead(List<SourceSchema> sources, boolean full) {
    return sources.stream().mapToLong(s -> reading(s, full).bytes()).sum();
  }

  String landing(String source) {
    return landingRoot + source;
  }

  /** Whether the staging table that {@code previous} reported can be built on. */
  private boolean canBuildOn(SourceSchema schema, SourceReport previous) {
    return store.isDirectory(layout.staging(schema.source()))
        && SourceIngest.schemaSha256(schema, units).equals(previous.schemaSha256());
  }
}
