package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Commune reports sent as the Excel template itself (.xlsx): the first sheet's table. */
class WorkbookRecordsTest {
  private static final String FILE = "commune-reports/bao-cao.xlsx";

  private static Parsed read(byte[] bytes) {
    return read(FILE, bytes);
  }

  private static Parsed read(String name, byte[] bytes) {
    return Parsed.read(LandingFileReaderTest.REPORTS, name, bytes);
  }

  /**
   * Rows 4–10 of a template with a title row, a merged two-row header and formatted empty rows down
   * to row 40; row 9 is empty between the records.
   */
  private static byte[] template() {
    TemplateWorkbook t = new TemplateWorkbook().withTitleAndHeader();
    Row plain = t.record(4, "14797", "Phường Hạc Thành");
    plain.getCell(5).setCellValue("12.345"); // a number stored as text, with a thousands dot
    Cell members = plain.getCell(8);
    members.setCellFormula("H4*3");
    members.setCellValue(30); // the value Excel cached
    t.record(5, "14848", "Xã Mường Lát").createCell(8).setCellFormula("H5*3"); // not calculated
    Cell error = t.record(6, "14854", "Xã Mường Lý").getCell(11);
    error.setCellFormula("J6/0");
    error.setCellErrorValue(FormulaError.DIV0.getCode());
    t.record(7, "14956", "Xã Pù Luông").getCell(5).setCellValue(12.5);
    t.record(8, "15016", "Xã Quan Sơn").getCell(10).setCellValue(101);
    Row big = t.record(10, "15772", "Xã Thiệu Hóa");
    big.getCell(5).setCellValue(123_456_789_012L);
    Cell pct = big.getCell(11);
    pct.setCellFormula("J10/K10*100");
    pct.setCellValue(78.49999999999999);
    return t.withEmptyRows(9, 9).withEmptyRows(11, 40).bytes();
  }

