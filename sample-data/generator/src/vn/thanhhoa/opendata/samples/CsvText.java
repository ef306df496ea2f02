package vn.thanhhoa.opendata.samples;

import java.util.List;

/** RFC 4180 writing of the generated landing files (the pipeline reads them with core.Csv). */
public final class CsvText {
  private CsvText() {}

  /** A field, quoted when it holds the delimiter, a quote or a line break. */
  public static String field(String value, char delimiter) {
    boolean quote =
        value.indexOf(delimiter) >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** The fields joined by the delimiter, each quoted where needed; no line end. */
  public static String line(List<String> fields, char delimiter) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(delimiter);
      }
      b.append(field(fields.get(i), delimiter));
    }
    return b.toString();
  }
}
