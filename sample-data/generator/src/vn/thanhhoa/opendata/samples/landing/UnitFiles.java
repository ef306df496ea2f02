package vn.thanhhoa.opendata.samples.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the reference CSVs of conf/admin-units (RFC 4180, header row). */
final class UnitFiles {
  private UnitFiles() {}

  static String header(Path file) {
    return read(file).get(0).stream().reduce((a, b) -> a + "," + b).orElseThrow();
  }

  static List<Commune> communes(Path file) {
    List<Map<String, String>> rows = rows(file);
    return rows.stream()
        .map(
            r ->
                new Commune(
                    r.get("province_code"),
                    r.get("district_code"),
                    r.get("district_name"),
                    r.get("commune_code"),
                    r.get("commune_name"),
                    r.get("commune_type")))
        .toList();
  }

  /** The pipeline's rule: the successor that took over the old code, else the lowest code. */
  static Map<String, String> successors(Path crosswalk) {
    Map<String, String> assigned = new TreeMap<>();
    for (Map<String, String> r : rows(crosswalk)) {
      String old = r.get("old_commune_code");
      assigned.merge(
          old,
          r.get("new_commune_code"),
          (a, b) -> a.equals(old) || b.equals(old) ? old : a.compareTo(b) <= 0 ? a : b);
    }
    return assigned;
  }

  static List<Map<String, String>> rows(Path file) {
    List<List<String>> records = read(file);
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> rec : records.subList(1, records.size())) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = i < rec.size() ? rec.get(i).strip() : "";
        row.put(header.get(i), v.isEmpty() ? null : v);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }
}
