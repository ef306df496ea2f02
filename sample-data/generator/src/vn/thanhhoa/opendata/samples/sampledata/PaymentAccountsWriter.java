package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Writes {@code payment-accounts/}: one strict CSV per month plus corrections. */
final class PaymentAccountsWriter {
  static final String SOURCE = "payment-accounts";
  static final String FAILED_EXPORT = "2025-10_viettel-money_loi-xuat.csv";
  static final List<String> HEADER =
      List.of(
          "period",
          "commune_code",
          "provider_type",
          "provider_name",
          "accounts_total",
          "accounts_opened",
          "accounts_active",
          "reported_at");

  private final Reference ref;
  private final PaymentModel model;
  private final Catalog catalog;
  private final Path dir;
  private final Effective<Accounts> effective = new Effective<>();
  private final List<FileInfo> files = new ArrayList<>();

  PaymentAccountsWriter(Reference ref, PaymentModel model, Catalog catalog, Path root) {
    this.ref = ref;
    this.model = model;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
  }

  PaymentSummary writeAll() {
    for (YearMonth m : Dates.months()) {
      List<PaymentRow> rows = monthRows(m);
      monthSpecials(m, rows);
      write(m + ".csv", HEADER, rows);
    }
    writeRejectedSupplement();
    writeCorrections();
    writeFailedExport();
    files.sort(Comparator.comparing(FileInfo::name));
    return summary();
  }

  private List<PaymentRow> monthRows(YearMonth m) {
    List<PaymentRow> rows = new ArrayList<>();
    model
        .month(m)
        .forEach(
            (code, accounts) ->
                accounts.forEach(
                    (name, a) -> {
                      Provider p = Provider.named(name);
                      rows.add(new PaymentRow(m, code, p, a, p.reportedAt(m)));
                    }));
    return rows;
  }

  private PaymentRow find(List<PaymentRow> rows, String providerName, int skip) {
    return rows.stream()
        .filter(r -> r.provider.name().equals(providerName))
        .skip(skip)
        .findFirst()
        .orElseThrow();
  }

  private void monthSpecials(YearMonth m, List<PaymentRow> rows) {
    switch (m.getMonthValue()) {
      case 1 -> january(rows);
      case 2 -> february(rows);
      case 3 -> march(rows);
      case 4 -> april(rows);
      case 5 -> may(rows);
      case 6 -> june(rows);
      case 7 -> july(rows);
      case 8 -> august(rows);
      default -> {}
    }
  }

  private void january(List<PaymentRow> rows) {
    PaymentRow r = find(rows, "Agribank", 20);
    PaymentRow december =
        new PaymentRow(
            YearMonth.of(2024, 12),
            r.code,
            r.provider,
            r.accounts,
            OffsetDateTime.of(2025, 1, 3, 9, 15, 0, 0, Dates.PLUS7));
    rows.add(
        rows.indexOf(r),
        december.bad(
            "unit-list-unavailable",
            "period 2024-12 (resent December row): no unit list before 2025-01-01"));
  }

  private void february(List<PaymentRow> rows) {
    PaymentRow template = find(rows, "Viettel Money", 3);
    String ghost = ref.disputed().get(1).code();
    rows.add(
        new PaymentRow(
                template.period, ghost, template.provider, template.accounts, template.reportedAt)
            .bad(
                "unknown-commune-code",
                "commune_code "
                    + ghost
                    + " (disputed Jan–Feb 2025 snapshot code) is not in units_pre2025.csv"));
    find(rows, "MoMo", 44)
        .set("provider_type", "ewallet")
        .bad("unknown-value", "provider_type `ewallet` is not one of bank, e_wallet, mobile_money");
  }

  private void march(List<PaymentRow> rows) {
    find(rows, "VietinBank", 12)
        .set("period", "03/2025")
        .bad("bad-month", "period `03/2025`: this source accepts YYYY-MM only");
    PaymentRow big =
        rows.stream()
            .filter(r -> r.accounts.total() >= 1000 && r.rule == null)
            .skip(30)
            .findFirst()
            .orElseThrow();
    big.set("accounts_total", IntFmt.DOT.format(big.accounts.total()))
        .bad(
            "bad-integer",
            "accounts_total `"
                + IntFmt.DOT.format(big.accounts.total())
                + "` with a thousands separator: plain integers only");
  }

