package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.ColumnSpec;
import vn.thanhhoa.opendata.core.Csv;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * CSV files: one header row naming the columns (canonical English names or Vietnamese aliases, any
 * order, any case), then one record per row. The delimiter is the schema's candidate that occurs
 * most in the header.
 */
final class CsvRecords implements LandingFileReader.RecordFormat {
  private final SourceSchema schema;
  private final RecordValidator validator;
  private final RowMaker rows;
  private final Map<String, Integer> headerIndex = new HashMap<>();

  CsvRecords(SourceSchema schema, RecordValidator validator, RowMaker rows) {
    this.schema = schema;
    this.validator = validator;
    this.rows = rows;
    List<ColumnSpec> columns = schema.columns();
    for (int i = 0; i < columns.size(); i++) {
      headerIndex.put(headerKey(columns.get(i).name()), i);
      for (String alias : columns.get(i).aliases()) {
        headerIndex.put(headerKey(alias), i);
      }
    }
  }

  @Override
  public RowMaker rows() {
    return rows;
  }

  @Override
  public void read(
      String name, String text, String encoding, List<String> warnings, List<Row> out) {
    List<Csv.Record> records = Csv.parse(text, delimiter(text));
    if (records.isEmpty()) {
      out.add(
          rows.fileInfo(
              name,
              encoding,
              null,
              null,
              with(warnings, List.of(name + ": empty file, no header row"))));
      return;
    }
    Header header = header(name, records.get(0));
    if (header.rejection != null) {
      quarantineAll(name, records, header.rule, header.rejection, out);
      out.add(
          rows.fileInfo(
              name,
              encoding,
              header.rule,
              header.rejection,
              with(warnings, header.warnings.list())));
      return;
    }
    boolean[] blankFalse = blankMeansFalse(records, header);
    for (Csv.Record record : records.subList(1, records.size())) {
      out.add(row(name, record, header, blankFalse));
    }
    out.add(rows.fileInfo(name, encoding, null, null, with(warnings, header.warnings.list())));
  }

  private static List<String> with(List<String> first, List<String> then) {
    List<String> all = new ArrayList<>(first);
    all.addAll(then);
    return all;
  }

  @Override
  public void reject(
      String name, String text, String rule, String message, List<String> warnings, List<Row> out) {
    List<Csv.Record> records = Csv.parse(text, delimiter(text));
    quarantineAll(name, records, rule, message, out);
    out.add(rows.fileInfo(name, null, rule, message, warnings));
  }

  private void quarantineAll(
      String name, List<Csv.Record> records, String rule, String message, List<Row> out) {
    for (Csv.Record r : records.subList(Math.min(1, records.size()), records.size())) {
      out.add(rows.quarantined(name, r.line(), r.raw(), rule, null, message));
    }
  }

  private Row row(String name, Csv.Record record, Header header, boolean[] blankFalse) {
    if (record.unclosedQuote()) {
      return rows.quarantined(
          name,
          record.line(),
          record.raw(),
          Rules.UNCLOSED_QUOTE,
          null,
          "a quoted field is not closed before the end of the file");
    }
    if (record.fields().size() != header.width) {
      return rows.quarantined(
          name,
          record.line(),
          record.raw(),
          Rules.FIELD_COUNT,
          null,
          record.fields().size() + " fields where the header has " + header.width);
    }
    String[] cells = new String[schema.columns().size()];
    for (int h = 0; h < header.columnAt.length; h++) {
      if (header.columnAt[h] >= 0) {
        cells[header.columnAt[h]] = record.fields().get(h);
      }
    }
    try {
      return rows.accepted(
          name, record.line(), record.raw(), validator.fromText(cells, blankFalse));
    } catch (RuleBreach breach) {
      return rows.quarantined(name, record.line(), record.raw(), breach);
    }
  }

  /** Which column each header cell names; a file missing a required column is rejected. */
  private Header header(String name, Csv.Record headerRow) {
    Header header = new Header(name, headerRow.fields().size());
    List<ColumnSpec> columns = schema.columns();
    String[] seen = new String[columns.size()];
    for (int h = 0; h < header.width; h++) {
      String label = FieldParser.clean(headerRow.fields().get(h));
      Integer column = headerIndex.get(headerKey(label));
      if (column == null) {
        header.warnings.add("unknown columns", name + ": unknown column '" + label + "' ignored");
      } else if (seen[column] != null) {
        return header.reject(
            Rules.DUPLICATE_COLUMN,
            name
                + ": columns '"
                + seen[column]
                + "' and '"
                + label
                + "' both mean "
                + columns.get(column).name()
                + "; the whole file is rejected");
      } else {
        seen[column] = label;
        header.columnAt[h] = column;
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      if (seen[c] == null && columns.get(c).isRequired()) {
        return header.reject(
            Rules.MISSING_COLUMN,
            name
                + ": required column "
                + describe(columns.get(c))
                + " is missing; the whole file is rejected");
      }
    }
    return header;
  }

  private static String describe(ColumnSpec column) {
    return column.aliases().isEmpty()
        ? "'" + column.name() + "'"
        : "'" + column.name() + "' ('" + String.join("' / '", column.aliases()) + "')";
  }

  /** For each boolean column with an x/blank marker: does this file use the marker anywhere? */
  private boolean[] blankMeansFalse(List<Csv.Record> records, Header header) {
    List<ColumnSpec> columns = schema.columns();
    boolean[] result = new boolean[columns.size()];
    for (int h = 0; h < header.columnAt.length; h++) {
      int c = header.columnAt[h];
      String marker = c < 0 ? null : columns.get(c).blankFalseMarker();
      if (marker == null) {
        continue;
      }
      for (Csv.Record r : records.subList(1, records.size())) {
        if (h < r.fields().size()
            && marker.equalsIgnoreCase(FieldParser.clean(r.fields().get(h)))) {
          result[c] = true;
          break;
        }
      }
    }
    return result;
  }

  private char delimiter(String text) {
    int end = text.indexOf('\n');
    String firstLine = end < 0 ? text : text.substring(0, end);
    char best = schema.delimiters().get(0).charAt(0);
    long bestCount = 0;
    for (String candidate : schema.delimiters()) {
      char d = candidate.charAt(0);
      long count = firstLine.chars().filter(ch -> ch == d).count();
      if (count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
    return best;
  }

  private static String headerKey(String label) {
    return FieldParser.clean(label).toLowerCase(Locale.ROOT);
  }

  /** What the header row says: a column index per header cell (-1: unknown), or a rejection. */
  private static final class Header {
    final int width;
    final int[] columnAt;
    final Warnings warnings;
    String rule;
    String rejection;

    Header(String file, int width) {
      this.warnings = new Warnings(file);
      this.width = width;
      this.columnAt = new int[width];
      java.util.Arrays.fill(columnAt, -1);
    }

    Header reject(String rule, String message) {
      this.rule = rule;
      this.rejection = message;
      return this;
    }
  }
}
