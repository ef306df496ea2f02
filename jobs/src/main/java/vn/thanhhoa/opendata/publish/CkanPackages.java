package vn.thanhhoa.opendata.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/**
 * The dicts CKAN's actions return (package_show, organization_show, group_show, license_list),
 * derived from the datasets' one definition. Timestamps are left to {@link FeedTimes}.
 */
final class CkanPackages {
  static final String CREATOR = Ids.user("thanhhoa-opendata-pipeline");
  private static final Map<String, String[]> FORMATS =
      Map.of(
          "csv", new String[] {"CSV", "text/csv", "CSV (UTF-8 có BOM, phân tách bằng dấu phẩy)"},
          "json", new String[] {"JSON", "application/json", "JSON (mảng các đối tượng)"},
          "parquet",
              new String[] {
                "Parquet",
                "application/vnd.apache.parquet",
                "Apache Parquet (nén zstd, có kiểu dữ liệu)"
              });

  private final DatasetCatalog catalog;
  private final PipelineConfig.Portal portal;

  CkanPackages(DatasetCatalog catalog, PipelineConfig.Portal portal) {
    this.catalog = catalog;
    this.portal = portal;
  }

  /** The URL of a dataset file, as {@code serve} and the portal expose it. */
  String fileUrl(String dataset, String path) {
    return portal.baseUrl() + "/datasets/" + dataset + "/" + path;
  }

  String landingPage(String dataset) {
    return portal.baseUrl() + "/dataset/" + dataset;
  }

