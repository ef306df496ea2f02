package vn.thanhhoa.opendata.samples.sampledata;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** The deliberately bad and tricky rows of each month's payment file. */
final class PaymentMonthSpecials {
  private final Reference ref;

  PaymentMonthSpecials(Reference ref) {
    this.ref = ref;
  }

  /** Adds the month's deliberately bad and tricky rows to its rows. */
  void apply(YearMonth m, List<PaymentRow> rows) {
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
    PaymentRow r = PaymentRow.find(rows, "Agribank", 20);
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
    PaymentRow template = PaymentRow.find(rows, "Viettel Money", 3);
    String ghost = ref.disputed().get(1).code();
    rows.add(
        new PaymentRow(
                template.period, ghost, template.provider, template.accounts, template.reportedAt)
            .bad(
                "unknown-commune-code",
                "commune_code "
                    + ghost
                    + " (disputed Jan–Feb 2025 snapshot code) is not in units_pre2025.csv"));
    PaymentRow.find(rows, "MoMo", 44)
        .set("provider_type", "ewallet")
        .bad("unknown-value", "provider_type `ewallet` is not one of bank, e_wallet, mobile_money");
  }

  private void march(List<PaymentRow> rows) {
    PaymentRow.find(rows, "VietinBank", 12)
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
    PaymentRow r = PaymentRow.find(rows, "BIDV", 25);
    long opened = r.accounts.total() + 15;
    r.set("accounts_opened", Long.toString(opened))
        .bad(
            "opened-exceeds-total",
            "accounts_opened " + opened + " > accounts_total " + r.accounts.total());
    PaymentRow extra = PaymentRow.find(rows, "Agribank", 140);
    extra.fields.add("");
    extra.bad("field-count", "trailing comma: 9 fields for 8 columns");
  }

  private void may(List<PaymentRow> rows) {
    PaymentRow r = PaymentRow.find(rows, "Vietcombank", 6);
    String local = r.reportedAt.toLocalDateTime().toString() + ":00";
    r.set("reported_at", local)
        .bad(
            "bad-timestamp", "reported_at `" + local + "` has no offset: this source requires one");
    for (int skip : List.of(100, 101, 102)) {
      PaymentRow twin = PaymentRow.find(rows, "Agribank", skip);
      rows.add(
          new PaymentRow(twin.period, twin.code, twin.provider, twin.accounts, twin.reportedAt)
              .tricky(
                  "exact duplicate (the provider's export repeated three rows at the end)",
                  "count as read and accepted; reaches the dataset once"));
    }
  }

  private void june(List<PaymentRow> rows) {
    PaymentRow.find(rows, "ZaloPay", 15)
        .set("provider_name", "")
        .bad("missing-value", "provider_name blank");
    PaymentRow.find(rows, "Viettel Money", 200)
        .set("accounts_opened", "-3")
        .bad("out-of-range", "accounts_opened -3 < 0");
    PaymentRow.find(rows, "Agribank", 0)
        .tricky(
            "June rows reported in July with old codes",
            "period decides: validate against units_pre2025.csv");
  }

  private void july(List<PaymentRow> rows) {
    PaymentRow r = PaymentRow.find(rows, "Agribank", 33);
    String typo = r.code.substring(0, 4);
    r.set("commune_code", typo).bad("bad-commune-code", "commune_code `" + typo + "` has 4 digits");
  }

  private void august(List<PaymentRow> rows) {
    String retired = ref.retiredCodes().get(200);
    PaymentRow template = PaymentRow.find(rows, "VNPT Money", 4);
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
}
