package vn.thanhhoa.opendata.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.DatasetSpec;

/** The Excel workbook of a dataset: typed, labelled, split by year, the same bytes every time. */
class XlsxFileTest {
  private static final DatasetSpec SPEC =
      new DatasetSpec(
          "thu",
          new DatasetSpec.Text("Thử", "Test"),
          new DatasetSpec.Text("Mô tả", "Description"),
          List.of(),
          List.of(),
          "monthly",
          "cc-by",
          "Test",
          List.of(),
          "commune × month",
          "xã × tháng",
          List.of("period", "commune_code"),
          "year",
          List.of(
              column("period", "month", "Kỳ báo cáo"),
              column("commune_code", "string", "Mã xã"),
              column("accounts", "integer", "Số tài khoản"),
              column("rate_pct", "decimal(5,2)", "Tỷ lệ"),
              column("done", "boolean", "Hoàn thành"),
              column("report_date", "date", "Ngày báo cáo"),
              column("crawled_at", "timestamp", "Thời điểm thu thập")));

  private static DatasetSpec.Column column(String name, String type, String label) {
    return new DatasetSpec.Column(
        name, type, null, label, "About " + name, "Về " + name, null, null);
  }

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String period : List.of("2024-11", "2024-12", "2025-01", "2025-02", "2025-03")) {
      rows.add(
          RowFactory.create(
              period,
              "00123",
              1234L,
              new BigDecimal("12.50"),
              true,
              Date.valueOf(LocalDate.parse(period + "-15")),
              Timestamp.from(Instant.parse(period + "-15T01:02:03Z"))));
    }
    rows.add(RowFactory.create("2025-04", "00124", null, null, null, null, null));
    return rows;
  }

  private static byte[] workbook(int sheetRows, boolean byYear) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XlsxFile(SPEC, sheetRows).write(rows().iterator(), byYear, out);
    return out.toByteArray();
  }

  @Test
  void theSameRowsGiveTheSameBytes() throws Exception {
    byte[] first = workbook(XlsxFile.SHEET_ROWS, false);
    Thread.sleep(2100); // past the 2-second resolution of a zip entry's time
    assertArrayEquals(first, workbook(XlsxFile.SHEET_ROWS, false));
  }

  @Test
  void cellsAreTypedUnderAFrozenHeaderOfLabels() throws IOException {
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook(100, false)))) {
      Sheet data = book.getSheet(XlsxFile.DATA_SHEET);
      assertEquals("Kỳ báo cáo", data.getRow(0).getCell(0).getStringCellValue());
      assertEquals(1, data.getPaneInformation().getHorizontalSplitPosition());
      var row = data.getRow(1);
      assertEquals("00123", row.getCell(1).getStringCellValue());
      assertEquals(1234.0, row.getCell(2).getNumericCellValue());
      assertEquals("0.00", row.getCell(3).getCellStyle().getDataFormatString());
      assertEquals(CellType.BOOLEAN, row.getCell(4).getCellType());
      assertTrue(DateUtil.isCellDateFormatted(row.getCell(5)));
      assertEquals(
          LocalDate.of(2024, 11, 15), row.getCell(5).getLocalDateTimeCellValue().toLocalDate());
      assertEquals("2024-11-15T01:02:03", row.getCell(6).getLocalDateTimeCellValue().toString());
      assertEquals(null, data.getRow(6).getCell(2), "a null is an empty cell, not a zero");
      Sheet columns = book.getSheet(XlsxFile.COLUMNS_SHEET);
      assertEquals(XlsxColumns.HEADER.get(4), columns.getRow(0).getCell(4).getStringCellValue());
      assertEquals("Về rate_pct", columns.getRow(4).getCell(4).getStringCellValue());
    }
  }

  @Test
  void pastASheetsRowsTheRowsAreSplitByYear() throws IOException {
    // Sheets of 3 rows (header and two rows): 2024 fits, 2025 needs two sheets.
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook(3, true)))) {
      List<String> names = new ArrayList<>();
      book.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("2024", "2025", "2025 (2)", XlsxFile.COLUMNS_SHEET), names);
      assertEquals("2025-03", book.getSheet("2025 (2)").getRow(1).getCell(0).getStringCellValue());
      assertEquals("Mã xã", book.getSheet("2025 (2)").getRow(0).getCell(1).getStringCellValue());
    }
  }
}
