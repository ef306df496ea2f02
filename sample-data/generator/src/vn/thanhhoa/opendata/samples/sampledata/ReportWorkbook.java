package vn.thanhhoa.opendata.samples.sampledata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A commune report as the provincial Excel template itself (.xlsx): a title row, a two-row header
 * (labels merged down over both rows, two group labels merged across their columns), typed cells
 * (dates as date cells, counts as numbers, a member count typed as a sum formula with its cached
 * value), formatted empty rows after the table. Fixed document and zip entry dates: the same rows
 * give the same bytes.
 */
final class ReportWorkbook {
  static final String SHEET = "Báo cáo";

  /** How a record deviates from the plain template. */
  enum Quirk {
    NONE,
    POPULATION_AS_TEXT,
    UNCALCULATED_FORMULA,
    BROKEN_REFERENCE,
    FRACTION_IN_COUNT
  }

  /** One record at its row (as Excel numbers rows, from 1). */
  record Line(int row, ReportRow report, Quirk quirk) {}

  private static final int COLUMNS = ReportColumns.CANONICAL.size();
  private static final int TEAMS = ReportColumns.CANONICAL.indexOf(ReportColumns.TEAMS);
  private static final int RECEIVED = ReportColumns.CANONICAL.indexOf(ReportColumns.RECEIVED);
  private static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final Sheet sheet = workbook.createSheet(SHEET);
  private final CellStyle border = workbook.createCellStyle();
  private final CellStyle month = style("mm/yyyy");
  private final CellStyle dateTime = style("dd/mm/yyyy hh:mm");
  private final CellStyle count = style("#,##0");
  private final CellStyle tenths = style("0.0");

  private ReportWorkbook() {
    border.setBorderBottom(BorderStyle.THIN);
    for (CellStyle s : List.of(month, dateTime, count, tenths)) {
      s.setBorderBottom(BorderStyle.THIN);
    }
  }

  /** The workbook's bytes: title, header, the records, empty formatted rows up to {@code last}. */
  static byte[] write(String title, List<Line> lines, int last) {
    ReportWorkbook w = new ReportWorkbook();
    w.header(title);
    lines.forEach(w::record);
    for (int r = 4; r <= last; r++) {
      if (w.sheet.getRow(r - 1) == null) {
        w.emptyRow(r);
      }
    }
    return fixedZip(w.bytes());
  }

  private CellStyle style(String format) {
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
    return style;
  }

  private void header(String title) {
    sheet.createRow(0).createCell(0).setCellValue(title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS - 1));
    Row upper = sheet.createRow(1);
    Row lower = sheet.createRow(2);
    for (int c = 0; c < COLUMNS; c++) {
      String label = ReportColumns.VIETNAMESE.get(ReportColumns.CANONICAL.get(c));
      boolean grouped = c >= TEAMS && c <= RECEIVED + 1;
      (grouped ? lower : upper).createCell(c).setCellValue(label);
      if (!grouped) {
        sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
      }
    }
    upper.createCell(TEAMS).setCellValue("Tổ công nghệ số cộng đồng");
    upper.createCell(RECEIVED).setCellValue("Dịch vụ công trực tuyến");
    sheet.addMergedRegion(new CellRangeAddress(1, 1, TEAMS, TEAMS + 1));
    sheet.addMergedRegion(new CellRangeAddress(1, 1, RECEIVED, RECEIVED + 1));
  }

  private void record(Line line) {
    Row row = sheet.createRow(line.row() - 1);
    ReportRow r = line.report();
    ReportFigures f = r.figures;
    date(row, 0, r.month.atDay(1).atStartOfDay(), month);
    text(row, 1, r.code);
    text(row, 2, r.name());
    text(row, 3, r.cells.getOrDefault(ReportColumns.DISTRICT, ""));
    date(row, 4, r.submitted, dateTime);
    if (line.quirk() == Quirk.POPULATION_AS_TEXT) {
      text(row, 5, IntFmt.DOT.format(f.population()));
    } else {
      number(row, 5, f.population(), count);
    }
    number(row, 6, f.households(), count);
    number(row, 7, line.quirk() == Quirk.FRACTION_IN_COUNT ? f.teams() + 0.5 : f.teams(), count);
    members(row, line);
    number(row, 9, f.received(), count);
    number(row, 10, f.onTime(), count);
    smartphones(row, line);
    number(row, 12, f.fiber(), count);
    text(row, 13, f.dtCompleted() ? "Có" : "Không");
    text(row, 14, r.cells.getOrDefault(ReportColumns.NOTES, ""));
  }

  /** Members typed as the sum of three teams' members, as people do: {@code =9+8+7}. */
  private void members(Row row, Line line) {
    long m = line.report().figures.members();
    Cell cell = styled(row, 8, count);
    cell.setCellFormula((m / 3) + "+" + (m / 3) + "+" + (m - 2 * (m / 3)));
    if (line.quirk() != Quirk.UNCALCULATED_FORMULA) {
      cell.setCellValue(m);
    }
  }

  private void smartphones(Row row, Line line) {
    Cell cell = styled(row, 11, tenths);
    if (line.quirk() == Quirk.BROKEN_REFERENCE) {
      cell.setCellFormula("#REF!/F" + line.row() + "*100");
      cell.setCellErrorValue(FormulaError.REF.getCode());
    } else {
      cell.setCellValue(line.report().figures.pctTenths() / 10.0);
    }
  }

  private void emptyRow(int number) {
    Row row = sheet.createRow(number - 1);
    for (int c = 0; c < COLUMNS; c++) {
      row.createCell(c).setCellStyle(border);
    }
  }

  private Cell styled(Row row, int column, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    return cell;
  }

  private void text(Row row, int column, String value) {
    Cell cell = styled(row, column, border);
    if (!value.isEmpty()) {
      cell.setCellValue(value);
    }
  }

  private void number(Row row, int column, double value, CellStyle style) {
    styled(row, column, style).setCellValue(value);
  }

  private void date(Row row, int column, LocalDateTime value, CellStyle style) {
    styled(row, column, style).setCellValue(value);
  }

  private byte[] bytes() {
    POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
    Date fixed = Date.from(Instant.parse("2000-01-01T00:00:00Z"));
    core.setCreated(Optional.of(fixed));
    core.setModified(Optional.of(fixed));
    core.setCreator("");
    try (XSSFWorkbook wb = workbook) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The zip rewritten with one fixed local date on every entry (a zip records write times). */
  private static byte[] fixedZip(byte[] zip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream copy = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        ZipEntry fixed = new ZipEntry(entry.getName());
        fixed.setTimeLocal(FIXED);
        copy.putNextEntry(fixed);
        in.transferTo(copy);
        copy.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
