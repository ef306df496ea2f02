package vn.thanhhoa.opendata.samples.sampledata;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Monthly account counts: old communes for 2025-01..06, crosswalk sums for 2025-07..10. */
final class PaymentModel {
  static final double TOTAL_OCTOBER = 910_000;

  private final Map<YearMonth, SortedMap<String, Map<String, Accounts>>> months;

  private PaymentModel(Map<YearMonth, SortedMap<String, Map<String, Accounts>>> months) {
    this.months = months;
  }

  SortedMap<String, Map<String, Accounts>> month(YearMonth m) {
    return months.get(m);
  }

  static PaymentModel generate(Reference ref, ReportModel reports, Random rnd) {
    SortedMap<String, List<Holding>> holdings = new TreeMap<>();
    for (OldUnit u : ref.oldUnits()) {
      double pop = reports.get(Dates.FIRST, u.code()).population();
      holdings.put(u.code(), holdings(u, pop, rnd));
    }
    double scale = scaleToTarget(holdings);
    Map<YearMonth, SortedMap<String, Map<String, Accounts>>> months = new TreeMap<>();
    for (YearMonth m : Dates.months()) {
      SortedMap<String, Map<String, Accounts>> old = new TreeMap<>();
      for (Map.Entry<String, List<Holding>> e : holdings.entrySet()) {
        old.put(e.getKey(), oldAccounts(e.getValue(), m, scale, rnd));
      }
      months.put(m, Dates.preReform(m) ? old : aggregate(ref, old));
    }
    return new PaymentModel(months);
  }

  private static List<Holding> holdings(OldUnit u, double pop, Random rnd) {
    double perCapita =
        (u.urban() ? 0.42 : u.mountain() ? 0.12 : 0.21) * Seeds.uniform(rnd, 0.8, 1.2);
    Map<String, Boolean> present = new LinkedHashMap<>();
    Map<String, Boolean> small = new LinkedHashMap<>();
    boolean town = !u.type().equals("xã");
    present.put("Agribank", true);
    present.put("BIDV", u.urban() || town || pop > 8_000 || rnd.nextDouble() < 0.15);
    present.put("VietinBank", u.urban() || pop > 9_000 || rnd.nextDouble() < 0.1);
    present.put("Vietcombank", u.urban() && (u.type().equals("phường") || rnd.nextDouble() < 0.6));
    boolean momo = u.urban() || rnd.nextDouble() < (u.mountain() ? 0.35 : 0.9);
    present.put("MoMo", momo);
    boolean zalo =
        u.urban()
            || (!momo && rnd.nextDouble() < 0.6)
            || (momo && !u.mountain() && rnd.nextDouble() < 0.4);
    present.put("ZaloPay", zalo);
    small.put("ZaloPay", zalo && !momo);
    boolean viettel = u.urban() || rnd.nextDouble() < (u.mountain() ? 0.9 : 0.96);
    present.put("Viettel Money", viettel);
    boolean vnpt = u.urban() || !viettel || rnd.nextDouble() < 0.55;
    present.put("VNPT Money", vnpt);
    small.put("VNPT Money", vnpt && !u.urban() && (!viettel || rnd.nextDouble() < 0.3));
    double weights =
        Provider.ALL.stream()
            .filter(p -> present.get(p.name()) && !small.getOrDefault(p.name(), false))
            .mapToDouble(Provider::weight)
            .sum();
    List<Holding> result = new ArrayList<>();
    for (Provider p : Provider.ALL) {
      if (!present.get(p.name())) {
        continue;
      }
      boolean isSmall = small.getOrDefault(p.name(), false);
      double base =
          isSmall
              ? 1 + rnd.nextInt(8)
              : pop * perCapita * p.weight() / weights * Seeds.uniform(rnd, 0.85, 1.15);
      result.add(new Holding(p, base, isSmall, p.activeShare() * Seeds.uniform(rnd, 0.85, 1.1)));
    }
    return result;
  }

  private static double total(Holding h, int k, double scale) {
    return h.small() ? h.base() : h.base() * scale * Math.pow(1 + h.provider().growth(), k);
  }

  private static double scaleToTarget(SortedMap<String, List<Holding>> holdings) {
    double smallSum = 0;
    double largeSum = 0;
    for (List<Holding> list : holdings.values()) {
      for (Holding h : list) {
        double october = total(h, 9, 1.0);
        if (h.small()) {
          smallSum += Math.round(october);
        } else {
          largeSum += october;
        }
      }
    }
    return (TOTAL_OCTOBER - smallSum) / largeSum;
  }

  private static Map<String, Accounts> oldAccounts(
      List<Holding> holdings, YearMonth m, double scale, Random rnd) {
    int k = m.getMonthValue() - 1;
    Map<String, Accounts> result = new LinkedHashMap<>();
    for (Holding h : holdings) {
      long total = Math.round(total(h, k, scale));
      double grown = total(h, k, scale) - total(h, k - 1, scale);
      long opened =
          h.small()
              ? (rnd.nextDouble() < 0.3 ? 1 : 0)
              : Math.round(grown + total * Seeds.uniform(rnd, 0.004, 0.008));
      long active =
          Math.round(total * Math.min(0.95, h.activeShare() * Seeds.uniform(rnd, 0.97, 1.03)));
      result.put(
          h.provider().name(),
          new Accounts(total, Math.min(opened, total), Math.min(active, total)));
    }
    return result;
  }

  private static SortedMap<String, Map<String, Accounts>> aggregate(
      Reference ref, SortedMap<String, Map<String, Accounts>> old) {
    SortedMap<String, Map<String, Accounts>> result = new TreeMap<>();
    for (NewUnit n : ref.newUnits()) {
      Map<String, double[]> sums = new TreeMap<>();
      for (Edge e : ref.predecessors(n.code())) {
        double s = ref.share(e);
        old.get(e.oldCode())
            .forEach(
                (provider, a) -> {
                  double[] sum = sums.computeIfAbsent(provider, p -> new double[3]);
                  sum[0] += s * a.total();
                  sum[1] += s * a.opened();
                  sum[2] += s * a.active();
                });
      }
      Map<String, Accounts> accounts = new LinkedHashMap<>();
      for (Provider p : Provider.ALL) {
        double[] sum = sums.get(p.name());
        if (sum != null && Math.round(sum[0]) > 0) {
          accounts.put(
              p.name(), new Accounts(Math.round(sum[0]), Math.round(sum[1]), Math.round(sum[2])));
        }
      }
      result.put(n.code(), accounts);
    }
    return result;
  }
}
