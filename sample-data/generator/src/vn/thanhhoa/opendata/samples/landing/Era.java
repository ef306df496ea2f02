package vn.thanhhoa.opendata.samples.landing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A unit list and the dates it is valid for (to == null: still valid). */
record Era(String file, LocalDate from, LocalDate to, List<Commune> communes) {
  boolean contains(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }

  Map<String, List<Commune>> byProvince() {
    Map<String, List<Commune>> m = new TreeMap<>();
    communes.forEach(c -> m.computeIfAbsent(c.provinceCode(), k -> new ArrayList<>()).add(c));
    return m;
  }
}