  private void april(List<PaymentRow> rows) {
    PaymentRow r = find(rows, "BIDV", 25);
    long opened = r.accounts.total() + 15;
    r.set("accounts_opened", Long.toString(opened))
        .bad(
            "opened-exceeds-total",
            "accounts_opened " + opened + " > accounts_total " + r.accounts.total());
    PaymentRow extra = find(rows, "Agribank", 140);
    extra.fields.add("");
    extra.bad("field-count", "trailing comma: 9 fields for 8 columns");
  }

  private void may(List<PaymentRow> rows) {
    PaymentRow r = find(rows, "Vietcombank", 6);
    String local = r.reportedAt.toLocalDateTime().toString() + ":00";
    r.set("reported_at", local)
        .bad(
            "bad-timestamp", "reported_at `" + local + "` has no offset: this source requires one");
    for (int skip : List.of(100, 101, 102)) {
      PaymentRow twin = find(rows, "Agribank", skip);
      rows.add(
          new PaymentRow(twin.period, twin.code, twin.provider, twin.accounts, twin.reportedAt)
              .tricky(
                  "exact duplicate (the provider's export repeated three rows at the end)",
                  "count as read and accepted; reaches the dataset once"));
    }
  }

  private void june(List<PaymentRow> rows) {
    find(rows, "ZaloPay", 15).set("provider_name", "").bad("missing-value", "provider_name blank");
    find(rows, "Viettel Money", 200)
        .set("accounts_opened", "-3")
        .bad("out-of-range", "accounts_opened -3 < 0");
    find(rows, "Agribank", 0)
        .tricky(
            "June rows reported in July with old codes",
            "period decides: validate against units_pre2025.csv");
  }

  private void july(List<PaymentRow> rows) {
    PaymentRow r = find(rows, "Agribank", 33);
    String typo = r.code.substring(0, 4);
    r.set("commune_code", typo).bad("bad-commune-code", "commune_code `" + typo + "` has 4 digits");
  }

  private void august(List<PaymentRow> rows) {
    String retired = ref.retiredCodes().get(200);
    PaymentRow template = find(rows, "VNPT Money", 4);
    rows.add(
        new PaymentRow(
                template.period, retired, template.provider, template.accounts, template.reportedAt)
            .bad(
                "unknown-commune-code",
                "commune_code "
                    + retired
                    + " ("
                    + ref.old(retired).name()
                    + ") is a pre-reform code, not in units_2025.csv"));
  }

  /** A provider's late supplement that lacks a column: rejected whole, replaces nothing. */
  private void writeRejectedSupplement() {
    YearMonth m = YearMonth.of(2025, 4);
    List<String> header = HEADER.stream().filter(c -> !c.equals("accounts_active")).toList();
    List<PaymentRow> rows = new ArrayList<>();
    OffsetDateTime at = OffsetDateTime.of(2025, 5, 20, 10, 0, 0, 0, Dates.PLUS7);
    for (PaymentRow r : monthRows(m)) {
      if (r.provider.name().equals("VNPT Money") && rows.size() < 4) {
        Accounts a =
            new Accounts(r.accounts.total() + 2, r.accounts.opened() + 2, r.accounts.active());
        PaymentRow s = new PaymentRow(m, r.code, r.provider, a, at);
        s.fields.remove(HEADER.indexOf("accounts_active"));
        rows.add(
            s.bad(
                "missing-column",
                "required column accounts_active absent from the "
                    + "header (a later VNPT Money supplement; it replaces nothing)"));
      }
    }
    write("2025-04_vnpt-money_bo-sung.csv", header, rows);
  }

  private void writeCorrections() {
    List<PaymentRow> rows = new ArrayList<>();
    OffsetDateTime local = OffsetDateTime.of(2025, 11, 12, 10, 5, 0, 0, Dates.PLUS7);
    OffsetDateTime utc = OffsetDateTime.of(2025, 11, 12, 3, 20, 0, 0, ZoneOffset.UTC);
    rows.add(corrected(YearMonth.of(2025, 3), "Agribank", 50, local, 1.03));
    rows.add(corrected(YearMonth.of(2025, 6), "MoMo", 70, local, 0.97));
    rows.add(corrected(YearMonth.of(2025, 9), "BIDV", 8, utc, 1.05));
    rows.add(corrected(YearMonth.of(2025, 10), "Viettel Money", 30, utc, 1.02));
    rows.add(corrected(YearMonth.of(2025, 10), "Agribank", 90, utc.plusMinutes(1), 0.98));
    PaymentRow base = find(monthRows(YearMonth.of(2025, 10)), "MoMo", 12);
    long active = base.accounts.total() + 40;
    rows.add(
        new PaymentRow(base.period, base.code, base.provider, base.accounts, utc.plusMinutes(2))
            .set("accounts_active", Long.toString(active))
            .bad(
                "active-exceeds-total",
                "correction with accounts_active "
                    + active
                    + " > accounts_total "
                    + base.accounts.total()
                    + " (quarantined: the original row stays)"));
    write("dieu-chinh-2025-11-12.csv", HEADER, rows);
  }

