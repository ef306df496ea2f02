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
  private final PaymentMonthSpecials specials;
  private final PaymentModel model;
  private final Catalog catalog;
  private final Path dir;
  private final Effective<Accounts> effective = new Effective<>();
  private final List<FileInfo> files = new ArrayList<>();

  PaymentAccountsWriter(Reference ref, PaymentModel model, Catalog catalog, Path root) {
    this.ref = ref;
    this.specials = new PaymentMonthSpecials(ref);
    this.model = model;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
  }

  PaymentSummary writeAll() {
    for (YearMonth m : Dates.months()) {
      List<PaymentRow> rows = monthRows(m);
      specials.apply(m, rows);
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
    PaymentRow base = PaymentRow.find(monthRows(YearMonth.of(2025, 10)), "MoMo", 12);
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
            + "and the warning `…: empty file: 0 bytes, no record (an export that "
            + "failed?)`; nothing "
            + "is quarantined; 2025-10.csv still holds Viettel Money's October rows");
    files.add(new FileInfo(name, 0, "0 bytes"));
  }

  private PaymentRow corrected(
      YearMonth m, String provider, int skip, OffsetDateTime at, double f) {
    PaymentRow r = PaymentRow.find(monthRows(m), provider, skip);
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
