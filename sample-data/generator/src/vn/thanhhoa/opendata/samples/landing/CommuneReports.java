package vn.thanhhoa.opendata.samples.landing;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import vn.thanhhoa.opendata.samples.UnitNames;

/**
 * commune-reports/: one file per month and group (province nationally; old district in Thanh Hóa,
 * post-reform communes grouped by the old district of their code), in varied layouts (header
 * language and order, delimiter, encoding, number, date and boolean spellings), plus one
 * resubmission file per month whose later rows replace earlier ones.
 */
final class CommuneReports {
  static final List<String> COLUMNS =
      List.of(
          "report_period",
          "commune_code",
          "commune_name",
          "district_name",
          "submitted_at",
          "population",
          "households",
          "digital_teams",
          "digital_team_members",
          "online_dossiers_received",
          "online_dossiers_on_time",
          "smartphone_users_pct",
          "fiber_households",
          "dt_completed",
          "notes");
  static final List<String> LABELS =
      List.of(
          "Kỳ báo cáo",
          "Mã xã",
          "Tên xã",
          "Huyện",
          "Thời điểm gửi",
          "Dân số",
          "Số hộ",
          "Số tổ công nghệ số cộng đồng",
          "Số thành viên tổ công nghệ số",
          "Hồ sơ trực tuyến tiếp nhận",
          "Hồ sơ trực tuyến giải quyết đúng hạn",
          "Tỷ lệ người dùng điện thoại thông minh (%)",
          "Số hộ có cáp quang",
          "Hoàn thành chuyển đổi số cấp xã",
          "Ghi chú");
  static final List<String> NOTES =
      List.of(
          "Đã cập nhật số liệu tổ công nghệ số",
          "Số liệu tạm tính, sẽ gửi bổ sung",
          "Cáp quang tăng do triển khai dự án \"Xã thông minh\"",
          "Hồ sơ trễ hạn do lỗi hệ thống, đã báo cáo huyện");

  private final Options options;
  private final Scope scope;

  /** Unit list file + coarse name key of the communes a blank code can safely stand for. */
  private final Set<String> uniqueNames = new HashSet<>();

  CommuneReports(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
    for (Era era : scope.eras) {
      Map<String, Integer> counts = new HashMap<>();
      era.communes()
          .forEach(c -> counts.merge(Text.coarseKey(c.name(), c.districtName()), 1, Integer::sum));
      counts.forEach(
          (k, n) -> {
            if (n == 1) {
              uniqueNames.add(era.file() + "|" + k);
            }
          });
    }
  }

  Tally write(Path folder) {
    Tally tally = new Tally("commune-reports", "landing");
    for (YearMonth month : scope.months) {
      Era era = scope.eraOn(month.atDay(1));
      Map<String, List<Commune>> groups = groups(era);
      List<Report> resubmissions = new ArrayList<>();
      int g = 0;
      for (Map.Entry<String, List<Commune>> group : groups.entrySet()) {
        SplittableRandom rnd = Seeds.rng(options.seed(), "reports/" + month, g++);
        List<Report> rows = new ArrayList<>();
        for (Commune c : group.getValue()) {
          rows.add(report(month, era, c, rnd, false));
          if (rnd.nextDouble() < 0.005) {
            resubmissions.add(report(month, era, c, rnd, true));
          }
        }
        writeFile(
            folder.resolve(month + "_" + group.getKey() + ".csv"),
            rows,
            ReportLayout.random(rnd, rows),
            tally);
      }
      if (!resubmissions.isEmpty()) {
        SplittableRandom rnd = Seeds.rng(options.seed(), "reports/" + month + "/resubmitted", 0);
        tally.resubmitted += resubmissions.size();
        writeFile(
            folder.resolve(month + "_gui-lai.csv"),
            resubmissions,
            ReportLayout.random(rnd, resubmissions),
            tally);
      }
    }
    return tally;
  }

