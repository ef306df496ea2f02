package vn.thanhhoa.opendata.transform;

import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * The data sheets of a workbook as rows arrive: a new sheet when the year changes (when the
 * workbook is split by year) or when a sheet is full, each under the same frozen header.
 */
final class XlsxSheets {
  private final SXSSFWorkbook workbook;
  private final List<DatasetSpec.Column> columns;
  private final XlsxCells cells;
  private final int sheetRows;
  private SXSSFSheet sheet;
  private String year;
  private int part;
  private int next;

  XlsxSheets(SXSSFWorkbook workbook, DatasetSpec spec, int sheetRows) {
    this.workbook = workbook;
    this.columns = spec.columns();
    this.cells = new XlsxCells(workbook, columns);
    this.sheetRows = sheetRows;
  }

  /** Adds a row; {@code rowYear} is its year when the workbook is split by year, else null. */
  void add(Row row, String rowYear) {
    if (sheet == null || next == sheetRows || !Objects.equals(rowYear, year)) {
      open(rowYear);
    }
    SXSSFRow line = sheet.createRow(next++);
    for (int i = 0; i < columns.size(); i++) {
      if (!row.isNullAt(i)) {
        cells.set(line.createCell(i), i, row.get(i));
      }
    }
  }

  /** An empty dataset still gets its data sheet, with the header. */
  void finish() {
    if (sheet == null) {
      open(null);
    }
  }

  private void open(String rowYear) {
    part = sheet != null && Objects.equals(rowYear, year) ? part + 1 : 1;
    year = rowYear;
    String name = year == null ? XlsxFile.DATA_SHEET : year;
    sheet = workbook.createSheet(part == 1 ? name : name + " (" + part + ")");
    header();
    next = 1;
  }

  /** The columns' Vietnamese labels, frozen above the rows. */
  private void header() {
    SXSSFRow header = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      Cell cell = header.createCell(i);
      String label = columns.get(i).label();
      cell.setCellValue(label);
      cell.setCellStyle(cells.header());
      sheet.setColumnWidth(i, 256 * Math.min(40, Math.max(12, label.length() + 2)));
    }
    sheet.createFreezePane(0, 1);
  }
}