  /** package_show without timestamps (metadata_created/modified, resources' dates are null). */
  Map<String, Object> packageShow(DatasetSpec spec, DatasetFiles.Written written) {
    String id = Ids.dataset(spec.name());
    DatasetCatalog.License license = catalog.license(spec.licenseId());
    DatasetCatalog.Organization org = catalog.organization();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", id);
    p.put("name", spec.name());
    p.put("title", spec.title().vi().strip());
    p.put("notes", notes(spec));
    p.put("url", landingPage(spec.name()));
    p.put("version", null);
    p.put("author", org.title());
    p.put("author_email", org.email());
    p.put("maintainer", org.title());
    p.put("maintainer_email", org.email());
    p.put("type", "dataset");
    p.put("state", "active");
    p.put("private", false);
    p.put("metadata_created", null);
    p.put("metadata_modified", null);
    p.put("creator_user_id", CREATOR);
    p.put("owner_org", Ids.organization(org.name()));
    p.put("organization", organizationRow());
    p.put("license_id", license.id());
    p.put("license_title", license.title());
    if (!license.url().isEmpty()) {
      p.put("license_url", license.url());
    }
    p.put("isopen", license.isOpen());
    List<Map<String, Object>> tags = tags(spec);
    p.put("tags", tags);
    p.put("num_tags", tags.size());
    p.put("extras", extras(spec));
    p.put(
        "groups",
        spec.groups().stream()
            .map(
                g ->
                    groupRef(
                        catalog.groups().stream()
                            .filter(x -> x.name().equals(g))
                            .findFirst()
                            .orElseThrow()))
            .toList());
    List<Map<String, Object>> resources = resources(spec, id, written);
    p.put("resources", resources);
    p.put("num_resources", resources.size());
    p.put("relationships_as_subject", List.of());
    p.put("relationships_as_object", List.of());
    return p;
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
            .append(
                "| Cột (column) | Kiểu (type) | Đơn vị (unit) | Nhãn | Description |\n|---|---|---|---|---|\n");
    for (DatasetSpec.Column c : spec.columns()) {
      md.append("| `")
          .append(c.name())
          .append("` | ")
          .append(c.type())
          .append(" | ")
          .append(c.unit() == null ? "" : c.unit())
          .append(" | ")
          .append(c.label())
          .append(" | ")
          .append(c.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return md.toString().strip();
  }

  private static List<Map<String, Object>> tags(DatasetSpec spec) {
    List<Map<String, Object>> tags = new ArrayList<>();
    spec.tags().stream()
        .map(t -> java.text.Normalizer.normalize(t.strip(), java.text.Normalizer.Form.NFC))
        .distinct()
        .sorted()
        .forEach(
            t -> {
              Map<String, Object> tag = new LinkedHashMap<>();
              tag.put("id", Ids.tag(t));
              tag.put("name", t);
              tag.put("display_name", t);
              tag.put("state", "active");
              tag.put("vocabulary_id", null);
              tags.add(tag);
            });
    return tags;
  }

  private static List<Map<String, Object>> extras(DatasetSpec spec) {
    Map<String, String> extras = new java.util.TreeMap<>();
    // ckanext-dcat maps these extras to dct:accrualPeriodicity and dct:language, which DCAT-AP
    // wants as URIs of the EU vocabularies.
    extras.put("frequency", DcatCatalog.frequencyUri(spec.frequency()));
    extras.put("grain", spec.grain());
    extras.put("language", DcatCatalog.LANGUAGE_VI);
    extras.put("notes_en", spec.description().en().strip());
    extras.put("spatial_text", "Tỉnh Thanh Hóa, Việt Nam");
    extras.put("title_en", spec.title().en().strip());
    List<Map<String, Object>> list = new ArrayList<>();
    extras.forEach(
        (k, v) -> {
          Map<String, Object> extra = new LinkedHashMap<>();
          extra.put("key", k);
          extra.put("value", v);
          list.add(extra);
        });
    return list;
  }

  private List<Map<String, Object>> resources(
      DatasetSpec spec, String packageId, DatasetFiles.Written written) {
    List<DatasetFiles.FileEntry> files = new ArrayList<>(written.files());
    files.sort(
        Comparator.comparing(
                (DatasetFiles.FileEntry f) -> List.of("csv", "json", "parquet").indexOf(f.format()))
            .thenComparing(DatasetFiles.FileEntry::path));
    List<Map<String, Object>> resources = new ArrayList<>();
    for (DatasetFiles.FileEntry f : files) {
      String[] format = FORMATS.get(f.format());
      String fileName = f.path().substring(f.path().lastIndexOf('/') + 1);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", Ids.resource(spec.name(), f.path()));
      r.put("package_id", packageId);
      r.put("url", fileUrl(spec.name(), f.path()));
      r.put("format", format[0]);
      r.put("name", fileName);
      r.put("description", format[2]);
      r.put("position", resources.size());
      r.put("state", "active");
      r.put("created", null);
      r.put("last_modified", null);
      r.put("metadata_modified", null);
      r.put("mimetype", format[1]);
      r.put("mimetype_inner", null);
      r.put("size", f.bytes());
      r.put("hash", f.sha256());
      r.put("hash_algorithm", "sha256");
      r.put("url_type", null);
      r.put("resource_type", null);
      r.put("cache_url", null);
      r.put("cache_last_updated", null);
      // `serve` answers datastore_search over the dataset's rows for the CSV resource, the one
      // a CKAN portal's DataPusher would load.
      r.put("datastore_active", f.format().equals("csv"));
      resources.add(r);
    }
    return resources;
  }

  /** The organization row embedded in every package. */
  Map<String, Object> organizationRow() {
    DatasetCatalog.Organization org = catalog.organization();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", Ids.organization(org.name()));
    o.put("name", org.name());
    o.put("title", org.title());
    o.put("type", "organization");
    o.put("description", org.description() == null ? "" : org.description().strip());
    o.put("image_url", "");
    o.put("created", catalog.created());
    o.put("is_organization", true);
    o.put("approval_status", "approved");
    o.put("state", "active");
    return o;
  }

  private static Map<String, Object> groupRef(DatasetCatalog.Group g) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("id", Ids.group(g.name()));
    ref.put("name", g.name());
    ref.put("title", g.title());
    ref.put("display_name", g.title());
    ref.put("description", g.description() == null ? "" : g.description().strip());
    ref.put("image_display_url", "");
    return ref;
  }

  /** organization_show for the publisher. */
  Map<String, Object> organizationShow(int packageCount) {
    Map<String, Object> o = organizationRow();
    o.put("display_name", o.get("title"));
    o.put("image_display_url", "");
    return withCounts(o, packageCount);
  }

  /** group_show for one pillar. */
  Map<String, Object> groupShow(DatasetCatalog.Group g, int packageCount) {
    Map<String, Object> o = groupRef(g);
    o.put("type", "group");
    o.put("image_url", "");
    o.put("created", catalog.created());
    o.put("is_organization", false);
    o.put("approval_status", "approved");
    o.put("state", "active");
    return withCounts(o, packageCount);
  }

  /**
   * The fields organization_show and group_show add to the row: counts and (empty) member lists.
   */
  private static Map<String, Object> withCounts(Map<String, Object> o, int packageCount) {
    o.put("package_count", packageCount);
    o.put("num_followers", 0);
    o.put("extras", List.of());
    o.put("tags", List.of());
    o.put("groups", List.of());
    o.put("users", List.of());
    return o;
  }

  /** license_list: the register. */
  List<Map<String, Object>> licenseList() {
    return catalog.licenses().stream()
        .map(
            l -> {
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
            })
        .toList();
  }
}
