package vn.thanhhoa.opendata.samples.sampledata;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** One CSV record with its key and (if deliberately wrong) its rule. */
final class PaymentRow {
  final YearMonth period;
  final String code;
  final Provider provider;
  final Accounts accounts;
  final OffsetDateTime reportedAt;
  final List<String> fields;
  String rule;
  String what;
  String tricky;
  String expect;

  PaymentRow(YearMonth period, String code, Provider provider, Accounts a, OffsetDateTime at) {
    this.period = period;
    this.code = code;
    this.provider = provider;
    this.accounts = a;
    this.reportedAt = at;
    this.fields =
        new ArrayList<>(
            List.of(
                period.toString(),
                code,
                provider.type(),
                provider.name(),
                Long.toString(a.total()),
                Long.toString(a.opened()),
                Long.toString(a.active()),
                Dates.ISO_OFFSET.format(at)));
  }

  PaymentRow set(String column, String value) {
    fields.set(PaymentAccountsWriter.HEADER.indexOf(column), value);
    return this;
  }

  PaymentRow bad(String ruleId, String description) {
    rule = ruleId;
    what = description;
    return this;
  }

  PaymentRow tricky(String description, String expectation) {
    tricky = description;
    expect = expectation;
    return this;
  }

  String key() {
    return period + "|" + code + "|" + provider.name();
  }

  /** The skip-th row of a provider. */
  static PaymentRow find(List<PaymentRow> rows, String providerName, int skip) {
    return rows.stream()
        .filter(r -> r.provider.name().equals(providerName))
        .skip(skip)
        .findFirst()
        .orElseThrow();
  }
}
