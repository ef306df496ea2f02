package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import vn.thanhhoa.opendata.samples.Encoding;

/** The commune reports of July to October 2025 (post-reform communes) and the later corrections. */
final class ReportsAfterReform {
  private final ReportFiles files;
  private final Reference ref;
  private final ReportModel model;
  private final Random rnd;

  ReportsAfterReform(ReportFiles files) {
    this.files = files;
    this.ref = files.ref;
    this.model = files.model;
    this.rnd = files.rnd;
  }

  void write() {
    writeJuly();
    writeAugust();
    writeSeptember();
    writeOctober();
    writeCorrections();
  }

  private void writeJuly() {
    YearMonth m = YearMonth.of(2025, 7);
    ReportFile f = files.provinceFile("bao-cao-thang-07-2025.csv", m, ReportStyle.english());
    files.corrupt(
        f,
        "14758",
        ReportColumns.CODE,
        "14755",
        "unknown-commune-code",
        "Phường Hàm Rồng reports with its pre-reform code 14755; valid new code is 14758");
    String typo = f.codeAt(120);
    files.corrupt(
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
    files.write(f);
  }

  private void writeAugust() {
    YearMonth m = YearMonth.of(2025, 8);
    ReportStyle style =
        ReportStyle.vietnamese()
            .shuffle(rnd)
            .enc(Encoding.UTF8_BOM)
            .period(PeriodFmt.MY)
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.DOT)
            .decimalComma();
    ReportFile f = files.provinceFile("bao-cao-thang-08-2025.csv", m, style);
    augustBadRows(f);
    augustNamesWithoutCode(f);
    files.write(f);
    writeAugustTie(f);
  }

  /** Same submitted_at as the original: the later file name wins. */
  private void augustBadRows(ReportFile f) {
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
    files.corrupt(
        f,
        f.codeAt(90),
        ReportColumns.SUBMITTED,
        "15/09/2025",
        "bad-timestamp",
        "submitted_at `15/09/2025` has no time of day");
  }

  /** Rows whose blank code the pipeline must resolve by name. */
  private void augustNamesWithoutCode(ReportFile f) {
    for (String code : List.of("14797", "14956")) {
      files.blankCodeByName(f, code);
    }
    ReportRow nfd = f.row("14854");
    nfd.cells.put(ReportColumns.CODE, "");
    nfd.cells.put(ReportColumns.NAME, Text.nfd(nfd.name()));
    nfd.tricky(
        "blank commune_code and NFD-encoded `Xã Mường Lý`",
        "normalise to NFC, then resolve by name alone to 14854");
  }

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
        files
            .newRow(ref.fresh(code), m, after, model.submittedAt(m, code), f.style)
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
    files.write(f);
  }

  private void writeSeptember() {
    YearMonth m = YearMonth.of(2025, 9);
    ReportStyle style =
        ReportStyle.english()
            .shuffle(rnd)
            .withoutDistrict()
            .ts(TsFmt.ISO_LOCAL)
            .bools(BoolFmt.YES_NO);
    ReportFile f = files.provinceFile("bao-cao-thang-09-2025.csv", m, style);
    files.corrupt(
        f, f.codeAt(70), ReportColumns.SUBMITTED, "", "missing-value", "submitted_at blank");
    files.blankCodeByName(f, "16093");
    f.rows
        .get(0)
        .tricky(
            "no district_name column at all (optional column)",
            "read normally; district is blank after the reform anyway");
    files.write(f);
  }

  private void writeOctober() {
    YearMonth m = YearMonth.of(2025, 10);
    ReportStyle style = ReportStyle.vietnamese().decimalComma();
    ReportFile f = files.provinceFile("bao-cao-thang-10-2025.csv", m, style);
    ReportRow twin = f.rows.get(33);
    f.rows.add(
        34,
        files
            .copyOf(twin)
            .tricky(
                "exact duplicate of the previous record",
                "count as read and accepted; it reaches the dataset once"));
    files.write(f);
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
          files
              .newRow(ref.fresh(code), m, draft, earlier, f.style)
              .tricky(
                  "draft with an earlier submitted_at than bao-cao-thang-10-2025.csv (received "
                      + draft.received()
                      + " instead of "
                      + real.received()
                      + ")",
                  "loses: the earlier instant never replaces the later one, whatever the "
                      + "file name"));
    }
    files.write(f);
  }

  /** Later resubmissions (later wins), one of them itself invalid (replaces nothing). */
  private void writeCorrections() {
    ReportFile f =
        new ReportFile("dieu-chinh-2025-11-10.csv", ReportStyle.english().ts(TsFmt.DMY_HM));
    LocalDateTime at = LocalDateTime.of(2025, 11, 10, 15, 30);
    mayCorrection(f, at);
    correction(f, YearMonth.of(2025, 8), 15, at, r -> r.withTeams(r.teams() + 2, r.members() + 7));
    correction(f, YearMonth.of(2025, 9), 42, at.plusMinutes(3), r -> r.withFiber(r.fiber() - 30));
    correction(f, YearMonth.of(2025, 10), 5, at.plusMinutes(5), r -> r.withDt(true));
    correction(
        f,
        YearMonth.of(2025, 10),
        99,
        at.plusMinutes(6),
        r -> r.withDossiers(r.received() + 18, r.onTime() + 18));
    badCorrection(f, at);
    files.write(f);
  }

  /** A May report corrected in November, with the old code and district. */
  private void mayCorrection(ReportFile f, LocalDateTime at) {
    YearMonth may = YearMonth.of(2025, 5);
    String oldCode = model.month(may).keySet().stream().toList().get(250);
    ReportFigures mayFig = model.get(may, oldCode);
    f.rows.add(
        files
            .oldRow(
                ref.old(oldCode),
                may,
                mayFig.withDossiers(mayFig.received() + 25, mayFig.onTime() + 25),
                at,
                f.style)
            .tricky(
                "correction of a 2025-05 report sent in "
                    + "November with the old code and district",
                "period decides: old list; later wins"));
  }

  private void badCorrection(ReportFile f, LocalDateTime at) {
    YearMonth oct = YearMonth.of(2025, 10);
    String code = model.month(oct).keySet().stream().toList().get(120);
    ReportFigures real = model.get(oct, code);
    ReportRow bad = files.newRow(ref.fresh(code), oct, real, at.plusMinutes(8), f.style);
    bad.cells.put(ReportColumns.ON_TIME, Long.toString(real.received() + 3));
    f.rows.add(
        bad.bad(
            "on-time-exceeds-received",
            "correction with online_dossiers_on_time "
                + (real.received() + 3)
                + " > received "
                + real.received()
                + " (quarantined: the original October row stays)"));
  }

  private void correction(
      ReportFile f, YearMonth m, int index, LocalDateTime at, UnaryOperator<ReportFigures> change) {
    String code = model.month(m).keySet().stream().toList().get(index);
    ReportFigures before = model.get(m, code);
    ReportFigures after = change.apply(before);
    f.rows.add(
        files
            .newRow(ref.fresh(code), m, after, at, f.style)
            .tricky(
                "later resubmission of " + m + " " + code + " with changed values",
                "replaces the original (later submitted_at wins)"));
  }
}
