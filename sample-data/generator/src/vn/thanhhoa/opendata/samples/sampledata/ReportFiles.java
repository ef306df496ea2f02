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

/**
 * The commune-report folder being written: rows in a file's layout, the files themselves, and each
 * record booked as deliberately bad, tricky, or the figures the dataset should end up holding.
 */
final class ReportFiles {
  private static final String SOURCE = CommuneReportsWriter.SOURCE;
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

  final Reference ref;
  final ReportModel model;
  final Random rnd;
  private final Catalog catalog;
  private final Path dir;
  private final Effective<ReportFigures> effective = new Effective<>();
  private final List<FileInfo> files = new ArrayList<>();

  ReportFiles(Reference ref, ReportModel model, Random rnd, Catalog catalog, Path root) {
    this.ref = ref;
    this.model = model;
    this.rnd = rnd;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
  }

  /** The files, the month totals and the effective rows, once every file is written. */
  ReportSummary summary() {
    files.sort(Comparator.comparing(FileInfo::name));
    return new ReportSummary(List.copyOf(files), monthTotals(), effective.values());
  }

  void tricky(String file, String lines, String what, String expect) {
    catalog.tricky(SOURCE, file, lines, what, expect);
  }

  ReportFile provinceFile(String name, YearMonth m, ReportStyle style) {
    ReportFile f = new ReportFile(name, style);
    for (String code : model.month(m).keySet()) {
      f.rows.add(
          Dates.preReform(m)
              ? oldRow(ref.old(code), m, model.get(m, code), model.submittedAt(m, code), style)
              : newRow(ref.fresh(code), m, model.get(m, code), model.submittedAt(m, code), style));
    }
    return f;
  }

  ReportFile districtFile(String name, YearMonth m, String district, ReportStyle style) {
    ReportFile f = new ReportFile(name, style);
    for (OldUnit u : ref.district(district)) {
      f.rows.add(oldRow(u, m, model.get(m, u.code()), model.submittedAt(m, u.code()), style));
    }
    return f;
  }

  ReportRow oldRow(OldUnit u, YearMonth m, ReportFigures fig, LocalDateTime at, ReportStyle style) {
    return row(u.code(), u.name(), u.districtName(), m, fig, at, style);
  }

  ReportRow newRow(NewUnit u, YearMonth m, ReportFigures fig, LocalDateTime at, ReportStyle style) {
    return row(u.code(), u.name(), "", m, fig, at, style);
  }

  ReportRow row(
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

  ReportRow copyOf(ReportRow r) {
    ReportRow c = new ReportRow(r.code, r.month, r.figures, r.submitted);
    c.cells.putAll(r.cells);
    c.extraValue = r.extraValue;
    return c;
  }

  void corrupt(ReportFile f, String code, String column, String text, String rule, String what) {
    ReportRow r = untouched(f, code);
    r.cells.put(column, text);
    r.bad(rule, what);
  }

  /** The row of a code that no other special case uses yet. */
  ReportRow untouched(ReportFile f, String code) {
    ReportRow r = f.row(code);
    if (r.rule != null || r.tricky != null) {
      throw new IllegalStateException(f.name + ": row " + code + " already used");
    }
    return r;
  }

  void blankCodeByName(ReportFile f, String code) {
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

  void write(ReportFile f) {
    List<List<String>> records = f.rows.stream().map(r -> r.fields(f.style)).toList();
    RenderedCsv rendered =
        RenderedCsv.of(f.style.header(), records, f.style.delimiter, f.style.eol);
    Output.write(dir.resolve(f.name), f.style.enc.encode(rendered.text()));
    for (int i = 0; i < f.rows.size(); i++) {
      register(f, f.rows.get(i), rendered.startLines().get(i));
    }
    files.add(new FileInfo(f.name, f.rows.size(), f.style.describe()));
  }

  /** A workbook: its rows booked at the sheet rows Excel shows them on. */
  void writeWorkbook(ReportFile f, List<ReportWorkbook.Line> lines, byte[] bytes, String layout) {
    Output.write(dir.resolve(f.name), bytes);
    for (ReportWorkbook.Line line : lines) {
      register(f, line.report(), line.row());
    }
    files.add(new FileInfo(f.name, lines.size(), layout));
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
