package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.Store;

/** The report of the ingest that produced each source's current staging table. */
public final class IngestState {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private IngestState() {}

  static String file(Layout layout, String source) {
    return layout.state() + "/ingest/" + source + ".json";
  }

  static void save(Store store, Layout layout, SourceReport report) {
    String file = file(layout, report.source());
    try {
      store.writeAtomically(file, JSON.writeValueAsBytes(report));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /**
   * Forgets the source's manifest before its staging table is changed: on an object store the swap
   * is many copies, and a run killed among them leaves a partial table that only a missing manifest
   * reveals (the next ingest then reads every file again).
   */
  static void forget(Store store, Layout layout, String source) {
    store.delete(file(layout, source));
  }

  /**
   * Whether the source's staging table is whole: its manifest was written after its last change.
   */
  public static boolean isComplete(Store store, Layout layout, String source) {
    return !store.exists(layout.staging(source)) || store.exists(file(layout, source));
  }

  /** The last ingest's report for {@code source}, if it was ever ingested into this output. */
  public static Optional<SourceReport> load(Store store, Layout layout, String source) {
    String file = file(layout, source);
    if (!store.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(store.read(file), SourceReport.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
