package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import vn.thanhhoa.opendata.samples.Encoding;
import vn.thanhhoa.opendata.samples.UnitNames;

/** The commune reports of January to March 2025, with their deliberate errors and tricky cases. */
final class ReportsFirstQuarter {
  private final ReportFiles files;
  private final Reference ref;
  private final ReportModel model;
  private final Random rnd;

  ReportsFirstQuarter(ReportFiles files) {
    this.files = files;
    this.ref = files.ref;
    this.model = files.model;
    this.rnd = files.rnd;
  }

  void write() {
    writeJanuary();
    writeFebruary();
    writeMarchByDistrict();
  }

  private void writeJanuary() {
    YearMonth m = YearMonth.of(2025, 1);
    ReportFile f = files.provinceFile("bao-cao-thang-01-2025.csv", m, ReportStyle.english());
    OldUnit late = ref.old("15016");
    ReportRow december =
        files.oldRow(
            late,
            YearMonth.of(2024, 12),
            model.get(m, late.code()),
            LocalDateTime.of(2025, 1, 6, 8, 40),
            f.style);
    f.rows.add(
        december.bad(
            "unit-list-unavailable",
            "report_period 2024-12 (a late December report of "
                + late.name()
                + "): no unit list before 2025-01-01"));
    OldUnit disputed = ref.disputed().get(0);
    ReportRow ghost =
        files.oldRow(
            disputed,
            m,
            model.get(m, "16408"),
            model.submittedAt(m, "16408").plusMinutes(25),
            f.style);
    f.rows.add(
        ghost.bad(
            "unknown-commune-code",
            "commune_code "
                + disputed.code()
                + " ("
                + disputed.name()
                + ", a code from the disputed Jan–Feb 2025 GSO snapshots) is not in "
                + "units_pre2025.csv"));
    files.write(f);
  }

