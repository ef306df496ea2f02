package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import vn.thanhhoa.opendata.core.Layout;

/** The report of the ingest that produced each source's current staging table. */
public final class IngestState {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private IngestState() {}

  static Path file(Layout layout, String source) {
    return Paths.get(layout.state(), "ingest", source + ".json");
  }

  static void save(Layout layout, SourceReport report) {
    Path file = file(layout, report.source());
    try {
      vn.thanhhoa.opendata.core.Folders.writeJsonAtomically(JSON, file, report);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** The last ingest's report for {@code source}, if it was ever ingested into this output. */
  public static Optional<SourceReport> load(Layout layout, String source) {
    Path file = file(layout, source);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), SourceReport.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
