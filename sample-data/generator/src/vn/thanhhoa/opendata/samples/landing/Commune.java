package vn.thanhhoa.opendata.samples.landing;

/** One commune of a unit list (district fields only on pre-reform lists). */
record Commune(
    String provinceCode,
    String districtCode,
    String districtName,
    String code,
    String name,
    String type) {}
