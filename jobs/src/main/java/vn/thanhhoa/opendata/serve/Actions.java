package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The read actions of CKAN's Action API over one release, each of one shape: {@code
 * <object>_<verb>(feed, params) → result}. Write actions are refused.
 */
final class Actions {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> WRITE_WORDS =
      List.of(
          "create", "update", "patch", "delete", "purge", "upsert", "revise", "reorder", "invite",
          "follow", "mark_", "send_", "trigger", "_clear", "rebuild", "reindex");

  private static final String SITE_DESCRIPTION =
      "Dữ liệu mở về chuyển đổi số của tỉnh Thanh Hóa"
          + " (read-only CKAN API over the published feed)";

  /** What an action needs besides its parameters. */
  record Context(FeedSnapshot feed, Params params, String path, String siteUrl, String siteTitle) {}

  interface Action {
    JsonNode run(Context c);
  }

  private final Map<String, Action> actions = new TreeMap<>();

  Actions() {
    actions.put("status_show", Actions::statusShow);
    actions.put("package_list", Actions::packageList);
    actions.put("package_show", c -> dataset(c));
    actions.put("package_search", c -> new PackageSearch(c.feed()).search(c.params()));
    actions.put("organization_list", c -> groupList(c, c.feed().organizations));
    actions.put("organization_show", c -> groupShow(c, c.feed().organizations));
    actions.put("group_list", c -> groupList(c, c.feed().groups));
    actions.put("group_show", c -> groupShow(c, c.feed().groups));
    actions.put("license_list", c -> c.feed().licenses);
    actions.put("resource_show", Actions::resourceShow);
    actions.put("datastore_search", c -> DataStoreSearch.search(c.feed(), c.params(), c.path()));
    actions.put("datastore_search_sql", c -> SqlSearch.search(c.feed(), c.params()));
  }

  Optional<Action> find(String name) {
    return Optional.ofNullable(actions.get(name));
  }

  /** A name CKAN knows as a write action: refused here (GET: 400, POST: Authorization Error). */
  static boolean isWrite(String name) {
    return WRITE_WORDS.stream().anyMatch(name::contains);
  }

  private static JsonNode statusShow(Context c) {
    ObjectNode s = NODES.objectNode();
    s.put("site_title", c.siteTitle());
    s.put("site_description", SITE_DESCRIPTION);
    s.put("site_url", c.siteUrl());
    s.put("ckan_version", "2.11.5");
    s.putNull("error_emails_to");
    s.put("locale_default", "vi");
    s.putArray("extensions").add("datastore");
    return s;
  }

  private static JsonNode packageList(Context c) {
    int limit = c.params().integer("limit", Integer.MAX_VALUE, 0, Integer.MAX_VALUE, false);
    int offset = c.params().integer("offset", 0, 0, Integer.MAX_VALUE, false);
    ArrayNode names = NODES.arrayNode();
    c.feed().packagesByName.keySet().stream()
        .sorted()
        .skip(offset)
        .limit(limit)
        .forEach(names::add);
    return names;
  }

  private static String requiredId(Context c) {
    String id = c.params().string("id", null);
    if (id == null || id.isBlank()) {
      throw ActionError.validation("id", "Missing value");
    }
    return id;
  }

  private static JsonNode dataset(Context c) {
    return c.feed().dataset(requiredId(c)).orElseThrow(() -> ActionError.notFound(null));
  }

  private static JsonNode resourceShow(Context c) {
    return c.feed().resource(requiredId(c)).orElseThrow(() -> ActionError.notFound(null));
  }

  private static JsonNode groupList(Context c, Map<String, JsonNode> groups) {
    boolean allFields = c.params().bool("all_fields", false);
    int limit = c.params().integer("limit", allFields ? 25 : 1000, 0, 1000, true);
    int offset = c.params().integer("offset", 0, 0, Integer.MAX_VALUE, false);
    Comparator<JsonNode> order = groupOrder(c.params().string("sort", "title asc"));
    ArrayNode list = NODES.arrayNode();
    groups.values().stream()
        .sorted(order)
        .skip(offset)
        .limit(limit)
        .forEach(g -> list.add(allFields ? listed(g) : list.textNode(g.path("name").asText())));
    return list;
  }

  /** sort: "name", "title" or "package_count", then "asc" or "desc". */
  private static Comparator<JsonNode> groupOrder(String sort) {
    String field = sort.strip().split("\\s+")[0];
    Comparator<JsonNode> order =
        field.equals("package_count")
            ? Comparator.comparingInt(g -> g.path("package_count").asInt())
            : Comparator.comparing(g -> g.path(field.equals("name") ? "name" : "title").asText());
    return sort.toLowerCase(Locale.ROOT).endsWith("desc") ? order.reversed() : order;
  }

  /** A group as group_list lists it with all_fields: without its member lists. */
  private static JsonNode listed(JsonNode g) {
    ObjectNode copy = g.deepCopy();
    copy.remove(List.of("users", "extras", "tags", "groups"));
    return copy;
  }

  /** organization_show / group_show by id or name; NotFound if it names the other kind. */
  private static JsonNode groupShow(Context c, Map<String, JsonNode> groups) {
    String id = requiredId(c);
    JsonNode g =
        groups.values().stream()
            .filter(x -> x.path("name").asText().equals(id) || x.path("id").asText().equals(id))
            .findFirst()
            .orElseThrow(() -> ActionError.notFound(null));
    ObjectNode copy = g.deepCopy();
    if (c.params().bool("include_datasets", false)) {
      ArrayNode packages = copy.putArray("packages");
      c.feed().packagesByName.values().stream().filter(member(g)).forEach(packages::add);
    }
    return copy;
  }

  /** Whether a package belongs to the organization or group {@code g}. */
  private static Predicate<JsonNode> member(JsonNode g) {
    String name = g.path("name").asText();
    if (g.path("is_organization").asBoolean()) {
      return p -> p.path("organization").path("name").asText().equals(name);
    }
    return p -> p.path("groups").findValuesAsText("name").contains(name);
  }
}
