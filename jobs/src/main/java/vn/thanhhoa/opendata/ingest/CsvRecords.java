package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.ColumnSpec;
import vn.thanhhoa.opendata.core.Csv;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * CSV files: one header row naming the columns (see {@link CsvHeader}), then one record per row.
 * The delimiter is the schema's candidate that occurs most in the header.
 */
final class CsvRecords extends RecordFormat {
  private final SourceSchema schema;
  private final RecordValidator validator;
  private final CsvHeader.Reader headers;

  CsvRecords(SourceSchema schema, RecordValidator validator, RowMaker rows) {
    super(rows);
    this.schema = schema;
    this.validator = validator;
    this.headers = new CsvHeader.Reader(schema.columns());
  }

  @Override
  void read(String name, String text, String encoding, List<String> warnings, List<Row> out) {
    List<Csv.Record> records = Csv.parse(text, delimiter(text));
    if (records.isEmpty()) {
      List<String> empty = with(warnings, List.of(name + ": empty file, no header row"));
      out.add(rows.fileInfo(name, encoding, null, null, empty));
      return;
    }
    CsvHeader header = headers.read(name, records.get(0));
    if (header.rejection != null) {
      quarantine(name, records, header.rule, header.rejection, out);
    } else {
      boolean[] blankFalse = blankMeansFalse(records, header);
      for (Csv.Record record : records.subList(1, records.size())) {
        out.add(row(name, record, header, blankFalse));
      }
    }
    List<String> all = with(warnings, header.warnings.list());
    out.add(rows.fileInfo(name, encoding, header.rule, header.rejection, all));
  }

  private static List<String> with(List<String> first, List<String> then) {
    List<String> all = new ArrayList<>(first);
    all.addAll(then);
    return all;
  }

  @Override
  void quarantineAll(String name, String text, String rule, String message, List<Row> out) {
    quarantine(name, Csv.parse(text, delimiter(text)), rule, message, out);
  }

  /** The records after the header row (if any), quarantined under one rule. */
  private void quarantine(
      String name, List<Csv.Record> records, String rule, String message, List<Row> out) {
    for (Csv.Record r : records.subList(Math.min(1, records.size()), records.size())) {
      out.add(rows.quarantined(name, r.line(), r.raw(), rule, null, message));
    }
  }

  private Row row(String name, Csv.Record record, CsvHeader header, boolean[] blankFalse) {
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
      String counts = record.fields().size() + " fields where the header has " + header.width;
      return rows.quarantined(name, record.line(), record.raw(), Rules.FIELD_COUNT, null, counts);
    }
    try {
      Object[] values = validator.fromText(cells(record, header), blankFalse);
      return rows.accepted(name, record.line(), record.raw(), values);
    } catch (RuleBreach breach) {
      return rows.quarantined(name, record.line(), record.raw(), breach);
    }
  }

  /** The record's cells in column order (null where the file lacks the column). */
  private String[] cells(Csv.Record record, CsvHeader header) {
    String[] cells = new String[schema.columns().size()];
    for (int h = 0; h < header.columnAt.length; h++) {
      if (header.columnAt[h] >= 0) {
        cells[header.columnAt[h]] = record.fields().get(h);
      }
    }
    return cells;
  }

  /** For each boolean column with an x/blank marker: does this file use the marker anywhere? */
  private boolean[] blankMeansFalse(List<Csv.Record> records, CsvHeader header) {
    List<ColumnSpec> columns = schema.columns();
    boolean[] result = new boolean[columns.size()];
    for (int h = 0; h < header.columnAt.length; h++) {
      int c = header.columnAt[h];
      String marker = c < 0 ? null : columns.get(c).blankFalseMarker();
      if (marker != null && usesMarker(records, h, marker)) {
        result[c] = true;
      }
    }
    return result;
  }

  private static boolean usesMarker(List<Csv.Record> records, int cell, String marker) {
    for (Csv.Record r : records.subList(1, records.size())) {
      if (cell < r.fields().size()
          && marker.equalsIgnoreCase(FieldText.clean(r.fields().get(cell)))) {
        return true;
      }
    }
    return false;
  }

  private char delimiter(String text) {
    int end = text.indexOf('\n');
    String firstLine = end < 0 ? text : text.substring(0, end);
    char best = schema.delimiters().get(0).charAt(0);
    long bestCount = 0;
    for (String candidate : schema.delimiters()) {
      char d = candidate.charAt(0);
      long count = occurrences(firstLine, d);
      if (count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
    return best;
  }

  private static long occurrences(String text, char c) {
    return text.chars().filter(ch -> ch == c).count();
  }
}
