package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.ColumnSpec;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * The table on a workbook's first sheet, fed row by row: the header found among the first rows
 * ({@link HeaderSearch}), then one record per non-empty row below it (empty rows, such as the
 * formatted but empty rows templates carry past their last line, are not records). Each record's
 * cells become the text the column's parser reads ({@link CellText}) and are validated as a CSV
 * record's are; a quarantined one names the sheet and its row number as Excel shows them.
 */
final class SheetTable implements Consumer<SheetRow> {
  private final String file;
  private final String sheet;
  private final SourceSchema schema;
  private final RecordValidator validator;
  private final RowMaker rows;
  private final CsvHeader.Reader headers;
  private final CellText text;
  private final HeaderSearch search;
  private final List<SheetRow> records = new ArrayList<>();
  private boolean anyRow;

  SheetTable(
      String file,
      String sheet,
      SourceSchema schema,
      RecordValidator validator,
      RowMaker rows,
      CellText text) {
    this.file = file;
    this.sheet = sheet;
    this.schema = schema;
    this.validator = validator;
    this.rows = rows.inSheet(sheet);
    this.headers = new CsvHeader.Reader(schema.columns());
    this.text = text;
    this.search = new HeaderSearch(headers, schema.columns().size());
  }

  @Override
  public void accept(SheetRow row) {
    if (row.isEmpty()) {
      return;
    }
    anyRow = true;
    if (search.isOver() || !search.offer(labels(row))) {
      records.add(row);
    }
  }

  /** The records read (accepted or quarantined), then the file row. */
  void finish(List<String> warnings, List<Row> out) {
    List<String> labels = search.header();
    if (labels == null) {
      noHeader(warnings, out);
      return;
    }
    CsvHeader header = headers.read(file, labels);
    if (header.rejection != null) {
      for (SheetRow r : records) {
        out.add(rows.quarantined(file, r.number(), raw(r), header.rule, null, header.rejection));
      }
    } else {
      boolean[] blankFalse = blankMeansFalse(header);
      for (SheetRow r : records) {
        out.add(record(r, header, blankFalse));
      }
    }
    List<String> all = new ArrayList<>(warnings);
    all.addAll(header.warnings.list());
    out.add(rows.fileInfo(file, WorkbookRecords.ENCODING, header.rule, header.rejection, all));
  }

  private void noHeader(List<String> warnings, List<Row> out) {
    List<String> all = new ArrayList<>(warnings);
    if (!anyRow) {
      all.add(file + ": sheet '" + sheet + "' is empty: no header row, no record");
      out.add(rows.fileInfo(file, WorkbookRecords.ENCODING, null, null, all));
      return;
    }
    String message =
        file
            + ": sheet '"
            + sheet
            + "': no header row in its first "
            + HeaderSearch.ROWS
            + " rows (a row naming the columns, e.g. '"
            + example(schema.columns().get(0))
            + "'); the whole file is rejected";
    out.add(rows.fileInfo(file, WorkbookRecords.ENCODING, Rules.NO_HEADER_ROW, message, all));
  }

  private static String example(ColumnSpec column) {
    return column.aliases().isEmpty() ? column.name() : column.aliases().get(0);
  }

  private Row record(SheetRow r, CsvHeader header, boolean[] blankFalse) {
    Supplier<String> raw = () -> raw(r);
    try {
      Object[] values = validator.fromText(cells(r, header), blankFalse);
      return rows.accepted(file, r.number(), raw, values);
    } catch (RuleBreach breach) {
      return rows.quarantined(file, r.number(), raw.get(), breach);
    }
  }

  /** The record's cells in column order (null where the sheet lacks the column). */
  private String[] cells(SheetRow r, CsvHeader header) throws RuleBreach {
    String[] cells = new String[schema.columns().size()];
    for (SheetCell cell : r.cells()) {
      int c = cell.column() < header.width ? header.columnAt[cell.column()] : -1;
      if (c >= 0) {
        cells[c] = text.of(cell, schema.columns().get(c), r.number());
      }
    }
    return cells;
  }

  /** For each boolean column with an x/blank marker: does this sheet use the marker anywhere? */
  private boolean[] blankMeansFalse(CsvHeader header) {
    boolean[] result = new boolean[schema.columns().size()];
    for (SheetRow r : records) {
      for (SheetCell cell : r.cells()) {
        int c = cell.column() < header.width ? header.columnAt[cell.column()] : -1;
        String marker = c < 0 ? null : schema.columns().get(c).blankFalseMarker();
        if (marker != null && marker.equalsIgnoreCase(FieldText.clean(text.label(cell)))) {
          result[c] = true;
        }
      }
    }
    return result;
  }

  /** The row's cells as labels: text as shown, null where a cell is empty. */
  private List<String> labels(SheetRow row) {
    List<String> labels = new ArrayList<>();
    for (SheetCell cell : row.cells()) {
      while (labels.size() <= cell.column()) {
        labels.add(null);
      }
      String label = text.label(cell);
      labels.set(cell.column(), label == null || FieldText.clean(label).isEmpty() ? null : label);
    }
    return labels;
  }

  /** The row as one CSV line, from column A to its last cell, for the quarantine. */
  private String raw(SheetRow row) {
    StringBuilder line = new StringBuilder();
    List<String> labels = labels(row);
    for (int c = 0; c < labels.size(); c++) {
      line.append(c == 0 ? "" : ",").append(quoted(labels.get(c)));
    }
    return line.toString();
  }

  private static String quoted(String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
