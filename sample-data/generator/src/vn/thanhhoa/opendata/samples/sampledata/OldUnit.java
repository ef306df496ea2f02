package vn.thanhhoa.opendata.samples.sampledata;

import java.util.Set;

/** A pre-reform commune (valid 2025-01-01 .. 2025-06-30). */
record OldUnit(String code, String name, String districtCode, String districtName, String type) {
  static final Set<String> MOUNTAIN_DISTRICTS =
      Set.of("384", "385", "386", "387", "388", "389", "390", "391", "396", "402", "403");
  static final Set<String> CITY_DISTRICTS = Set.of("380", "381", "382");

  boolean mountain() {
    return MOUNTAIN_DISTRICTS.contains(districtCode);
  }

  boolean urban() {
    return !type.equals("xã") || CITY_DISTRICTS.contains(districtCode);
  }
}
