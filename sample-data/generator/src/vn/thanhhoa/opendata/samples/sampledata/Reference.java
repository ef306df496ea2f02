package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.PipelineConfig.UnitList;
import vn.thanhhoa.opendata.samples.UnitLists;

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

  /** The lists as the pipeline reads them (core.AdminUnits), plus the disputed codes. */
  static Reference load(Path dir) {
    AdminUnits units =
        UnitLists.load(
            dir,
            List.of(
                new UnitList(
                    "units_pre2025.csv",
                    Dates.FIRST_DAY,
                    Dates.REFORM.minusMonths(1).atEndOfMonth()),
                new UnitList("units_2025.csv", Dates.REFORM.atDay(1), null)),
            "crosswalk_2025.csv");
    SortedMap<String, OldUnit> old = new TreeMap<>();
    SortedMap<String, NewUnit> fresh = new TreeMap<>();
    for (AdminUnits.Unit u : units.units()) {
      if (u.validTo() != null) {
        old.put(
            u.code(),
            new OldUnit(u.code(), u.name(), u.districtCode(), u.districtName(), u.type()));
      } else {
        fresh.put(u.code(), new NewUnit(u.code(), u.name(), u.type()));
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (AdminUnits.CrosswalkEdge e : units.crosswalk()) {
      edges.add(new Edge(e.oldCode(), e.newCode(), e.oldUnitSplit()));
    }
    List<OldUnit> disputed = new ArrayList<>();
    for (Map<String, String> r : UnitLists.rows(dir.resolve("disputed_pre2025_codes.csv"))) {
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
