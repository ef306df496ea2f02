package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;

/** Writes {@code commune-reports/}: the files, the deliberate errors and the tricky cases. */
final class CommuneReportsWriter {
  static final String SOURCE = "commune-reports";
  private static final List<String> NOTES =
      List.of(
          "Đã kiện toàn tổ công nghệ số cộng đồng",
          "Số liệu dịch vụ công lấy từ Cổng DVC tỉnh",
          "Bổ sung thành viên tổ CNSCĐ, tập huấn kỹ năng số",
          "Đang triển khai định danh điện tử VNeID",
          "Số liệu cáp quang do VNPT, Viettel cung cấp",
          "Ước tính");
  private static final List<String> PREPARERS =
      List.of(
          "Lê Văn Hùng",
          "Nguyễn Thị Lan",
          "Phạm Văn Tuấn",
          "Hà Thị Mai",
          "Lò Văn Sơn",
          "Trịnh Thị Hoa");

  private final Reference ref;
  private final ReportModel model;
  private final Random rnd;
  private final Catalog catalog;
  private final Path dir;
  private final Effective<ReportFigures> effective = new Effective<>();
  private final List<FileInfo> files = new ArrayList<>();

  CommuneReportsWriter(Reference ref, ReportModel model, Random rnd, Catalog catalog, Path root) {
    this.ref = ref;
    this.model = model;
    this.rnd = rnd;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
  }

  ReportSummary writeAll() {
    writeJanuary();
    writeFebruary();
    writeMarchByDistrict();
    writeApril();
    writeMay();
    writeJuneByDistrict();
    writeJuly();
    writeAugust();
    writeSeptember();
    writeOctober();
    writeCorrections();
    files.sort(Comparator.comparing(FileInfo::name));
    return new ReportSummary(List.copyOf(files), monthTotals(), effective.values());
  }

  // --- months ---------------------------------------------------------------------------------

