package vn.thanhhoa.opendata.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Commune-report workbooks as the provincial template makes them, for the tests: a title row, a
 * two-row header (labels merged down over both rows, two group labels merged across their columns),
 * then rows written cell by cell.
 */
final class TemplateWorkbook {
  static final String SHEET = "Báo cáo";

  /** Labels of the upper header row (null where a group's second column continues the merge). */
  private static final List<String> UPPER =
      Arrays.asList(
          "Kỳ báo cáo",
          "Mã xã",
          "Tên xã",
          "Huyện",
          "Thời điểm gửi",
          "Dân số",
          "Số hộ",
          "Tổ công nghệ số cộng đồng",
          null,
          "Dịch vụ công trực tuyến",
          null,
          "Tỷ lệ người dùng điện thoại thông minh (%)",
          "Số hộ có cáp quang",
          "Hoàn thành chuyển đổi số cấp xã",
          "Ghi chú");

  private static final List<String> LOWER =
      List.of(
          "Số tổ công nghệ số cộng đồng",
          "Số thành viên tổ công nghệ số",
          "Hồ sơ trực tuyến tiếp nhận",
          "Hồ sơ trực tuyến giải quyết đúng hạn");

  final XSSFWorkbook workbook = new XSSFWorkbook();
  final Sheet sheet;
  final CellStyle month;
  final CellStyle dateTime;

  TemplateWorkbook() {
    sheet = workbook.createSheet(SHEET);
    month = style("mm/yyyy");
    dateTime = style("dd/mm/yyyy hh:mm");
  }

  private CellStyle style(String format) {
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
    return style;
  }

  /** Title in row 1, the two header rows in rows 2 and 3. */
  TemplateWorkbook withTitleAndHeader() {
    sheet.createRow(0).createCell(0).setCellValue("BÁO CÁO CHUYỂN ĐỔI SỐ CẤP XÃ – THÁNG 09/2025");
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 14));
    Row upper = sheet.createRow(1);
    Row lower = sheet.createRow(2);
    for (int c = 0; c < UPPER.size(); c++) {
      if (UPPER.get(c) != null) {
        upper.createCell(c).setCellValue(UPPER.get(c));
      }
      if (c < 7 || c > 10) {
        sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
      }
    }
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 7, 8));
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 9, 10));
    for (int i = 0; i < LOWER.size(); i++) {
      lower.createCell(7 + i).setCellValue(LOWER.get(i));
    }
    return this;
  }

  /** Row {@code number} (as Excel shows it, from 1). */
  Row row(int number) {
    Row row = sheet.getRow(number - 1);
    return row != null ? row : sheet.createRow(number - 1);
  }

  /** A valid post-reform record in row {@code number}, every cell of its plainest kind. */
  Row record(int number, String code, String name) {
    Row row = row(number);
    date(row, 0, LocalDateTime.of(2025, 9, 1, 0, 0), month);
    row.createCell(1).setCellValue(code);
    row.createCell(2).setCellValue(name);
    date(row, 4, LocalDateTime.of(2025, 10, 3, 9, 15), dateTime);
    long[] counts = {12345, 3000, 10, 30, 100, 98};
    for (int i = 0; i < counts.length; i++) {
      row.createCell(5 + i).setCellValue(counts[i]);
    }
    row.createCell(11).setCellValue(78.5);
    row.createCell(12).setCellValue(2000);
    row.createCell(13).setCellValue("Có");
    return row;
  }

  Cell date(Row row, int column, LocalDateTime value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
    return cell;
  }

  /** Formatted but empty rows past the table, as templates carry them. */
  TemplateWorkbook withEmptyRows(int from, int to) {
    CellStyle bordered = workbook.createCellStyle();
    bordered.setBorderBottom(BorderStyle.THIN);
    for (int r = from; r <= to; r++) {
      for (int c = 0; c < 15; c++) {
        row(r).createCell(c).setCellStyle(bordered);
      }
    }
    return this;
  }

  byte[] bytes() {
    try (Workbook wb = workbook) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
