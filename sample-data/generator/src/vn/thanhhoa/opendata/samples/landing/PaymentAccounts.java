package vn.thanhhoa.opendata.samples.landing;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * payment-accounts/: strict machine-made CSV, one file per provider and month (each commune served
 * by about five providers of the three types), plus one correction file per month.
 */
final class PaymentAccounts {
  record Provider(String name, String type) {}

  static final List<Provider> BANKS =
      List.of(
          new Provider("VietinBank", "bank"),
          new Provider("BIDV", "bank"),
          new Provider("Vietcombank", "bank"),
          new Provider("MB", "bank"),
          new Provider("Techcombank", "bank"),
          new Provider("Sacombank", "bank"));
  static final Provider AGRIBANK = new Provider("Agribank", "bank");
  static final List<Provider> WALLETS =
      List.of(
          new Provider("MoMo", "e_wallet"),
          new Provider("ZaloPay", "e_wallet"),
          new Provider("ShopeePay", "e_wallet"),
          new Provider("VNPay", "e_wallet"));
  static final List<Provider> MOBILE =
      List.of(
          new Provider("Viettel Money", "mobile_money"),
          new Provider("VNPT Money", "mobile_money"),
          new Provider("MobiFone Money", "mobile_money"));
  static final String HEADER =
      "period,commune_code,provider_type,provider_name,accounts_total,accounts_opened,"
          + "accounts_active,reported_at\n";

  enum Fault {
    BAD_MONTH("bad-month"),
    BAD_CODE("bad-commune-code"),
    UNKNOWN_CODE("unknown-commune-code"),
    BAD_TYPE("unknown-value"),
    MISSING_NAME("missing-value"),
    BAD_INTEGER("bad-integer"),
    NEGATIVE("out-of-range"),
    BAD_TIMESTAMP("bad-timestamp"),
    OPENED_EXCEEDS("opened-exceeds-total"),
    ACTIVE_EXCEEDS("active-exceeds-total"),
    NO_UNIT_LIST("unit-list-unavailable");

    final String rule;

    Fault(String rule) {
      this.rule = rule;
    }
  }

  private final Options options;
  private final Scope scope;

  PaymentAccounts(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
  }

  Tally write(Path folder) {
    Tally tally = new Tally("payment-accounts", "landing");
    for (YearMonth month : scope.months) {
      Era era = scope.eraOn(month.atDay(1));
      PaymentFiles files = new PaymentFiles(month);
      SplittableRandom rnd = Seeds.rng(options.seed(), "payments/" + month, 0);
      for (Commune c : era.communes()) {
        for (Provider p : providers(era, c)) {
          row(files, era, c, p, rnd);
        }
      }
      files.write(folder, tally);
    }
    return tally;
  }

  /** One provider's row of a commune, sometimes broken, sometimes corrected later. */
  private void row(PaymentFiles files, Era era, Commune c, Provider p, SplittableRandom rnd) {
    YearMonth month = files.month();
    long[] counts = counts(month, era, c, p, rnd);
    String reported =
        month.plusMonths(1).atDay(1 + rnd.nextInt(7))
            + "T"
            + Text.twoDigits(8 + rnd.nextInt(10))
            + ":"
            + Text.twoDigits(rnd.nextInt(60))
            + ":00+07:00";
    String[] cells = cells(month, c, p, counts, reported);
    if (rnd.nextDouble() < options.bad()) {
      Fault fault = Seeds.pick(rnd, Fault.values());
      cells = broken(fault, cells, counts, era, rnd);
      files.bad(p, fault.rule);
    }
    files.add(p, cells);
    if (rnd.nextDouble() < 0.002) {
      long[] later = {counts[0] + 3, counts[1] + 3, counts[2]};
      files.correction(
          cells(month, c, p, later, month.plusMonths(1).atDay(15) + "T10:00:00+07:00"));
    }
  }

  private static String[] cells(
      YearMonth month, Commune c, Provider p, long[] counts, String reported) {
    return new String[] {
      month.toString(),
      c.code(),
      p.type(),
      p.name(),
      Long.toString(counts[0]),
      Long.toString(counts[1]),
      Long.toString(counts[2]),
      reported
    };
  }

  /**
   * Five on average: Agribank, another bank, often a third, one or two e-wallets, a mobile-money
   * provider.
   */
  private List<Provider> providers(Era era, Commune c) {
    SplittableRandom rnd =
        Seeds.rng(options.seed(), "providers/" + era.file(), Long.parseLong(c.code()));
    List<Provider> list = new ArrayList<>();
    list.add(AGRIBANK);
    List<Provider> banks = new ArrayList<>(BANKS);
    list.add(banks.remove(rnd.nextInt(banks.size())));
    if (rnd.nextBoolean()) {
      list.add(banks.remove(rnd.nextInt(banks.size())));
    }
    List<Provider> wallets = new ArrayList<>(WALLETS);
    list.add(wallets.remove(rnd.nextInt(wallets.size())));
    if (rnd.nextBoolean()) {
      list.add(wallets.remove(rnd.nextInt(wallets.size())));
    }
    list.add(Seeds.pick(rnd, MOBILE));
    return list;
  }

  /** total, opened, active: growing month by month; some small counts, to exercise small cells. */
  private long[] counts(YearMonth month, Era era, Commune c, Provider p, SplittableRandom rnd) {
    SplittableRandom base =
        Seeds.rng(
            options.seed(), "accounts/" + era.file() + "/" + p.name(), Long.parseLong(c.code()));
    long start = p.type().equals("bank") ? 50 + base.nextInt(4_000) : 2 + base.nextInt(600);
    long total = Math.round(start * (1 + 0.01 * scope.months.indexOf(month))) + rnd.nextInt(5);
    long opened = Math.min(total, total / 50 + rnd.nextInt(4));
    long active = total * (40 + rnd.nextInt(50)) / 100;
    return new long[] {total, opened, active};
  }

  private String[] broken(Fault fault, String[] c, long[] counts, Era era, SplittableRandom rnd) {
    switch (fault) {
      case BAD_MONTH -> c[0] = c[0].substring(5) + "/" + c[0].substring(0, 4);
      case BAD_CODE -> c[1] = c[1].substring(1);
      case UNKNOWN_CODE -> c[1] = scope.unknownCodeFor(era, rnd);
      case BAD_TYPE -> c[2] = "credit_card";
      case MISSING_NAME -> c[3] = "";
      case BAD_INTEGER -> c[4] = c[4] + ".0";
      case NEGATIVE -> c[5] = "-" + (1 + rnd.nextInt(9));
      case BAD_TIMESTAMP -> c[7] = c[7].substring(0, 10) + " " + c[7].substring(11, 19);
      case OPENED_EXCEEDS -> c[5] = Long.toString(counts[0] + 1);
      case ACTIVE_EXCEEDS -> c[6] = Long.toString(counts[0] + 1);
      case NO_UNIT_LIST -> c[0] = YearMonth.from(scope.earliest()).minusMonths(1).toString();
    }
    return c;
  }
}
