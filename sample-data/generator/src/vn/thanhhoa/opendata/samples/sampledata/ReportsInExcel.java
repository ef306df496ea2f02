package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.thanhhoa.opendata.samples.sampledata.ReportWorkbook.Line;
import vn.thanhhoa.opendata.samples.sampledata.ReportWorkbook.Quirk;

/**
 * A September supplement sent as the Excel template itself, not a CSV export: the report of the
 * commune whose September row was quarantined, two corrections, and three rows the workbook spoils
 * in ways only a workbook can (a formula saved without its value, a formula whose reference was
 * deleted, a fraction in a count), between an empty row and formatted empty rows.
 */
final class ReportsInExcel {
  static final String NAME = "bao-cao-thang-09-2025_bo-sung.xlsx";
  private static final YearMonth SEPTEMBER = YearMonth.of(2025, 9);
  private static final int LAST_FORMATTED_ROW = 30;

  private final ReportFiles files;
  private final List<String> codes;

  ReportsInExcel(ReportFiles files) {
    this.files = files;
    this.codes = files.model.month(SEPTEMBER).keySet().stream().toList();
  }

  void write() {
    ReportFile f = new ReportFile(NAME, ReportStyle.vietnamese());
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(4, missingReport(), Quirk.POPULATION_AS_TEXT));
    lines.add(new Line(5, correction(30, 45), Quirk.NONE));
    lines.add(
        new Line(
            6, spoiled(60, "formula-without-value", uncalculated()), Quirk.UNCALCULATED_FORMULA));
    lines.add(new Line(8, spoiled(90, "cell-error", brokenReference()), Quirk.BROKEN_REFERENCE));
    lines.add(new Line(9, correction(130, 50), Quirk.NONE));
    lines.add(new Line(10, spoiled(160, "bad-integer", fraction()), Quirk.FRACTION_IN_COUNT));
    String title = "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ CẤP XÃ – BỔ SUNG THÁNG 09/2025";
    files.writeWorkbook(f, lines, ReportWorkbook.write(title, lines, LAST_FORMATTED_ROW), layout());
    tricky();
  }

  /** The commune whose row in bao-cao-thang-09-2025.csv lacks submitted_at (its index there). */
  private ReportRow missingReport() {
    String code = codes.get(70);
    LocalDateTime at = files.model.submittedAt(SEPTEMBER, code).plusDays(2);
    return row(code, files.model.get(SEPTEMBER, code), at)
        .tricky(
            "Kỳ báo cáo a date cell (shown 09/2025), Thời điểm gửi a date-time cell, Dân số a"
                + " number stored as text (`12.345`), members a formula `=a+b+c` with its"
                + " cached value; the commune's row in bao-cao-thang-09-2025.csv was quarantined",
            "read as 2025-09, the local time, the integer and the cached value: the commune's"
                + " September report");
  }

  /** Fibre households updated a week after the CSV report: the later submission wins. */
  private ReportRow correction(int index, int moreFiber) {
    String code = codes.get(index);
    ReportFigures before = files.model.get(SEPTEMBER, code);
    ReportFigures after =
        before.withFiber(Math.min(before.households(), before.fiber() + moreFiber));
    LocalDateTime at = files.model.submittedAt(SEPTEMBER, code).plusDays(7);
    return row(code, after, at)
        .tricky(
            "later resubmission of 2025-09 "
                + code
                + " in the workbook, fiber_households "
                + before.fiber()
                + " -> "
                + after.fiber(),
            "replaces the CSV row (later submitted_at wins)");
  }

  /** A resubmission the workbook spoils: quarantined, it replaces nothing. */
  private ReportRow spoiled(int index, String rule, String what) {
    String code = codes.get(index);
    LocalDateTime at = files.model.submittedAt(SEPTEMBER, code).plusDays(7);
    return row(code, files.model.get(SEPTEMBER, code), at).bad(rule, what);
  }

  private ReportRow row(String code, ReportFigures figures, LocalDateTime at) {
    return files.newRow(files.ref.fresh(code), SEPTEMBER, figures, at, ReportStyle.vietnamese());
  }

  private static String uncalculated() {
    return "Số thành viên tổ công nghệ số a formula saved without its calculated value"
        + " (written by a program that does not calculate)";
  }

  private static String brokenReference() {
    return "Tỷ lệ người dùng điện thoại thông minh a formula whose column was deleted: #REF!";
  }

  private static String fraction() {
    return "Số tổ công nghệ số cộng đồng holds a fraction (x.5), which the cell's `#,##0` format"
        + " shows rounded: not a whole number";
  }

  private static String layout() {
    return "Excel workbook (.xlsx), sheet `"
        + ReportWorkbook.SHEET
        + "`: title row, two-row"
        + " header with merged cells (Vietnamese), date and date-time cells, counts as numbers"
        + " (one stored as text), a formula per row, an empty row, formatted empty rows to row "
        + LAST_FORMATTED_ROW;
  }

  private void tricky() {
    files.tricky(
        NAME,
        "1–3",
        "title row above a two-row header: labels merged down over rows 2–3, group labels merged"
            + " across H2:I2 and J2:K2 above their columns' labels",
        "skip the title; each column's label is the lower header row's, or the upper one's where"
            + " it is merged down");
    files.tricky(NAME, "7", "an empty row between the records", "not a record");
    files.tricky(
        NAME,
        "11–" + LAST_FORMATTED_ROW,
        "formatted (bordered) empty rows after the table",
        "not records");
  }
}
