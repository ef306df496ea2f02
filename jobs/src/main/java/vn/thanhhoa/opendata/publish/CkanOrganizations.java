package vn.thanhhoa.opendata.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thanhhoa.opendata.core.DatasetCatalog;

/** The publisher and the pillar groups as CKAN shows them: organization_show, group_show. */
final class CkanOrganizations {
  private final DatasetCatalog catalog;

  CkanOrganizations(DatasetCatalog catalog) {
    this.catalog = catalog;
  }

  /** The organization row embedded in every package. */
  Map<String, Object> organizationRow() {
    DatasetCatalog.Organization org = catalog.organization();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", Ids.organization(org.name()));
    o.put("name", org.name());
    o.put("title", org.title());
    o.put("type", "organization");
    o.put("description", text(org.description()));
    o.put("image_url", "");
    o.put("created", catalog.created());
    o.put("is_organization", true);
    o.put("approval_status", "approved");
    o.put("state", "active");
    return o;
  }

  /** The reference to group {@code name} embedded in a package. */
  Map<String, Object> groupRef(String name) {
    return groupRef(
        catalog.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow());
  }

  private static Map<String, Object> groupRef(DatasetCatalog.Group g) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("id", Ids.group(g.name()));
    ref.put("name", g.name());
    ref.put("title", g.title());
    ref.put("display_name", g.title());
    ref.put("description", text(g.description()));
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

  private static String text(String description) {
    return description == null ? "" : description.strip();
  }
}