  private void writeJanuary() {
    YearMonth m = YearMonth.of(2025, 1);
    ReportFile f = provinceFile("bao-cao-thang-01-2025.csv", m, ReportStyle.english());
    OldUnit late = ref.old("15016");
    ReportRow december =
        oldRow(
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
        oldRow(
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
    write(f);
  }

  private void writeFebruary() {
    YearMonth m = YearMonth.of(2025, 2);
    ReportStyle style =
        ReportStyle.vietnamese()
            .shuffle(rnd)
            .enc(Enc.UTF8_BOM)
            .period(PeriodFmt.MY)
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.DOT)
            .decimalComma();
    ReportFile f = provinceFile("bao-cao-thang-02-2025.csv", m, style);
    corrupt(
        f,
        f.codeAt(40),
        ReportColumns.PERIOD,
        "T2/2025",
        "bad-month",
        "report_period `T2/2025` is neither YYYY-MM nor MM/YYYY");
    corrupt(
        f,
        f.codeAt(130),
        ReportColumns.DT,
        "",
        "missing-value",
        "dt_completed blank in a file that spells it Có/Không (blank means false only in an x/blank file)");
    corrupt(
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
    write(f);
  }

  private void writeMarchByDistrict() {
    YearMonth m = YearMonth.of(2025, 3);
    List<String> districts = ref.districtCodes();
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      ReportStyle style = marchStyle(d, i);
      String name =
          "2025-03_" + Text.slug(ref.districtName(d)) + (d.equals("382") ? ".txt" : ".csv");
      ReportFile f = districtFile(name, m, d, style);
      marchSpecials(f, d);
      write(f);
    }
    writeMuongLatResubmission(m);
  }

  private ReportStyle marchStyle(String district, int index) {
    return switch (district) {
      case "380" ->
          ReportStyle.english()
              .shuffle(rnd)
              .ts(TsFmt.ISO_LOCAL)
              .ints(IntFmt.DOT)
              .bools(BoolFmt.ONE_ZERO);
      case "381" ->
          ReportStyle.vietnamese()
              .delimiter(';')
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma();
      case "382" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .delimiter('\t')
              .enc(Enc.UTF16LE_BOM)
              .crlf()
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .decimalComma();
      case "384" -> ReportStyle.vietnamese().enc(Enc.CP1258).ts(TsFmt.DMY_HM).decimalComma();
      case "385" -> ReportStyle.english().crlf();
      case "386" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma()
              .bools(BoolFmt.X_BLANK);
      case "387" -> ReportStyle.english().shuffle(rnd).bools(BoolFmt.YES_NO);
      case "388" ->
          ReportStyle.vietnamese().ints(IntFmt.SPACE).ts(TsFmt.DMY_HM).bools(BoolFmt.ONE_ZERO);
      case "389" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .ts(TsFmt.DMY_HM)
              .decimalComma()
              .extraColumn("Người lập biểu");
      default -> rotatingStyle(index);
    };
  }

  /** Ordinary district files cycle through four everyday layouts. */
  private ReportStyle rotatingStyle(int index) {
    return switch (index % 4) {
      case 0 -> ReportStyle.english();
      case 1 ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma();
      case 2 ->
          ReportStyle.vietnamese()
              .enc(Enc.UTF8_BOM)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.SPACE)
              .decimalComma()
              .bools(BoolFmt.ONE_ZERO);
      default ->
          ReportStyle.english()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.ISO_LOCAL)
              .ints(IntFmt.DOT)
              .bools(BoolFmt.YES_NO);
    };
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
      case "382" -> {
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
      case "384" ->
          f.rejectWhole(
              "invalid-encoding",
              "file written in windows-1258, not UTF-8 "
                  + "(corrected UTF-8 copy: 2025-03_huyen-muong-lat_gui-lai.csv)");
      case "385" -> {
        f.rows.get(0).tricky("CRLF line endings", "strip the CR; line numbers unchanged");
        corrupt(
            f,
            f.codeAt(9),
            ReportColumns.POPULATION,
            "#VALUE!",
            "bad-integer",
            "population `#VALUE!` (Excel error) in the CRLF file");
      }
      case "386" -> {
        f.rows.stream()
            .filter(r -> r.figures.dtCompleted())
            .findFirst()
            .orElseThrow()
            .tricky("dt_completed uses `x`/blank", "blank means false in this file only");
      }
      case "389" ->
          f.rows
              .get(0)
              .tricky(
                  "unknown extra column `Người lập biểu`",
                  "warn once for the file, ignore the column");
      case "395" -> marchFieldCount(f);
      case "396" -> marchBlankCodes(f);
      case "397" ->
          corrupt(
              f,
              f.codeAt(17),
              ReportColumns.SUBMITTED,
              "9h30 05/04/2025",
              "bad-timestamp",
              "submitted_at `9h30 05/04/2025` matches no accepted format");
      default -> {}
    }
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
    corrupt(
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
    ReportFile f = districtFile("2025-03_huyen-muong-lat_gui-lai.csv", m, "384", style);
    f.rows
        .get(0)
        .tricky(
            "UTF-8 resubmission of the windows-1258 file with the same data",
            "accept all records; the rejected file supplies nothing");
    write(f);
  }

  private void writeApril() {
    YearMonth m = YearMonth.of(2025, 4);
    ReportStyle style =
        ReportStyle.english().shuffle(rnd).ts(TsFmt.ISO_LOCAL).bools(BoolFmt.ONE_ZERO);
    ReportFile f = provinceFile("bao-cao-thang-04-2025.csv", m, style);
    corrupt(
        f,
        f.codeAt(30),
        ReportColumns.PCT,
        "104.5",
        "out-of-range",
        "smartphone_users_pct 104.5 > 100");
    String typo = f.codeAt(77);
    corrupt(
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
    blankCodeByName(f, "16057");
    blankCodeByName(f, "14823");
    f.rows
        .get(0)
        .tricky("ISO-8601 submitted_at without offset", "read as Asia/Ho_Chi_Minh local time");
    write(f);
  }

  private void writeMay() {
    YearMonth m = YearMonth.of(2025, 5);
    ReportStyle style =
        ReportStyle.vietnamese()
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.SPACE)
            .decimalComma()
            .bools(BoolFmt.YES_NO);
    ReportFile f = provinceFile("bao-cao-thang-05-2025.csv", m, style);
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
    corrupt(f, f.codeAt(200), ReportColumns.POPULATION, "", "missing-value", "population blank");
    corrupt(
        f,
        f.codeAt(330),
        ReportColumns.POPULATION,
        "6 512 người",
        "bad-integer",
        "population `6 512 người` (unit word in a number)");
    write(f);
  }