  private void writeFebruary() {
    YearMonth m = YearMonth.of(2025, 2);
    ReportStyle style =
        ReportStyle.vietnamese()
            .shuffle(rnd)
            .enc(Encoding.UTF8_BOM)
            .period(PeriodFmt.MY)
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.DOT)
            .decimalComma();
    ReportFile f = files.provinceFile("bao-cao-thang-02-2025.csv", m, style);
    files.corrupt(
        f,
        f.codeAt(40),
        ReportColumns.PERIOD,
        "T2/2025",
        "bad-month",
        "report_period `T2/2025` is neither YYYY-MM nor MM/YYYY");
    files.corrupt(
        f,
        f.codeAt(130),
        ReportColumns.DT,
        "",
        "missing-value",
        "dt_completed blank in a file that spells it Có/Không (blank means false only in "
            + "an x/blank file)");
    files.corrupt(
        f,
        f.codeAt(260),
        ReportColumns.DT,
        "Chưa",
        "bad-boolean",
        "dt_completed `Chưa` (\"not yet\") is not a boolean spelling");
    f.rows
        .get(0)
        .tricky(
            "UTF-8 BOM, Vietnamese headers in shuffled order, MM/YYYY periods, "
                + "dd/MM/yyyy HH:mm times, `12.345` thousands, quoted `78,5` decimals, Có/Không",
            "read every record; map headers through the schema aliases");
    files.write(f);
  }

  private void writeMarchByDistrict() {
    YearMonth m = YearMonth.of(2025, 3);
    List<String> districts = ref.districtCodes();
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      ReportStyle style = DistrictStyles.march(d, i, rnd);
      String name =
          "2025-03_" + UnitNames.slug(ref.districtName(d)) + (d.equals("382") ? ".txt" : ".csv");
      ReportFile f = files.districtFile(name, m, d, style);
      marchSpecials(f, d);
      files.write(f);
    }
    writeMuongLatResubmission(m);
  }

  private void marchSpecials(ReportFile f, String district) {
    switch (district) {
      case "380" -> marchThanhHoaCity(f);
      case "381" ->
          f.rows
              .get(0)
              .tricky(
                  "semicolon-delimited file with unquoted decimal commas",
                  "detect `;` from the header row");
      case "382" -> marchUnicodeTextFile(f);
      case "384" ->
          f.rejectWhole(
              "invalid-encoding",
              "file written in windows-1258, not UTF-8 "
                  + "(corrected UTF-8 copy: 2025-03_huyen-muong-lat_gui-lai.csv)");
      case "385" -> marchCrlfFile(f);
      case "386" -> marchXBlankFile(f);
      case "389" ->
          f.rows
              .get(0)
              .tricky(
                  "unknown extra column `Người lập biểu`",
                  "warn once for the file, ignore the column");
      case "395" -> marchFieldCount(f);
      case "396" -> marchBlankCodes(f);
      case "397" ->
          files.corrupt(
              f,
              f.codeAt(17),
              ReportColumns.SUBMITTED,
              "9h30 05/04/2025",
              "bad-timestamp",
              "submitted_at `9h30 05/04/2025` matches no accepted format");
      default -> {}
    }
  }

  private void marchUnicodeTextFile(ReportFile f) {
    f.rows
        .get(0)
        .tricky(
            "Excel \"Unicode text\" export: UTF-16LE with BOM, TAB-delimited " + "`.txt`, CRLF",
            "decode UTF-16LE, split on TAB");
    ReportRow r = f.row(f.codeAt(5));
    r.cells.put(ReportColumns.MEMBERS, f.style.ints.format(r.figures.teams() - 2));
    r.bad(
        "members-below-teams",
        "digital_team_members "
            + (r.figures.teams() - 2)
            + " < digital_teams "
            + r.figures.teams()
            + " (in the UTF-16LE TAB file)");
  }

  private void marchCrlfFile(ReportFile f) {
    f.rows.get(0).tricky("CRLF line endings", "strip the CR; line numbers unchanged");
    files.corrupt(
        f,
        f.codeAt(9),
        ReportColumns.POPULATION,
        "#VALUE!",
        "bad-integer",
        "population `#VALUE!` (Excel error) in the CRLF file");
  }

  private void marchXBlankFile(ReportFile f) {
    f.rows.stream()
        .filter(r -> r.figures.dtCompleted())
        .findFirst()
        .orElseThrow()
        .tricky("dt_completed uses `x`/blank", "blank means false in this file only");
  }

  private void marchThanhHoaCity(ReportFile f) {
    ReportRow multi = f.row(f.codeAt(3));
    multi.cells.put(
        ReportColumns.NOTES,
        "Đã kiện toàn 3 tổ, bổ sung 9 thành viên.\nĐề nghị tỉnh hỗ trợ thêm thiết bị.");
    multi.tricky(
        "quoted notes containing a comma and a line break",
        "one record spanning two physical lines; the next record starts a line later");
    ReportRow nfd = f.row(f.codeAt(7));
    nfd.cells.put(ReportColumns.NAME, Text.nfd(nfd.name()));
    nfd.tricky("commune_name written in NFD (decomposed) Unicode", "normalise to NFC");
    files.corrupt(
        f,
        f.codeAt(12),
        ReportColumns.PCT,
        "78,5%",
        "bad-decimal",
        "smartphone_users_pct `78,5%` (percent sign); record after the two-line record");
  }

  private void marchFieldCount(ReportFile f) {
    ReportRow more = f.row(f.codeAt(4));
    more.cells.put(ReportColumns.NOTES, "Đã họp");
    more.extraFields.add(" triển khai tháng 4");
    more.bad(
        "field-count",
        "one field too many: unquoted notes `Đã họp, triển khai tháng 4` "
            + "after the last column (16 fields for 15 columns)");
    ReportRow fewer = f.row(f.codeAt(21));
    fewer.dropFields = 2;
    fewer.bad("field-count", "record truncated: the last two fields are missing (13 of 15)");
  }

  private void marchBlankCodes(ReportFile f) {
    for (String code : List.of("15643", f.codeAt(10))) {
      ReportRow r = f.row(code);
      r.cells.put(ReportColumns.CODE, "");
      r.tricky(
          "blank commune_code, resolved from `"
              + r.name()
              + "` + `"
              + r.cells.get(ReportColumns.DISTRICT)
              + "`",
          "resolve to " + code);
    }
  }

  private void writeMuongLatResubmission(YearMonth m) {
    ReportStyle style = ReportStyle.vietnamese().ts(TsFmt.DMY_HM).decimalComma();
    ReportFile f = files.districtFile("2025-03_huyen-muong-lat_gui-lai.csv", m, "384", style);
    f.rows
        .get(0)
        .tricky(
            "UTF-8 resubmission of the windows-1258 file with the same data",
            "accept all records; the rejected file supplies nothing");
    files.write(f);
  }
}
