package vn.thanhhoa.opendata.samples.sampledata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The reference lists of {@code conf/admin-units}, indexed by code (sorted maps only). */
final class Reference {
  private final SortedMap<String, OldUnit> oldUnits;
  private final SortedMap<String, NewUnit> newUnits;
  private final SortedMap<String, List<Edge>> byOld;
  private final SortedMap<String, List<Edge>> byNew;
  private final List<OldUnit> disputed;

  private Reference(
      SortedMap<String, OldUnit> oldUnits,
      SortedMap<String, NewUnit> newUnits,
      List<Edge> edges,
      List<OldUnit> disputed) {
    this.oldUnits = oldUnits;
    this.newUnits = newUnits;
    this.byOld = new TreeMap<>();
    this.byNew = new TreeMap<>();
    for (Edge e : edges) {
      byOld.computeIfAbsent(e.oldCode(), k -> new ArrayList<>()).add(e);
      byNew.computeIfAbsent(e.newCode(), k -> new ArrayList<>()).add(e);
    }
    byOld.values().forEach(l -> l.sort(Comparator.comparing(Edge::newCode)));
    byNew.values().forEach(l -> l.sort(Comparator.comparing(Edge::oldCode)));
    this.disputed = List.copyOf(disputed);
  }

  static Reference load(Path dir) throws IOException {
    SortedMap<String, OldUnit> old = new TreeMap<>();
    for (Map<String, String> r : Csv.readTable(dir.resolve("units_pre2025.csv"))) {
      old.put(r.get("commune_code"), oldUnit(r));
    }
    SortedMap<String, NewUnit> fresh = new TreeMap<>();
    for (Map<String, String> r : Csv.readTable(dir.resolve("units_2025.csv"))) {
      fresh.put(
          r.get("commune_code"),
          new NewUnit(r.get("commune_code"), r.get("commune_name"), r.get("commune_type")));
    }
    List<Edge> edges = new ArrayList<>();
    for (Map<String, String> r : Csv.readTable(dir.resolve("crosswalk_2025.csv"))) {
      edges.add(
          new Edge(
              r.get("old_commune_code"),
              r.get("new_commune_code"),
              Boolean.parseBoolean(r.get("old_unit_split"))));
    }
    List<OldUnit> disputed = new ArrayList<>();
    for (Map<String, String> r : Csv.readTable(dir.resolve("disputed_pre2025_codes.csv"))) {
      disputed.add(
          new OldUnit(
              r.get("old_commune_code"),
              r.get("old_commune_name"),
              r.get("old_district_code"),
              r.get("old_district_name"),
              "xã"));
    }
    return new Reference(old, fresh, edges, disputed);
  }

  private static OldUnit oldUnit(Map<String, String> r) {
    return new OldUnit(
        r.get("commune_code"),
        r.get("commune_name"),
        r.get("district_code"),
        r.get("district_name"),
        r.get("commune_type"));
  }

  List<OldUnit> oldUnits() {
    return List.copyOf(oldUnits.values());
  }

  List<NewUnit> newUnits() {
    return List.copyOf(newUnits.values());
  }

  OldUnit old(String code) {
    return require(oldUnits.get(code), code);
  }

  NewUnit fresh(String code) {
    return require(newUnits.get(code), code);
  }

  boolean isNew(String code) {
    return newUnits.containsKey(code);
  }

  List<Edge> predecessors(String newCode) {
    return byNew.get(newCode);
  }

  List<Edge> successors(String oldCode) {
    return byOld.get(oldCode);
  }

  /** Equal share of a split old unit among its successors (1 for unsplit units). */
  double share(Edge e) {
    return 1.0 / byOld.get(e.oldCode()).size();
  }

  /** The successor with the lowest code: where a seller of a split unit is taken to be. */
  String primarySuccessor(String oldCode) {
    return byOld.get(oldCode).get(0).newCode();
  }

  List<String> districtCodes() {
    return oldUnits.values().stream().map(OldUnit::districtCode).distinct().sorted().toList();
  }

  List<OldUnit> district(String districtCode) {
    return oldUnits.values().stream().filter(u -> u.districtCode().equals(districtCode)).toList();
  }

  String districtName(String districtCode) {
    return district(districtCode).get(0).districtName();
  }

  List<OldUnit> disputed() {
    return disputed;
  }

  /** Old codes that are not reused as a new code: unknown after 2025-07-01. */
  List<String> retiredCodes() {
    return oldUnits.keySet().stream().filter(c -> !newUnits.containsKey(c)).toList();
  }

  private static <T> T require(T value, String code) {
    if (value == null) {
      throw new IllegalArgumentException("Unknown commune code: " + code);
    }
    return value;
  }
}
