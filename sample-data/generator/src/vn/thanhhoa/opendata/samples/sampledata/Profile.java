package vn.thanhhoa.opendata.samples.sampledata;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Per old commune constants from which its monthly figures are drawn. */
record Profile(
    double population,
    double householdSize,
    long teams,
    int teamGrowthMonth,
    double memberRatio,
    double dossierRate,
    double lateShare,
    double pctBase,
    double fiberBase,
    int dtMonth) {

  static final double POPULATION = 3_700_000;
  static final double HOUSEHOLDS = 1_100_000;
  static final double TEAMS_JANUARY = 4_330;

  static SortedMap<String, Profile> all(Reference ref, Random rnd) {
    SortedMap<String, Double> raw = new TreeMap<>();
    for (OldUnit u : ref.oldUnits()) {
      raw.put(u.code(), rawPopulation(u, rnd));
    }
    double popScale = POPULATION / raw.values().stream().mapToDouble(d -> d).sum() / 1.0036;
    double perTeam = POPULATION / TEAMS_JANUARY;
    SortedMap<String, Double> householdSizes = new TreeMap<>();
    for (String code : raw.keySet()) {
      householdSizes.put(code, Seeds.uniform(rnd, 3.0, 3.75));
    }
    double households =
        raw.keySet().stream().mapToDouble(c -> raw.get(c) * popScale / householdSizes.get(c)).sum();
    double hhScale = households / (HOUSEHOLDS / 1.0036);
    SortedMap<String, Profile> profiles = new TreeMap<>();
    for (OldUnit u : ref.oldUnits()) {
      double pop = raw.get(u.code()) * popScale;
      profiles.put(u.code(), profile(u, pop, householdSizes.get(u.code()) * hhScale, perTeam, rnd));
    }
    return profiles;
  }

  private static double rawPopulation(OldUnit u, Random rnd) {
    double base =
        switch (u.type()) {
          case "phường" -> 13_000;
          case "thị trấn" -> 9_500;
          default -> u.mountain() ? 4_600 : 6_800;
        };
    return base * Math.exp(0.35 * rnd.nextGaussian());
  }

  private static Profile profile(OldUnit u, double pop, double hhSize, double perTeam, Random rnd) {
    long teams = Math.max(2, Math.round(pop / perTeam * Seeds.uniform(rnd, 0.8, 1.2)));
    int growth = rnd.nextDouble() < 0.15 ? 2 + rnd.nextInt(9) : 99;
    double ratio = Seeds.uniform(rnd, 2.82, 3.77);
    double dossierRate = Seeds.uniform(rnd, 0.006, 0.012) * (u.urban() ? 1.4 : 1.0);
    double r = rnd.nextDouble();
    double late =
        r < 0.05 ? 0 : r < 0.75 ? Seeds.uniform(rnd, 0.004, 0.02) : Seeds.uniform(rnd, 0.02, 0.05);
    double pct =
        u.urban()
            ? Seeds.uniform(rnd, 84, 92)
            : u.mountain() ? Seeds.uniform(rnd, 56, 72) : Seeds.uniform(rnd, 70, 84);
    double fiber =
        u.urban()
            ? Seeds.uniform(rnd, 0.85, 0.95)
            : u.mountain() ? Seeds.uniform(rnd, 0.32, 0.6) : Seeds.uniform(rnd, 0.62, 0.85);
    int dtMonth = 1 + rnd.nextInt(14);
    return new Profile(pop, hhSize, teams, growth, ratio, dossierRate, late, pct, fiber, dtMonth);
  }
}
