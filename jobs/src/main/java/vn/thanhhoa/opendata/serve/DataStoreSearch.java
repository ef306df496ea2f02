package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * datastore_search over a dataset's rows: filters, q, fields, sort, limit ≤ 32000, offset, total,
 * _links.
 */
final class DataStoreSearch {
  static final int MAX_LIMIT = 32000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DataStoreSearch() {}

  static ObjectNode search(FeedSnapshot feed, Params p, String path) {
    String id = resourceId(p);
    DataStoreTable table = feed.table(activeResource(feed, id));
    int limit = p.integer("limit", 100, 0, MAX_LIMIT, true);
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE, false);
    List<Integer> columns = DataStoreColumns.columns(table, p.list("fields"));
    List<Integer> hits = hits(table, p);
    ObjectNode result = NODES.objectNode();
    result.put("include_total", p.bool("include_total", true));
    result.put("resource_id", id);
    result.set("fields", DataStoreColumns.fields(table, columns));
    result.put("records_format", "objects");
    ArrayNode records = result.putArray("records");
    hits.stream()
        .skip(offset)
        .limit(limit)
        .forEach(i -> records.add(DataStoreColumns.record(table, i, columns)));
    result.put("limit", limit);
    echo(result, p, offset);
    total(result, hits.size());
    String resource = path + "?resource_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    links(result, resource, p.has("limit"), limit, offset);
    return result;
  }

  private static String resourceId(Params p) {
    String id = p.string("resource_id", p.string("id", null));
    if (id == null || id.isBlank()) {
      throw ActionError.validation("resource_id", "Missing value");
    }
    return id;
  }

  private static JsonNode activeResource(FeedSnapshot feed, String id) {
    return feed.resource(id)
        .filter(r -> r.path("datastore_active").asBoolean())
        .orElseThrow(() -> ActionError.notFound("Resource \"" + id + "\" was not found."));
  }

  /** The rows that match filters and q, in the order sort asks for (else table order). */
  private static List<Integer> hits(DataStoreTable table, Params p) {
    Predicate<Integer> match =
        RowFilter.filters(table, p.object("filters")).and(RowFilter.q(table, p.object("q")));
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < table.rows.size(); i++) {
      if (match.test(i)) {
        hits.add(i);
      }
    }
    String sort = p.string("sort", null);
    if (sort != null && !sort.isBlank()) {
      hits.sort(RowOrder.of(table, sort));
    }
    return hits;
  }

  /** _links: this search from its start, and the next page. */
  private static void links(
      ObjectNode result, String resource, boolean limited, int limit, int offset) {
    String start = resource + (limited ? "&limit=" + limit : "");
    result
        .putObject("_links")
        .put("start", start)
        .put("next", start + "&offset=" + (offset + limit));
  }

  /** The offset when given, and filters, q and sort as given. */
  private static void echo(ObjectNode result, Params p, int offset) {
    if (p.has("offset")) {
      result.put("offset", offset);
    }
    for (String echo : List.of("filters", "q", "sort")) {
      if (p.has(echo)) {
        result.set(echo, p.object(echo));
      }
    }
  }

  private static void total(ObjectNode result, int total) {
    if (result.path("include_total").asBoolean()) {
      result.put("total", total);
      result.put("total_was_estimated", false);
    }
  }
}
