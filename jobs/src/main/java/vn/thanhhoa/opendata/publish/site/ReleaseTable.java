package vn.thanhhoa.opendata.publish.site;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.thanhhoa.opendata.core.Csv;
import vn.thanhhoa.opendata.core.Store;

/** A dataset's CSV file of the release, read back: the pages show what the release holds. */
record ReleaseTable(List<String> columns, List<List<String>> rows) {
  ReleaseTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The whole table (the scorecard's and the crosswalk's, whose size the unit list bounds). */
  static ReleaseTable read(Store store, String release, String dataset) {
    String file = csv(release, dataset);
    return of(file, Csv.parse(withoutBom(store.readString(file)), ','));
  }

  /**
   * The header and the first {@code rows} rows, read from the start of the file only: a dataset can
   * be far larger than the heap (one OCOP listing per product, say), its page shows a few rows.
   */
  static ReleaseTable head(Store store, String release, String dataset, int rows) {
    String file = csv(release, dataset);
    try (Reader in = new InputStreamReader(store.open(file), UTF_8)) {
      StringBuilder text = new StringBuilder();
      char[] chunk = new char[1 << 16];
      List<Csv.Record> records = List.of();
      for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
        text.append(chunk, 0, n);
        records = Csv.parse(withoutBom(text.toString()), ',');
        if (records.size() > rows + 1) { // the last record parsed may be cut off by the chunk
          return of(file, records.subList(0, rows + 1));
        }
      }
      return of(file, records);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String csv(String release, String dataset) {
    return release + "/datasets/" + dataset + "/" + dataset + ".csv";
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static ReleaseTable of(String file, List<Csv.Record> records) {
    if (records.isEmpty()) {
      throw new IllegalStateException("Cannot build the site: " + file + " has no header");
    }
    List<List<String>> rows = new ArrayList<>();
    for (Csv.Record r : records.subList(1, records.size())) {
      rows.add(r.fields());
    }
    return new ReleaseTable(records.get(0).fields(), rows);
  }

  /** The rows as maps from column name to text (empty where the value is null). */
  List<Map<String, String>> records() {
    List<Map<String, String>> all = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      Map<String, String> record = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        record.put(columns.get(i), i < row.size() ? row.get(i) : "");
      }
      all.add(record);
    }
    return all;
  }
}
