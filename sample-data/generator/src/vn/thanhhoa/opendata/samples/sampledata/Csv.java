package vn.thanhhoa.opendata.samples.sampledata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Minimal RFC 4180 reading and writing. */
final class Csv {
  private Csv() {}

  record Rendered(String text, List<Integer> startLines) {}

  static List<Map<String, String>> readTable(Path file) throws IOException {
    List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8), ',');
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> rec : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), rec.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<List<String>> parse(String text, char delimiter) {
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
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString().replaceAll("\r$", ""));
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }

  static String field(String value, char delimiter) {
    boolean quote =
        value.indexOf(delimiter) >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** Renders header and records; records may carry line breaks inside quoted fields. */
  static Rendered render(
      List<String> header, List<List<String>> records, char delimiter, String eol) {
    StringBuilder sb = new StringBuilder(line(header, delimiter)).append(eol);
    List<Integer> starts = new ArrayList<>();
    int line = 2;
    for (List<String> rec : records) {
      String text = line(rec, delimiter);
      starts.add(line);
      line += 1 + (int) text.chars().filter(c -> c == '\n').count();
      sb.append(text).append(eol);
    }
    return new Rendered(sb.toString(), starts);
  }

  private static String line(List<String> fields, char delimiter) {
    return fields.stream()
        .map(f -> field(f, delimiter))
        .collect(Collectors.joining(String.valueOf(delimiter)));
  }
}