  @Test
  void theTemplatesRecordsAreReadBelowItsTitleAndMergedHeader() {
    Parsed parsed = read(template());

    assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 10L), parsed.lines());
    assertEquals(
        Arrays.asList(
            null,
            "formula-without-value",
            "cell-error",
            "bad-integer",
            "on-time-exceeds-received",
            null),
        parsed.rules());
    assertEquals(6L, parsed.get(parsed.file(), ParsedRecords.RECORDS), "rows read");
    // qualified: the reader's rows are Spark rows, the workbook's are POI rows
    for (org.apache.spark.sql.Row r : parsed.records()) {
      assertEquals(TemplateWorkbook.SHEET, parsed.get(r, ParsedRecords.SHEET));
      assertEquals(FILE, parsed.get(r, ParsedRecords.FILE));
    }
    assertNull(parsed.get(parsed.file(), ParsedRecords.WARNINGS), "no unknown column");
    assertEquals("xlsx", parsed.get(parsed.file(), ParsedRecords.ENCODING));
  }

  @Test
  void cellsReadAsAPersonReadsThem() {
    Parsed parsed = read(template());

    assertEquals("2025-09", parsed.value(0, "period"), "a date cell in a month column");
    assertEquals(
        Instant.parse("2025-10-03T02:15:00Z"),
        parsed.value(0, "submitted_at"),
        "a date-time cell, local time in Asia/Ho_Chi_Minh");
    assertEquals(12_345L, parsed.value(0, "population"), "a number stored as text");
    assertEquals(30L, parsed.value(0, "digital_team_members"), "a formula's cached value");
    assertEquals(3_000L, parsed.value(0, "households"), "12 read as 12, not 12.0");
    assertEquals(new BigDecimal("78.5000"), parsed.value(0, "smartphone_users_pct"));
    assertEquals(Boolean.TRUE, parsed.value(0, "dt_completed"));
    assertEquals(123_456_789_012L, parsed.value(5, "population"), "a large integer, exact");
    assertEquals(
        new BigDecimal("78.5000"),
        parsed.value(5, "smartphone_users_pct"),
        "a float artefact of a formula, read at Excel's 15 digits");
  }

  @Test
  void eachQuarantinedRowSaysWhichCellAndWhy() {
    Parsed parsed = read(template());

    assertEquals(
        "digital_team_members: cell I5 holds the formula =H5*3 saved without its calculated value"
            + " (open the file in Excel and save it again)",
        parsed.value(1, ParsedRecords.MESSAGE));
    assertEquals(
        "smartphone_users_pct: cell L6 shows the error #DIV/0!, not a value",
        parsed.value(2, ParsedRecords.MESSAGE));
    assertEquals(
        "population: cell F7 holds 12.5, not a whole number",
        parsed.value(3, ParsedRecords.MESSAGE));
    String raw = (String) parsed.value(1, ParsedRecords.RAW);
    assertTrue(raw.startsWith("2025-09-01,14848,Xã Mường Lát,,2025-10-03T09:15:00,12345,"), raw);
    assertTrue(raw.contains(",=H5*3,"), raw);
  }

  @Test
  void theSampleWorkbookGivesTheDocumentedRowsAndWhatAnIndependentReaderSees() throws IOException {
    String name = "commune-reports/bao-cao-thang-09-2025_bo-sung.xlsx";
    byte[] bytes = Files.readAllBytes(Paths.get("sample-data").resolve(name));
    Parsed parsed = read(name, bytes);

    List<String> expected =
        Files.readAllLines(Paths.get("sample-data/expected-quarantine.csv")).stream()
            .filter(line -> line.startsWith(name + ","))
            .toList();
    List<String> quarantined = new ArrayList<>();
    for (org.apache.spark.sql.Row r : parsed.records()) {
      assertEquals(TemplateWorkbook.SHEET, parsed.get(r, ParsedRecords.SHEET));
      if (parsed.get(r, ParsedRecords.RULE) != null) {
        quarantined.add(
            name
                + ","
                + parsed.get(r, ParsedRecords.LINE)
                + ","
                + parsed.get(r, ParsedRecords.RULE));
      }
    }
    assertEquals(List.of(4L, 5L, 6L, 8L, 9L, 10L), parsed.lines());
    assertEquals(expected, quarantined);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int i : List.of(0, 1, 4)) {
        Row row = sheet.getRow(parsed.lines().get(i).intValue() - 1);
        assertEquals(row.getCell(1).getStringCellValue(), parsed.value(i, "commune_code"));
        assertEquals(
            (long) row.getCell(8).getNumericCellValue(), parsed.value(i, "digital_team_members"));
        assertEquals(
            YearMonth.from(row.getCell(0).getLocalDateTimeCellValue()).toString(),
            parsed.value(i, "period"));
      }
      String populationText = sheet.getRow(3).getCell(5).getStringCellValue();
      assertEquals(Long.parseLong(populationText.replace(".", "")), parsed.value(0, "population"));
    }
  }

  @Test
  void datesOfAWorkbookCountingFrom1904AreReadAsShown() {
    TemplateWorkbook t = new TemplateWorkbook().withTitleAndHeader();
    t.workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
    t.record(4, "14797", "Phường Hạc Thành");
    Parsed parsed = read(t.bytes());

    assertEquals("2025-09", parsed.value(0, "period"));
    assertEquals(Instant.parse("2025-10-03T02:15:00Z"), parsed.value(0, "submitted_at"));
  }

  @Test
  void aSingleRowHeaderWithoutTitleAndEnglishNamesIsReadToo() {
    TemplateWorkbook t = new TemplateWorkbook();
    Row header = t.row(1);
    String[] names = LandingFileReaderTest.EN_HEADER.split(",");
    for (int c = 0; c < names.length; c++) {
      header.createCell(c).setCellValue(names[c].toUpperCase(Locale.ROOT));
    }
    header.createCell(names.length).setCellValue("Người lập biểu");
    t.record(2, "14797", "Phường Hạc Thành").getCell(13).setCellValue("x");
    t.record(3, "14848", "Xã Mường Lát").getCell(13).setBlank();
    Parsed parsed = read(t.bytes());

    assertEquals(List.of(2L, 3L), parsed.lines());
    assertEquals(Arrays.asList(null, null), parsed.rules());
    assertEquals(Boolean.FALSE, parsed.value(1, "dt_completed"), "x/blank: blank is false");
    assertEquals(
        FILE + ": unknown column 'Người lập biểu' ignored",
        parsed.get(parsed.file(), ParsedRecords.WARNINGS));
  }

  @Test
  void aSheetWithoutAHeaderRowIsRejectedWithTheReason() {
    TemplateWorkbook t = new TemplateWorkbook();
    t.row(1).createCell(0).setCellValue("BÁO CÁO");
    t.record(2, "14797", "Phường Hạc Thành");
    Parsed parsed = read(t.bytes());

    assertEquals(List.of(), parsed.records());
    assertEquals("no-header-row", parsed.get(parsed.file(), ParsedRecords.RULE));
    assertEquals(
        FILE
            + ": sheet 'Báo cáo': no header row in its first 30 rows (a row naming the columns,"
            + " e.g. 'Kỳ báo cáo'); the whole file is rejected",
        parsed.get(parsed.file(), ParsedRecords.MESSAGE));
  }

  @Test
  void aHeaderWithoutARequiredColumnRejectsEveryRecordAsInCsv() {
    TemplateWorkbook t = new TemplateWorkbook().withTitleAndHeader();
    t.row(2).getCell(5).setCellValue("Dân số (người)");
    t.record(4, "14797", "Phường Hạc Thành");
    t.record(5, "14848", "Xã Mường Lát");
    Parsed parsed = read(t.bytes());

    assertEquals(List.of("missing-column", "missing-column"), parsed.rules());
    assertEquals(List.of(4L, 5L), parsed.lines());
    assertTrue(
        parsed.get(parsed.file(), ParsedRecords.MESSAGE).toString().contains("'population'"));
  }

  @Test
  void anEmptySheetIsAWarningNotARejection() {
    Parsed parsed = read(new TemplateWorkbook().withEmptyRows(1, 5).bytes());

    assertEquals(List.of(), parsed.records());
    assertNull(parsed.get(parsed.file(), ParsedRecords.RULE));
    assertEquals(
        FILE + ": sheet 'Báo cáo' is empty: no header row, no record",
        parsed.get(parsed.file(), ParsedRecords.WARNINGS));
  }

  @Test
  void aPasswordProtectedWorkbookIsRejected() throws Exception {
    byte[] plain = template();
    POIFSFileSystem fs = new POIFSFileSystem();
    EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
    Encryptor encryptor = info.getEncryptor();
    encryptor.confirmPassword("mat-khau");
    try (OutputStream data = encryptor.getDataStream(fs)) {
      data.write(plain);
    }
    ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
    fs.writeFilesystem(encrypted);
    fs.close();

    assertRejected(
        read(encrypted.toByteArray()),
        "encrypted-workbook",
        "the workbook is protected by a password; save it without one and send it again");
  }

  @Test
  void aLegacyXlsWorkbookIsRejected() throws IOException {
    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Kỳ báo cáo");
      workbook.write(xls);
    }

    Parsed parsed = read("commune-reports/bao-cao.xls", xls.toByteArray());
    assertEquals("legacy-workbook", parsed.get(parsed.file(), ParsedRecords.RULE));
    assertEquals(
        "commune-reports/bao-cao.xls: an Excel 97–2003 workbook (.xls); save it as an Excel"
            + " Workbook (.xlsx) and send it again; the whole file is rejected",
        parsed.get(parsed.file(), ParsedRecords.MESSAGE));
  }

  @Test
  void aDamagedWorkbookIsRejected() {
    byte[] whole = template();
    Parsed parsed = read(Arrays.copyOf(whole, whole.length / 2));

    assertEquals(List.of(), parsed.records());
    assertEquals("unreadable-file", parsed.get(parsed.file(), ParsedRecords.RULE));
    assertTrue(
        parsed
            .get(parsed.file(), ParsedRecords.MESSAGE)
            .toString()
            .startsWith(FILE + ": a damaged workbook ("),
        parsed.get(parsed.file(), ParsedRecords.MESSAGE).toString());
  }

  @Test
  void aTextFileUnderAnXlsxNameIsRejected() {
    byte[] csv =
        (LandingFileReaderTest.VI_HEADER + "\n" + LandingFileReaderTest.ROW + "\n")
            .getBytes(StandardCharsets.UTF_8);

    assertRejected(
        read(csv),
        "unreadable-file",
        "not an Excel workbook (.xlsx): its content is not a workbook"
            + " (a CSV or text file under an .xlsx name?)");
  }

  @Test
  void aWorkbookWithoutAWorksheetIsRejected() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook empty = new XSSFWorkbook()) {
      empty.write(out);
    }

    assertRejected(read(out.toByteArray()), "unreadable-file", "the workbook has no worksheet");
  }

  private static void assertRejected(Parsed parsed, String rule, String reason) {
    assertEquals(List.of(), parsed.records());
    assertEquals(rule, parsed.get(parsed.file(), ParsedRecords.RULE));
    assertEquals(
        FILE + ": " + reason + "; the whole file is rejected",
        parsed.get(parsed.file(), ParsedRecords.MESSAGE));
  }
}
