package vn.thanhhoa.opendata.publish.site;

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

  static ReleaseTable read(Store store, String release, String dataset) {
    String file = release + "/datasets/" + dataset + "/" + dataset + ".csv";
    String text = store.readString(file);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Csv.Record> records = Csv.parse(text, ',');
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