  /** File group → communes: the province nationally, the (old) district in Thanh Hóa. */
  private Map<String, List<Commune>> groups(Era era) {
    Map<String, List<Commune>> groups = new TreeMap<>();
    Map<String, Commune> old = new HashMap<>();
    scope.eras.get(0).communes().forEach(c -> old.put(c.code(), c));
    for (Commune c : era.communes()) {
      String key;
      if (c.districtName() != null) {
        key = UnitNames.slug(c.districtName());
      } else if (scope.name.equals("province")) {
        Commune before = old.get(c.code());
        key = before == null ? "khac" : UnitNames.slug(before.districtName());
      } else {
        key = "tinh-" + c.provinceCode();
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    return groups;
  }

  private Report report(
      YearMonth month, Era era, Commune c, SplittableRandom rnd, boolean resubmission) {
    SplittableRandom base =
        Seeds.rng(options.seed(), "commune/" + era.file(), Long.parseLong(c.code()));
    int monthIndex = scope.months.indexOf(month);
    double growth = 1 + 0.002 * monthIndex;
    long population = Math.round((3_000 + base.nextInt(60_000)) * growth);
    long households = population * (26 + base.nextInt(8)) / 100;
    long teams = 3 + base.nextInt(18);
    long members = teams * (3 + base.nextInt(3)) + rnd.nextInt(3);
    long received = Math.max(1, population / (40 + base.nextInt(80)) + rnd.nextInt(30));
    long onTime =
        received - (rnd.nextDouble() < 0.3 ? rnd.nextInt((int) Math.min(received, 10) + 1) : 0);
    int pctTenths = 550 + base.nextInt(350) + monthIndex * 3 + rnd.nextInt(10);
    long fiber = households * (45 + base.nextInt(50)) / 100;
    boolean completed = rnd.nextDouble() < 0.1 + 0.05 * monthIndex;
    String notes = rnd.nextDouble() < 0.03 ? Seeds.pick(rnd, NOTES) : "";
    YearMonth next = month.plusMonths(1);
    LocalDateTime submitted =
        resubmission
            ? next.atDay(12 + rnd.nextInt(10)).atTime(8 + rnd.nextInt(9), rnd.nextInt(60))
            : next.atDay(1 + rnd.nextInt(10)).atTime(7 + rnd.nextInt(11), rnd.nextInt(60));
    boolean blankCode =
        !resubmission
            && rnd.nextDouble() < 0.01
            && uniqueNames.contains(era.file() + "|" + Text.coarseKey(c.name(), c.districtName()));
    ReportFault fault =
        !resubmission && rnd.nextDouble() < options.bad()
            ? Seeds.pick(rnd, ReportFault.values())
            : null;
    if (resubmission) {
      received += 5;
      onTime += 5;
    }
    return new Report(
        month,
        c,
        blankCode,
        submitted,
        population,
        households,
        teams,
        members,
        received,
        onTime,
        Math.min(pctTenths, 1000),
        fiber,
        completed,
        notes,
        fault);
  }

  private void writeFile(Path file, List<Report> rows, ReportLayout layout, Tally tally) {
    List<String> header = new ArrayList<>();
    for (int i : layout.order()) {
      header.add((layout.vietnamese() ? LABELS : COLUMNS).get(i));
    }
    StringBuilder text = new StringBuilder(Text.csvLine(header, layout.delimiter()));
    Map<String, Long> bad = new TreeMap<>();
    for (Report r : rows) {
      String[] cells = ReportLayout.cells(r, layout);
      if (r.fault() != null) {
        cells = broken(r, cells, layout);
        Tally.count(bad, r.fault().rule);
      }
      List<String> ordered = new ArrayList<>();
      for (int i : layout.order()) {
        ordered.add(cells[i]);
      }
      if (r.fault() == ReportFault.FIELD_COUNT) {
        ordered.add("thừa");
      }
      text.append(Text.csvLine(ordered, layout.delimiter()));
    }
    FileOut.write(file, text.toString(), layout.encoding(), tally, rows.size(), bad);
  }

  /** The cells with exactly one rule broken (the fault's); every other cell stays valid. */
  private String[] broken(Report r, String[] c, ReportLayout l) {
    SplittableRandom rnd =
        Seeds.rng(
            options.seed(), "reports/fault/" + r.period(), Long.parseLong(r.commune().code()));
    switch (r.fault()) {
      case BAD_MONTH ->
          c[0] = l.slashMonth() ? "13/" + r.period().getYear() : r.period().getYear() + "-13";
      case BAD_CODE -> c[1] = r.commune().code().substring(1);
      case UNKNOWN_CODE -> c[1] = scope.unknownCodeFor(scope.eraOn(r.period().atDay(1)), rnd);
      case UNRESOLVED_NAME -> {
        c[1] = "";
        c[2] = "Xã Không Tồn Tại";
      }
      case BAD_TIMESTAMP ->
          c[4] =
              l.timestamps().equals("dd/MM/yyyy HH:mm")
                  ? "32" + c[4].substring(2)
                  : c[4].substring(0, 8) + "32" + c[4].substring(10);
      case BAD_INTEGER -> c[5] = "khoảng " + c[5];
      case NEGATIVE -> c[6] = "-" + c[6];
      case BAD_DECIMAL -> c[11] = "n/a";
      case PCT_OVER_100 -> c[11] = "112" + (l.decimalComma() ? "," : ".") + "5";
      case BAD_BOOLEAN -> c[13] = "chưa";
      case MISSING_VALUE -> c[5] = "";
      case MEMBERS_BELOW_TEAMS -> c[8] = ReportLayout.integer(r.teams() - 1, l);
      case ON_TIME_EXCEEDS -> c[10] = ReportLayout.integer(r.received() + 5, l);
      case FIBER_EXCEEDS -> c[12] = ReportLayout.integer(r.households() + 10, l);
      case FIELD_COUNT -> {} // an extra cell is appended by the caller
      case NO_UNIT_LIST -> {
        YearMonth before = YearMonth.from(scope.earliest()).minusMonths(1);
        c[0] =
            l.slashMonth()
                ? Text.twoDigits(before.getMonthValue()) + "/" + before.getYear()
                : before.toString();
      }
    }
    return c;
  }
}
