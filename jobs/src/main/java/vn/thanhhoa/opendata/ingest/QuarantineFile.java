package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import vn.thanhhoa.opendata.core.Store;

/**
 * Writes a run's quarantined records of one source as JSON Lines, sorted by file and line: one
 * object per record with its file, sheet (a workbook's records only), line (a sheet's row number as
 * Excel shows it), rule, column (where one is to blame), message and raw text; absent values are
 * left out.
 */
final class QuarantineFile {
  static final String NAME = "part-00000.json";
  private static final JsonFactory JSON = new JsonFactory();

  private QuarantineFile() {}

  static void write(Store store, String folder, Collection<FileOutcome> outcomes) {
    List<FileOutcome.Quarantined> records = sorted(outcomes);
    store.delete(folder);
    store.mkdirs(folder);
    try (Writer out =
        new OutputStreamWriter(store.create(folder + "/" + NAME), StandardCharsets.UTF_8)) {
      for (FileOutcome.Quarantined q : records) {
        write(out, q);
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the quarantine to " + folder, e);
    }
  }

  private static List<FileOutcome.Quarantined> sorted(Collection<FileOutcome> outcomes) {
    return outcomes.stream()
        .flatMap(o -> o.quarantined().stream())
        .sorted(
            Comparator.comparing(FileOutcome.Quarantined::file)
                .thenComparingLong(FileOutcome.Quarantined::line))
        .toList();
  }

  private static void write(Writer out, FileOutcome.Quarantined q) throws IOException {
    try (JsonGenerator json =
        JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      json.writeStartObject();
      field(json, "file", q.file());
      field(json, "sheet", q.sheet());
      json.writeNumberField("line", q.line());
      field(json, "rule", q.rule());
      field(json, "column", q.column());
      field(json, "message", q.message());
      field(json, "raw", q.raw());
      json.writeEndObject();
    }
  }

  private static void field(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }
}
