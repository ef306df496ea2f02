package vn.thanhhoa.opendata.samples.landing;

import java.nio.file.Path;
import java.util.List;
import vn.thanhhoa.opendata.samples.UnitLists;

/** One commune of a unit list (district fields only on pre-reform lists). */
record Commune(
    String provinceCode,
    String districtCode,
    String districtName,
    String code,
    String name,
    String type) {

  /** The communes of a unit list. */
  static List<Commune> list(Path file) {
    return UnitLists.rows(file).stream()
        .map(
            r ->
                new Commune(
                    r.get("province_code"),
                    r.get("district_code"),
                    r.get("district_name"),
                    r.get("commune_code"),
                    r.get("commune_name"),
                    r.get("commune_type")))
        .toList();
  }
}