  /** A provider's re-export that failed: the file landed with 0 bytes (no header, no record). */
  private void writeFailedExport() {
    String name = FAILED_EXPORT;
    Output.write(dir.resolve(name), new byte[0]);
    catalog.tricky(
        SOURCE,
        name,
        "",
        "0-byte file: a Viettel Money re-export of 2025-10 that " + "failed (no header, no record)",
        "list it in the run report's file_details with 0 rows "
            + "and the warning `…: empty file: 0 bytes, no record (an export that failed?)`; nothing "
            + "is quarantined; 2025-10.csv still holds Viettel Money's October rows");
    files.add(new FileInfo(name, 0, "0 bytes"));
  }

  private PaymentRow corrected(
      YearMonth m, String provider, int skip, OffsetDateTime at, double f) {
    PaymentRow r = find(monthRows(m), provider, skip);
    long total = Math.round(r.accounts.total() * f);
    Accounts a =
        new Accounts(
            total,
            Math.min(total, r.accounts.opened()),
            Math.min(total, Math.round(r.accounts.active() * f)));
    return new PaymentRow(m, r.code, r.provider, a, at)
        .tricky(
            "correction of "
                + m
                + " "
                + r.code
                + " "
                + provider
                + ": accounts_total "
                + r.accounts.total()
                + " -> "
                + total
                + (at.getOffset().equals(ZoneOffset.UTC) ? " (reported_at in `Z`)" : ""),
            "later reported_at wins");
  }

  private void write(String name, List<String> header, List<PaymentRow> rows) {
    RenderedCsv rendered =
        RenderedCsv.of(header, rows.stream().map(r -> r.fields).toList(), ',', "\n");
    Output.write(dir.resolve(name), rendered.text().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < rows.size(); i++) {
      PaymentRow r = rows.get(i);
      int line = rendered.startLines().get(i);
      if (r.rule != null) {
        catalog.bad(SOURCE, name, line, r.rule, r.what);
      } else {
        effective.offer(r.key(), r.reportedAt.toInstant(), name, r.accounts);
      }
      if (r.tricky != null) {
        catalog.tricky(SOURCE, name, Integer.toString(line), r.tricky, r.expect);
      }
    }
    files.add(new FileInfo(name, rows.size(), "UTF-8, `,`, LF, canonical headers"));
  }

  private PaymentSummary summary() {
    SortedMap<YearMonth, Long> totals = new TreeMap<>();
    SortedMap<YearMonth, Integer> rowCounts = new TreeMap<>();
    SortedMap<String, Map<String, Long>> cells = new TreeMap<>();
    effective
        .values()
        .forEach(
            (key, a) -> {
              String[] k = key.split("\\|");
              YearMonth m = YearMonth.parse(k[0]);
              totals.merge(m, a.total(), Long::sum);
              rowCounts.merge(m, 1, Integer::sum);
              cells
                  .computeIfAbsent(k[0] + "|" + k[1], x -> new TreeMap<>())
                  .merge(Provider.named(k[2]).type(), a.total(), Long::sum);
            });
    int[] oct = smallCells(cells, Dates.LAST);
    int[] jun = smallCells(cells, YearMonth.of(2025, 6));
    SortedMap<String, Long> communeTotals = new TreeMap<>();
    cells.forEach(
        (k, byType) ->
            communeTotals.put(k, byType.values().stream().mapToLong(Long::longValue).sum()));
    return new PaymentSummary(
        List.copyOf(files),
        communeTotals,
        totals,
        rowCounts,
        oct[0],
        oct[1],
        oct[2],
        jun[0],
        jun[1]);
  }

  /** Small provider-type cells (< 10) of a month: {cells, communes with one, with two+}. */
  private static int[] smallCells(SortedMap<String, Map<String, Long>> cells, YearMonth m) {
    int[] result = new int[3];
    cells.forEach(
        (key, byType) -> {
          if (key.startsWith(m + "|")) {
            int small = (int) byType.values().stream().filter(v -> v < 10).count();
            result[0] += small;
            result[1] += small == 1 ? 1 : 0;
            result[2] += small >= 2 ? 1 : 0;
          }
        });
    return result;
  }
}
