package vn.thanhhoa.opendata.publish;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/**
 * The package_show dicts CKAN's actions return, derived from the datasets' one definition.
 * Timestamps are left to {@link FeedTimes}; organizations, groups and licenses are {@link
 * CkanOrganizations}.
 */
final class CkanPackages {
  static final String CREATOR = Ids.user("thanhhoa-opendata-pipeline");
  private static final String COLUMNS_HEADER =
      "| Cột (column) | Kiểu (type) | Đơn vị (unit) | Nhãn | Description |\n"
          + "|---|---|---|---|---|\n";

  private final DatasetCatalog catalog;
  private final PipelineConfig.Portal portal;
  private final CkanOrganizations organizations;
  private final CkanResources resources;

  CkanPackages(DatasetCatalog catalog, PipelineConfig.Portal portal) {
    this.catalog = catalog;
    this.portal = portal;
    this.organizations = new CkanOrganizations(catalog);
    this.resources = new CkanResources(portal);
  }

  String landingPage(String dataset) {
    return portal.baseUrl() + "/dataset/" + dataset;
  }

  /** package_show without timestamps (metadata_created/modified, resources' dates are null). */
  Map<String, Object> packageShow(DatasetSpec spec, DatasetFiles.Written written) {
    String id = Ids.dataset(spec.name());
    Map<String, Object> p = new LinkedHashMap<>();
    describe(p, spec, id);
    people(p, catalog.organization());
    state(p);
    p.put("owner_org", Ids.organization(catalog.organization().name()));
    p.put("organization", organizations.organizationRow());
    license(p, catalog.license(spec.licenseId()));
    List<Map<String, Object>> tags = tags(spec);
    p.put("tags", tags);
    p.put("num_tags", tags.size());
    p.put("extras", extras(spec));
    p.put("groups", spec.groups().stream().map(organizations::groupRef).toList());
    List<Map<String, Object>> files = resources.list(spec, id, written);
    p.put("resources", files);
    p.put("num_resources", files.size());
    p.put("relationships_as_subject", List.of());
    p.put("relationships_as_object", List.of());
    return p;
  }

  private void describe(Map<String, Object> p, DatasetSpec spec, String id) {
    p.put("id", id);
    p.put("name", spec.name());
    p.put("title", spec.title().vi().strip());
    p.put("notes", notes(spec));
    p.put("url", landingPage(spec.name()));
    p.put("version", null);
  }

  private static void people(Map<String, Object> p, DatasetCatalog.Organization org) {
    p.put("author", org.title());
    p.put("author_email", org.email());
    p.put("maintainer", org.title());
    p.put("maintainer_email", org.email());
  }

  private static void state(Map<String, Object> p) {
    p.put("type", "dataset");
    p.put("state", "active");
    p.put("private", false);
    p.put("metadata_created", null);
    p.put("metadata_modified", null);
    p.put("creator_user_id", CREATOR);
  }

  private static void license(Map<String, Object> p, DatasetCatalog.License license) {
    p.put("license_id", license.id());
    p.put("license_title", license.title());
    if (!license.url().isEmpty()) {
      p.put("license_url", license.url());
    }
    p.put("isopen", license.isOpen());
  }

  /** Markdown notes: the Vietnamese description, the English one, and the columns. */
  private static String notes(DatasetSpec spec) {
    StringBuilder md =
        new StringBuilder(spec.description().vi().strip())
            .append("\n\n")
            .append(spec.description().en().strip())
            .append("\n\nMỗi dòng / one row per: ")
            .append(spec.grain())
            .append("\n\n")
            .append(COLUMNS_HEADER);
    spec.columns().forEach(c -> md.append(columnRow(c)));
    return md.toString().strip();
  }

  private static String columnRow(DatasetSpec.Column c) {
    return "| `"
        + c.name()
        + "` | "
        + c.type()
        + " | "
        + (c.unit() == null ? "" : c.unit())
        + " | "
        + c.label()
        + " | "
        + c.description().replace("|", "\\|")
        + " |\n";
  }

  private static List<Map<String, Object>> tags(DatasetSpec spec) {
    return spec.tags().stream()
        .map(t -> Normalizer.normalize(t.strip(), Normalizer.Form.NFC))
        .distinct()
        .sorted()
        .map(CkanPackages::tag)
        .toList();
  }

  private static Map<String, Object> tag(String name) {
    Map<String, Object> tag = new LinkedHashMap<>();
    tag.put("id", Ids.tag(name));
    tag.put("name", name);
    tag.put("display_name", name);
    tag.put("state", "active");
    tag.put("vocabulary_id", null);
    return tag;
  }

  private static List<Map<String, Object>> extras(DatasetSpec spec) {
    Map<String, String> extras = new TreeMap<>();
    // ckanext-dcat maps these extras to dct:accrualPeriodicity and dct:language, which DCAT-AP
    // wants as URIs of the EU vocabularies.
    extras.put("frequency", DcatCatalog.frequencyUri(spec.frequency()));
    extras.put("grain", spec.grain());
    extras.put("language", DcatCatalog.LANGUAGE_VI);
    extras.put("notes_en", spec.description().en().strip());
    extras.put("spatial_text", "Tỉnh Thanh Hóa, Việt Nam");
    extras.put("title_en", spec.title().en().strip());
    List<Map<String, Object>> list = new ArrayList<>();
    extras.forEach((k, v) -> list.add(extra(k, v)));
    return list;
  }

  private static Map<String, Object> extra(String key, String value) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("key", key);
    extra.put("value", value);
    return extra;
  }
}
