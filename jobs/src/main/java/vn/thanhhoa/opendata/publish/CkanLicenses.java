package vn.thanhhoa.opendata.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thanhhoa.opendata.core.DatasetCatalog;

/** license_list: the register of licenses, as CKAN lists it. */
final class CkanLicenses {
  private CkanLicenses() {}

  static List<Map<String, Object>> list(DatasetCatalog catalog) {
    return catalog.licenses().stream().map(CkanLicenses::license).toList();
  }

  private static Map<String, Object> license(DatasetCatalog.License l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("title", l.title());
    m.put("url", l.url());
    m.put("od_conformance", l.odConformance());
    m.put("osd_conformance", "not reviewed");
    m.put("status", "active");
    m.put("maintainer", "");
    m.put("family", "");
    m.put("is_generic", l.url().isEmpty());
    m.put("is_okd_compliant", l.isOpen());
    m.put("is_osi_compliant", false);
    m.put("domain_content", false);
    m.put("domain_data", false);
    m.put("domain_software", false);
    return m;
  }
}
