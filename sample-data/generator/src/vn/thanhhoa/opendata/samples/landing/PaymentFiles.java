package vn.thanhhoa.opendata.samples.landing;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.thanhhoa.opendata.samples.Encoding;
import vn.thanhhoa.opendata.samples.UnitNames;
import vn.thanhhoa.opendata.samples.landing.PaymentAccounts.Provider;

/** One month of payment-accounts/: a file per provider and the month's corrections file. */
final class PaymentFiles {
  private final YearMonth month;
  private final Map<Provider, StringBuilder> files = new LinkedHashMap<>();
  private final Map<Provider, Long> rows = new HashMap<>();
  private final Map<Provider, Map<String, Long>> bad = new HashMap<>();
  private final StringBuilder corrections = new StringBuilder(PaymentAccounts.HEADER);
  private long correctionRows;

  PaymentFiles(YearMonth month) {
    this.month = month;
  }

  YearMonth month() {
    return month;
  }

  void add(Provider p, String[] cells) {
    files
        .computeIfAbsent(p, k -> new StringBuilder(PaymentAccounts.HEADER))
        .append(Text.csvLine(List.of(cells), ','));
    rows.merge(p, 1L, Long::sum);
  }

  void bad(Provider p, String rule) {
    Tally.count(bad.computeIfAbsent(p, k -> new TreeMap<>()), rule);
  }

  /** A later submission of a row with other values. */
  void correction(String[] cells) {
    corrections.append(Text.csvLine(List.of(cells), ','));
    correctionRows++;
  }

  void write(Path folder, Tally tally) {
    for (Map.Entry<Provider, StringBuilder> f : files.entrySet()) {
      FileOut.write(
          folder.resolve(month + "_" + UnitNames.slug(f.getKey().name()) + ".csv"),
          f.getValue().toString(),
          Encoding.UTF8,
          tally,
          rows.get(f.getKey()),
          bad.getOrDefault(f.getKey(), Map.of()));
    }
    if (correctionRows > 0) {
      tally.resubmitted += correctionRows;
      FileOut.write(
          folder.resolve(month + "_dieu-chinh.csv"),
          corrections.toString(),
          Encoding.UTF8,
          tally,
          correctionRows,
          Map.of());
    }
  }
}
