package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Monthly report figures: old communes for 2025-01..06, crosswalk sums for 2025-07..10. */
final class ReportModel {
  private static final double[] SEASON = {0.8, 0.75, 1.0, 1.0, 1.05, 1.05, 1.0, 1.0, 1.05, 1.1};

  private final Map<YearMonth, SortedMap<String, ReportFigures>> figures;
  private final Map<String, LocalDateTime> submitted;

  private ReportModel(
      Map<YearMonth, SortedMap<String, ReportFigures>> figures,
      Map<String, LocalDateTime> submitted) {
    this.figures = figures;
    this.submitted = submitted;
  }

  static ReportModel generate(Reference ref, Random rnd) {
    SortedMap<String, Profile> profiles = Profile.all(ref, rnd);
    Map<YearMonth, SortedMap<String, ReportFigures>> figures = new TreeMap<>();
    for (YearMonth m : Dates.months()) {
      SortedMap<String, ReportFigures> old = oldFigures(profiles, m, rnd);
      figures.put(m, Dates.preReform(m) ? old : aggregate(ref, old));
    }
    Map<String, LocalDateTime> submitted = new TreeMap<>();
    for (YearMonth m : Dates.months()) {
      for (String code : figures.get(m).keySet()) {
        submitted.put(key(m, code), submissionTime(m, rnd));
      }
    }
    return new ReportModel(figures, submitted);
  }

  SortedMap<String, ReportFigures> month(YearMonth m) {
    return figures.get(m);
  }

  ReportFigures get(YearMonth m, String code) {
    return figures.get(m).get(code);
  }

  LocalDateTime submittedAt(YearMonth m, String code) {
    return submitted.get(key(m, code));
  }

  static String key(YearMonth m, String code) {
    return m + "|" + code;
  }

  private static LocalDateTime submissionTime(YearMonth m, Random rnd) {
    return m.plusMonths(1).atDay(2 + rnd.nextInt(8)).atTime(7 + rnd.nextInt(10), rnd.nextInt(60));
  }

  private static SortedMap<String, ReportFigures> oldFigures(
      SortedMap<String, Profile> profiles, YearMonth m, Random rnd) {
    int k = m.getMonthValue() - 1;
    SortedMap<String, ReportFigures> result = new TreeMap<>();
    profiles.forEach((code, p) -> result.put(code, figures(p, k, rnd)));
    return result;
  }

  private static ReportFigures figures(Profile p, int k, Random rnd) {
    long pop = Math.round(p.population() * (1 + 0.0004 * k));
    long households = Math.round(pop / p.householdSize());
    long teams = p.teams() + (k + 1 >= p.teamGrowthMonth() ? 1 : 0);
    long members = Math.round(teams * p.memberRatio() * (1 + 0.002 * k));
    long received =
        Math.round(p.population() * p.dossierRate() * SEASON[k] * Seeds.uniform(rnd, 0.9, 1.1));
    long late =
        Math.min(received, Math.round(received * p.lateShare() * Seeds.uniform(rnd, 0.5, 1.5)));
    double pct = Math.min(99.0, p.pctBase() + 0.3 * k + Seeds.uniform(rnd, -0.2, 0.2));
    long fiber =
        Math.min(households, Math.round(households * Math.min(0.99, p.fiberBase() + 0.004 * k)));
    return new ReportFigures(
        pop,
        households,
        teams,
        members,
        received,
        received - late,
        (int) Math.round(pct * 10),
        fiber,
        k + 1 >= p.dtMonth());
  }

  /** Post-reform figures: counts summed over predecessors (split units shared equally). */
  private static SortedMap<String, ReportFigures> aggregate(
      Reference ref, SortedMap<String, ReportFigures> old) {
    SortedMap<String, ReportFigures> result = new TreeMap<>();
    for (NewUnit n : ref.newUnits()) {
      double[] sum = new double[9];
      for (Edge e : ref.predecessors(n.code())) {
        double s = ref.share(e);
        ReportFigures f = old.get(e.oldCode());
        double[] add = {
          f.population(),
          f.households(),
          f.teams(),
          f.members(),
          f.received(),
          f.onTime(),
          f.pctTenths() * (double) f.population(),
          f.fiber(),
          f.dtCompleted() ? f.population() : 0
        };
        for (int i = 0; i < sum.length; i++) {
          sum[i] += s * add[i];
        }
      }
      result.put(
          n.code(),
          new ReportFigures(
              Math.round(sum[0]),
              Math.round(sum[1]),
              Math.round(sum[2]),
              Math.round(sum[3]),
              Math.round(sum[4]),
              Math.round(sum[5]),
              (int) Math.round(sum[6] / sum[0]),
              Math.round(sum[7]),
              sum[8] >= 0.5 * sum[0]));
    }
    return result;
  }
}