  private void writeJuneByDistrict() {
    YearMonth m = YearMonth.of(2025, 6);
    List<String> districts = ref.districtCodes();
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      String name = "2025-06_" + Text.slug(ref.districtName(d)) + ".csv";
      ReportFile f = districtFile(name, m, d, rotatingStyle(i + 1));
      juneSpecials(f, d);
      write(f);
    }
    ReportStyle style = ReportStyle.english();
    ReportFile fixed = districtFile("2025-06_huyen-nhu-xuan_bo-sung.csv", m, "402", style);
    fixed
        .rows
        .get(0)
        .tricky(
            "complete resubmission of a file rejected for a missing column", "accept all records");
    write(fixed);
  }

  private void juneSpecials(ReportFile f, String district) {
    switch (district) {
      case "380" ->
          f.rows
              .get(0)
              .tricky(
                  "June report submitted in July (after the reform) " + "with old codes",
                  "the period decides: validate against units_pre2025.csv");
      case "399" -> {
        for (int i : List.of(6, 19)) {
          ReportRow r = f.rows.get(i);
          f.rows.add(
              i + 1,
              copyOf(r)
                  .tricky(
                      "exact duplicate of the previous record",
                      "count as read and accepted; it reaches the dataset once"));
        }
      }
      case "401" ->
          corrupt(
              f,
              f.codeAt(8),
              ReportColumns.PERIOD,
              "Tháng 06/2025",
              "bad-month",
              "report_period `Tháng 06/2025`");
      case "402" -> {
        f.style.order =
            ReportColumns.CANONICAL.stream().filter(c -> !c.equals(ReportColumns.FIBER)).toList();
        f.rejectWhole(
            "missing-column",
            "required column fiber_households (`Số hộ có cáp quang`) "
                + "absent from the header (complete copy: 2025-06_huyen-nhu-xuan_bo-sung.csv)");
      }
      case "398" -> {
        f.style.leftoverColumns(14);
        List<String> extra = f.style.emptyColumns;
        catalog.tricky(
            SOURCE,
            f.name,
            "1",
            extra.size()
                + " unknown columns `"
                + extra.get(0)
                + "` … `"
                + extra.get(extra.size() - 1)
                + "` after the real ones (Excel's leftover "
                + "headers), empty in every row; BOM, quoted `78,5` decimals as in the rest of the file",
            "ignore them; the run report keeps the first 10 warnings `unknown column '…' ignored` "
                + "word for word and sums up the rest in one `…: … and "
                + (extra.size() - 10)
                + " more unknown columns`");
      }
      case "404" ->
          corrupt(
              f,
              f.codeAt(11),
              ReportColumns.DT,
              "Rồi",
              "bad-boolean",
              "dt_completed `Rồi` (\"done\", colloquial) is not a boolean spelling");
      case "406" ->
          corrupt(
              f, f.codeAt(14), ReportColumns.TEAMS, "-2", "out-of-range", "digital_teams -2 < 0");
      case "407" ->
          corrupt(
              f,
              f.codeAt(20),
              ReportColumns.PCT,
              "#DIV/0!",
              "bad-decimal",
              "smartphone_users_pct `#DIV/0!` (Excel error)");
      default -> {}
    }
  }

  private void writeJuly() {
    YearMonth m = YearMonth.of(2025, 7);
    ReportFile f = provinceFile("bao-cao-thang-07-2025.csv", m, ReportStyle.english());
    corrupt(
        f,
        "14758",
        ReportColumns.CODE,
        "14755",
        "unknown-commune-code",
        "Phường Hàm Rồng reports with its pre-reform code 14755; valid new code is 14758");
    String typo = f.codeAt(120);
    corrupt(
        f,
        typo,
        ReportColumns.CODE,
        typo + "0",
        "bad-commune-code",
        "commune_code `" + typo + "0` has 6 digits");
    f.rows
        .get(0)
        .tricky(
            "first post-reform month: new codes, blank district_name",
            "validate against units_2025.csv");
    write(f);
  }

  private void writeAugust() {
    YearMonth m = YearMonth.of(2025, 8);
    ReportStyle style =
        ReportStyle.vietnamese()
            .shuffle(rnd)
            .enc(Enc.UTF8_BOM)
            .period(PeriodFmt.MY)
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.DOT)
            .decimalComma();
    ReportFile f = provinceFile("bao-cao-thang-08-2025.csv", m, style);
    String hoangDao = ref.primarySuccessor("15946");
    ReportRow stale = f.row(hoangDao);
    stale.cells.put(ReportColumns.CODE, "");
    stale.cells.put(ReportColumns.NAME, "Xã Hoằng Đạo");
    stale.bad(
        "unresolved-commune-name",
        "blank commune_code and pre-reform name `Xã Hoằng Đạo` "
            + "(now part of "
            + ref.fresh(hoangDao).name()
            + "): no such unit after 2025-07-01");
    ReportRow cut = f.row(f.codeAt(50));
    cut.dropFields = 1;
    cut.bad("field-count", "one field short (14 of 15)");
    corrupt(
        f,
        f.codeAt(90),
        ReportColumns.SUBMITTED,
        "15/09/2025",
        "bad-timestamp",
        "submitted_at `15/09/2025` has no time of day");
    for (String code : List.of("14797", "14956")) {
      blankCodeByName(f, code);
    }
    ReportRow nfd = f.row("14854");
    nfd.cells.put(ReportColumns.CODE, "");
    nfd.cells.put(ReportColumns.NAME, Text.nfd(nfd.name()));
    nfd.tricky(
        "blank commune_code and NFD-encoded `Xã Mường Lý`",
        "normalise to NFC, then resolve by name alone to 14854");
    write(f);
    writeAugustTie(f);
  }

  /** Same submitted_at as the original: the later file name wins. */
  private void writeAugustTie(ReportFile original) {
    YearMonth m = YearMonth.of(2025, 8);
    String code = original.codeAt(100);
    if (original.row(code).rule != null) {
      throw new IllegalStateException("tie row must be valid in the original");
    }
    ReportFigures before = model.get(m, code);
    ReportFigures after = before.withTeams(before.teams() + 1, before.members() + 4);
    ReportFile f = new ReportFile("bao-cao-thang-08-2025_bo-sung.csv", original.style);
    f.rows.add(
        newRow(ref.fresh(code), m, after, model.submittedAt(m, code), f.style)
            .tricky(
                "same key and same submitted_at as in bao-cao-thang-08-2025.csv, teams "
                    + before.teams()
                    + " -> "
                    + after.teams()
                    + ", members "
                    + before.members()
                    + " -> "
                    + after.members(),
                "exact timestamp tie: the later file name wins (this row)"));
    write(f);
  }

  private void writeSeptember() {
    YearMonth m = YearMonth.of(2025, 9);
    ReportStyle style =
        ReportStyle.english()
            .shuffle(rnd)
            .withoutDistrict()
            .ts(TsFmt.ISO_LOCAL)
            .bools(BoolFmt.YES_NO);
    ReportFile f = provinceFile("bao-cao-thang-09-2025.csv", m, style);
    corrupt(f, f.codeAt(70), ReportColumns.SUBMITTED, "", "missing-value", "submitted_at blank");
    blankCodeByName(f, "16093");
    f.rows
        .get(0)
        .tricky(
            "no district_name column at all (optional column)",
            "read normally; district is blank after the reform anyway");
    write(f);
  }

  private void writeOctober() {
    YearMonth m = YearMonth.of(2025, 10);
    ReportStyle style = ReportStyle.vietnamese().decimalComma();
    ReportFile f = provinceFile("bao-cao-thang-10-2025.csv", m, style);
    ReportRow twin = f.rows.get(33);
    f.rows.add(
        34,
        copyOf(twin)
            .tricky(
                "exact duplicate of the previous record",
                "count as read and accepted; it reaches the dataset once"));
    write(f);
    writeOctoberDraft(f);
  }

  /** A later file with EARLIER submitted_at values: it must lose. */
  private void writeOctoberDraft(ReportFile original) {
    YearMonth m = YearMonth.of(2025, 10);
    ReportFile f =
        new ReportFile(
            "bao-cao-thang-10-2025_ban-nhap.csv", ReportStyle.english().ts(TsFmt.ISO_LOCAL));
    for (int i : List.of(10, 80, 140)) {
      String code = original.codeAt(i);
      ReportFigures real = model.get(m, code);
      long cut = Math.max(1, real.received() / 5);
      ReportFigures draft =
          real.withDossiers(real.received() - cut, Math.max(0, real.onTime() - cut - 1))
              .withDt(false);
      LocalDateTime earlier = model.submittedAt(m, code).minusDays(1).minusHours(2);
      f.rows.add(
          newRow(ref.fresh(code), m, draft, earlier, f.style)
              .tricky(
                  "draft with an earlier submitted_at than bao-cao-thang-10-2025.csv (received "
                      + draft.received()
                      + " instead of "
                      + real.received()
                      + ")",
                  "loses: the earlier instant never replaces the later one, whatever the file name"));
    }
    write(f);
  }

  /** Later resubmissions (later wins), one of them itself invalid (replaces nothing). */
  private void writeCorrections() {
    ReportFile f =
        new ReportFile("dieu-chinh-2025-11-10.csv", ReportStyle.english().ts(TsFmt.DMY_HM));
    LocalDateTime at = LocalDateTime.of(2025, 11, 10, 15, 30);
    YearMonth may = YearMonth.of(2025, 5);
    String oldCode = model.month(may).keySet().stream().toList().get(250);
    ReportFigures mayFig = model.get(may, oldCode);
    f.rows.add(
        oldRow(
                ref.old(oldCode),
                may,
                mayFig.withDossiers(mayFig.received() + 25, mayFig.onTime() + 25),
                at,
                f.style)
            .tricky(
                "correction of a 2025-05 report sent in "
                    + "November with the old code and district",
                "period decides: old list; later wins"));
    correction(f, YearMonth.of(2025, 8), 15, at, r -> r.withTeams(r.teams() + 2, r.members() + 7));
    correction(f, YearMonth.of(2025, 9), 42, at.plusMinutes(3), r -> r.withFiber(r.fiber() - 30));
    correction(f, YearMonth.of(2025, 10), 5, at.plusMinutes(5), r -> r.withDt(true));
    correction(
        f,
        YearMonth.of(2025, 10),
        99,
        at.plusMinutes(6),
        r -> r.withDossiers(r.received() + 18, r.onTime() + 18));
    YearMonth oct = YearMonth.of(2025, 10);
    String code = model.month(oct).keySet().stream().toList().get(120);
    ReportFigures real = model.get(oct, code);
    ReportRow bad = newRow(ref.fresh(code), oct, real, at.plusMinutes(8), f.style);
    bad.cells.put(ReportColumns.ON_TIME, Long.toString(real.received() + 3));
    f.rows.add(
        bad.bad(
            "on-time-exceeds-received",
            "correction with online_dossiers_on_time "
                + (real.received() + 3)
                + " > received "
                + real.received()
                + " (quarantined: the original October row stays)"));
    write(f);
  }

  private void correction(
      ReportFile f,
      YearMonth m,
      int index,
      LocalDateTime at,
      java.util.function.UnaryOperator<ReportFigures> change) {
    String code = model.month(m).keySet().stream().toList().get(index);
    ReportFigures before = model.get(m, code);
    ReportFigures after = change.apply(before);
    f.rows.add(
        newRow(ref.fresh(code), m, after, at, f.style)
            .tricky(
                "later resubmission of " + m + " " + code + " with changed values",
                "replaces the original (later submitted_at wins)"));
  }

  // --- rows and files -------------------------------------------------------------------------

  private ReportFile provinceFile(String name, YearMonth m, ReportStyle style) {
    ReportFile f = new ReportFile(name, style);
    for (String code : model.month(m).keySet()) {
      f.rows.add(
          Dates.preReform(m)
              ? oldRow(ref.old(code), m, model.get(m, code), model.submittedAt(m, code), style)
              : newRow(ref.fresh(code), m, model.get(m, code), model.submittedAt(m, code), style));
    }
    return f;
  }

  private ReportFile districtFile(String name, YearMonth m, String district, ReportStyle style) {
    ReportFile f = new ReportFile(name, style);
    for (OldUnit u : ref.district(district)) {
      f.rows.add(oldRow(u, m, model.get(m, u.code()), model.submittedAt(m, u.code()), style));
    }
    return f;
  }

  private ReportRow oldRow(
      OldUnit u, YearMonth m, ReportFigures fig, LocalDateTime at, ReportStyle style) {
    return row(u.code(), u.name(), u.districtName(), m, fig, at, style);
  }

  private ReportRow newRow(
      NewUnit u, YearMonth m, ReportFigures fig, LocalDateTime at, ReportStyle style) {
    return row(u.code(), u.name(), "", m, fig, at, style);
  }

  private ReportRow row(
      String code,
      String name,
      String district,
      YearMonth m,
      ReportFigures fig,
      LocalDateTime at,
      ReportStyle style) {
    ReportRow r = new ReportRow(code, m, fig, at);
    r.cells.put(ReportColumns.PERIOD, style.period.format(m));
    r.cells.put(ReportColumns.CODE, code);
    r.cells.put(ReportColumns.NAME, name);
    r.cells.put(ReportColumns.DISTRICT, district);
    r.cells.put(ReportColumns.SUBMITTED, style.ts.format(at));
    r.cells.put(ReportColumns.POPULATION, style.ints.format(fig.population()));
    r.cells.put(ReportColumns.HOUSEHOLDS, style.ints.format(fig.households()));
    r.cells.put(ReportColumns.TEAMS, style.ints.format(fig.teams()));
    r.cells.put(ReportColumns.MEMBERS, style.ints.format(fig.members()));
    r.cells.put(ReportColumns.RECEIVED, style.ints.format(fig.received()));
    r.cells.put(ReportColumns.ON_TIME, style.ints.format(fig.onTime()));
    r.cells.put(ReportColumns.PCT, style.formatPct(fig.pctTenths()));
    r.cells.put(ReportColumns.FIBER, style.ints.format(fig.fiber()));
    r.cells.put(ReportColumns.DT, style.bools.format(fig.dtCompleted()));
    r.cells.put(
        ReportColumns.NOTES, rnd.nextDouble() < 0.04 ? NOTES.get(rnd.nextInt(NOTES.size())) : "");
    r.extraValue = PREPARERS.get(rnd.nextInt(PREPARERS.size()));
    return r;
  }

  private ReportRow copyOf(ReportRow r) {
    ReportRow c = new ReportRow(r.code, r.month, r.figures, r.submitted);
    c.cells.putAll(r.cells);
    c.extraValue = r.extraValue;
    return c;
  }

  private void corrupt(
      ReportFile f, String code, String column, String text, String rule, String what) {
    ReportRow r = untouched(f, code);
    r.cells.put(column, text);
    r.bad(rule, what);
  }

  /** The row of a code that no other special case uses yet. */
  private ReportRow untouched(ReportFile f, String code) {
    ReportRow r = f.row(code);
    if (r.rule != null || r.tricky != null) {
      throw new IllegalStateException(f.name + ": row " + code + " already used");
    }
    return r;
  }

  private void blankCodeByName(ReportFile f, String code) {
    ReportRow r = untouched(f, code);
    r.cells.put(ReportColumns.CODE, "");
    String district = r.cells.get(ReportColumns.DISTRICT);
    r.tricky(
        "blank commune_code, name `"
            + r.name()
            + "`"
            + (district.isEmpty() ? " alone" : " + district `" + district + "`"),
        "resolve to " + code);
  }

  private void write(ReportFile f) {
    List<List<String>> records = f.rows.stream().map(r -> r.fields(f.style)).toList();
    Csv.Rendered rendered = Csv.render(f.style.header(), records, f.style.delimiter, f.style.eol);
    Output.write(dir.resolve(f.name), f.style.enc.encode(rendered.text()));
    for (int i = 0; i < f.rows.size(); i++) {
      register(f, f.rows.get(i), rendered.startLines().get(i));
    }
    files.add(new FileInfo(f.name, f.rows.size(), f.style.describe()));
  }

  private void register(ReportFile f, ReportRow r, int line) {
    if (f.fileRule != null) {
      catalog.bad(SOURCE, f.name, line, f.fileRule, f.fileWhat);
    } else if (r.rule != null) {
      catalog.bad(SOURCE, f.name, line, r.rule, r.what);
    } else {
      effective.offer(
          ReportModel.key(r.month, r.code), Dates.local(r.submitted), f.name, r.figures);
    }
    if (r.tricky != null) {
      catalog.tricky(SOURCE, f.name, Integer.toString(line), r.tricky, r.expect);
    }
  }

  private List<ReportMonthTotals> monthTotals() {
    SortedMap<String, ReportFigures> all = effective.values();
    List<ReportMonthTotals> totals = new ArrayList<>();
    for (YearMonth m : Dates.months()) {
      List<ReportFigures> rows =
          all.entrySet().stream()
              .filter(e -> e.getKey().startsWith(m + "|"))
              .map(Map.Entry::getValue)
              .toList();
      totals.add(
          new ReportMonthTotals(
              m,
              rows.size(),
              rows.stream().mapToLong(ReportFigures::population).sum(),
              rows.stream().mapToLong(ReportFigures::households).sum(),
              rows.stream().mapToLong(ReportFigures::teams).sum(),
              rows.stream().mapToLong(ReportFigures::members).sum(),
              rows.stream().mapToLong(ReportFigures::received).sum(),
              rows.stream().mapToLong(ReportFigures::onTime).sum(),
              rows.stream().filter(ReportFigures::dtCompleted).count()));
    }
    return totals;
  }
}
