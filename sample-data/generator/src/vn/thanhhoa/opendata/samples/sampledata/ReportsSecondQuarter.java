package vn.thanhhoa.opendata.samples.sampledata;

import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import vn.thanhhoa.opendata.samples.UnitNames;

/** The commune reports of April to June 2025 (the last pre-reform months). */
final class ReportsSecondQuarter {
  private final ReportFiles files;
  private final Reference ref;
  private final Random rnd;

  ReportsSecondQuarter(ReportFiles files) {
    this.files = files;
    this.ref = files.ref;
    this.rnd = files.rnd;
  }

  void write() {
    writeApril();
    writeMay();
    writeJuneByDistrict();
  }

  private void writeApril() {
    YearMonth m = YearMonth.of(2025, 4);
    ReportStyle style =
        ReportStyle.english().shuffle(rnd).ts(TsFmt.ISO_LOCAL).bools(BoolFmt.ONE_ZERO);
    ReportFile f = files.provinceFile("bao-cao-thang-04-2025.csv", m, style);
    files.corrupt(
        f,
        f.codeAt(30),
        ReportColumns.PCT,
        "104.5",
        "out-of-range",
        "smartphone_users_pct 104.5 > 100");
    String typo = f.codeAt(77);
    files.corrupt(
        f,
        typo,
        ReportColumns.CODE,
        typo.substring(0, 4),
        "bad-commune-code",
        "commune_code `"
            + typo.substring(0, 4)
            + "` (last digit of "
            + typo
            + " lost): not 5 digits");
    aprilOnTimeAndAmbiguousName(f);
    files.blankCodeByName(f, "16057");
    files.blankCodeByName(f, "14823");
    f.rows
        .get(0)
        .tricky("ISO-8601 submitted_at without offset", "read as Asia/Ho_Chi_Minh local time");
    files.write(f);
  }

  /** An on-time count above received, and a blank code whose name is ambiguous. */
  private void aprilOnTimeAndAmbiguousName(ReportFile f) {
    ReportRow late = f.row(f.codeAt(150));
    late.cells.put(ReportColumns.ON_TIME, Long.toString(late.figures.received() + 12));
    late.bad(
        "on-time-exceeds-received",
        "online_dossiers_on_time "
            + (late.figures.received() + 12)
            + " > online_dossiers_received "
            + late.figures.received());
    ReportRow ambiguous = f.row("15736");
    ambiguous.cells.put(ReportColumns.CODE, "");
    ambiguous.cells.put(ReportColumns.DISTRICT, "");
    ambiguous.bad(
        "ambiguous-commune-name",
        "blank commune_code and district, `Xã Xuân Lộc`: three pre-reform units carry that name");
  }

  private void writeMay() {
    YearMonth m = YearMonth.of(2025, 5);
    ReportStyle style =
        ReportStyle.vietnamese()
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.SPACE)
            .decimalComma()
            .bools(BoolFmt.YES_NO);
    ReportFile f = files.provinceFile("bao-cao-thang-05-2025.csv", m, style);
    ReportRow over = f.row(f.codeAt(60));
    long fiber = over.figures.households() + 35;
    over.cells.put(ReportColumns.FIBER, style.ints.format(fiber));
    over.bad(
        "fiber-exceeds-households",
        "fiber_households " + fiber + " > households " + over.figures.households());
    ReportRow wrong = f.row("15643");
    wrong.cells.put(ReportColumns.CODE, "");
    wrong.cells.put(ReportColumns.DISTRICT, "Huyện Thọ Xuân");
    wrong.bad(
        "unresolved-commune-name",
        "blank commune_code; `Xã Xuân Lộc` + `Huyện Thọ Xuân`: "
            + "no unit of that name in that district (it is in Huyện Thường Xuân)");
    files.corrupt(
        f, f.codeAt(200), ReportColumns.POPULATION, "", "missing-value", "population blank");
    files.corrupt(
        f,
        f.codeAt(330),
        ReportColumns.POPULATION,
        "6 512 người",
        "bad-integer",
        "population `6 512 người` (unit word in a number)");
    files.write(f);
  }

  private void writeJuneByDistrict() {
    YearMonth m = YearMonth.of(2025, 6);
    List<String> districts = ref.districtCodes();
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      String name = "2025-06_" + UnitNames.slug(ref.districtName(d)) + ".csv";
      ReportFile f = files.districtFile(name, m, d, DistrictStyles.rotating(i + 1, rnd));
      juneSpecials(f, d);
      files.write(f);
    }
    ReportStyle style = ReportStyle.english();
    ReportFile fixed = files.districtFile("2025-06_huyen-nhu-xuan_bo-sung.csv", m, "402", style);
    fixed
        .rows
        .get(0)
        .tricky(
            "complete resubmission of a file rejected for a missing column", "accept all records");
    files.write(fixed);
  }

  private void juneSpecials(ReportFile f, String district) {
    switch (district) {
      case "380" ->
          f.rows
              .get(0)
              .tricky(
                  "June report submitted in July (after the reform) " + "with old codes",
                  "the period decides: validate against units_pre2025.csv");
      case "399" -> juneDuplicates(f);
      case "401" ->
          files.corrupt(
              f,
              f.codeAt(8),
              ReportColumns.PERIOD,
              "Tháng 06/2025",
              "bad-month",
              "report_period `Tháng 06/2025`");
      case "402" -> juneMissingFiberColumn(f);
      case "398" -> juneLeftoverColumns(f);
      case "404" ->
          files.corrupt(
              f,
              f.codeAt(11),
              ReportColumns.DT,
              "Rồi",
              "bad-boolean",
              "dt_completed `Rồi` (\"done\", colloquial) is not a boolean spelling");
      case "406" ->
          files.corrupt(
              f, f.codeAt(14), ReportColumns.TEAMS, "-2", "out-of-range", "digital_teams -2 < 0");
      case "407" ->
          files.corrupt(
              f,
              f.codeAt(20),
              ReportColumns.PCT,
              "#DIV/0!",
              "bad-decimal",
              "smartphone_users_pct `#DIV/0!` (Excel error)");
      default -> {}
    }
  }

  private void juneDuplicates(ReportFile f) {
    for (int i : List.of(6, 19)) {
      ReportRow r = f.rows.get(i);
      f.rows.add(
          i + 1,
          files
              .copyOf(r)
              .tricky(
                  "exact duplicate of the previous record",
                  "count as read and accepted; it reaches the dataset once"));
    }
  }

  private void juneMissingFiberColumn(ReportFile f) {
    f.style.order =
        ReportColumns.CANONICAL.stream().filter(c -> !c.equals(ReportColumns.FIBER)).toList();
    f.rejectWhole(
        "missing-column",
        "required column fiber_households (`Số hộ có cáp quang`) "
            + "absent from the header (complete copy: 2025-06_huyen-nhu-xuan_bo-sung.csv)");
  }

  private void juneLeftoverColumns(ReportFile f) {
    f.style.leftoverColumns(14);
    List<String> extra = f.style.emptyColumns;
    files.tricky(
        f.name,
        "1",
        extra.size()
            + " unknown columns `"
            + extra.get(0)
            + "` … `"
            + extra.get(extra.size() - 1)
            + "` after the real ones (Excel's leftover "
            + "headers), empty in every row; BOM, quoted `78,5` decimals as in the rest "
            + "of the file",
        "ignore them; the run report keeps the first 10 warnings `unknown column '…' ignored` "
            + "word for word and sums up the rest in one `…: … and "
            + (extra.size() - 10)
            + " more unknown columns`");
  }
}
