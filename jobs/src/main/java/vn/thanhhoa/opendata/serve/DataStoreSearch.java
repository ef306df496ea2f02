package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * datastore_search over a dataset's DataStore table, as SQL on the release's engine: filters, q,
 * fields, sort, limit ≤ 32000, offset, total, _links.
 */
final class DataStoreSearch {
  static final int MAX_LIMIT = 32000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DataStoreSearch() {}

  static ObjectNode search(FeedSnapshot feed, Params p, String path) {
    String id = resourceId(p);
    activeResource(feed, id);
    DataStoreEngine engine = feed.dataStore();
    DataStoreTable table = engine.table(id).orElseThrow(() -> notFound(id));
    int limit = p.integer("limit", 100, 0, MAX_LIMIT, true);
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE, false);
    List<Integer> columns = DataStoreColumns.columns(table, p.list("fields"));
    ObjectNode result = NODES.objectNode();
    result.put("include_total", p.bool("include_total", true));
    result.put("resource_id", id);
    result.set("fields", DataStoreColumns.fields(table, columns));
    result.put("records_format", "objects");
    ArrayNode records = result.putArray("records");
    long total = query(engine, table, p, columns, records, List.<Object>of(limit, offset));
    result.put("limit", limit);
    echo(result, p, offset);
    total(result, total);
    String resource = path + "?resource_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    links(result, resource, p.has("limit"), limit, offset);
    return result;
  }

  /**
   * Adds the page's rows to {@code records}; returns the number of rows matching (0 unless {@code
   * include_total}).
   */
  private static long query(
      DataStoreEngine engine,
      DataStoreTable table,
      Params p,
      List<Integer> columns,
      ArrayNode records,
      List<Object> limitOffset) {
    RowFilter where = RowFilter.of(table, p.object("filters"), p.object("q"));
    String from = " FROM " + Sql.quote(table.name) + where.sql();
    List<Object> params = new ArrayList<>(where.params);
    String page =
        "SELECT "
            + DataStoreColumns.select(table, columns)
            + from
            + order(table, where, p.string("sort", null), params, limitOffset);
    boolean counted = p.bool("include_total", true);
    return SqlRun.search(
        engine,
        c -> {
          SqlRun.rows(
              c, page, params, r -> records.add(DataStoreColumns.record(table, r, columns)));
          String count = "SELECT count(*)" + from;
          return counted
              ? engine.totals.total(count, where.params, () -> SqlRun.count(c, count, where.params))
              : 0L;
        });
  }

  /** The page's ORDER BY and bounds; adds their parameters. */
  private static String order(
      DataStoreTable table,
      RowFilter where,
      String sort,
      List<Object> params,
      List<Object> limitOffset) {
    if (where.conditions.isEmpty() && (sort == null || sort.isBlank())) {
      // plain paging: _id counts rows from 1 in table order, so a page is an _id range
      long first = ((Integer) limitOffset.get(1)).longValue();
      params.add(first);
      params.add(first + (Integer) limitOffset.get(0));
      return " WHERE _id > ? AND _id <= ? ORDER BY _id";
    }
    params.addAll(limitOffset);
    if (sort == null || sort.isBlank()) {
      // the table was stored in _id order and the engine keeps insertion order where a query has
      // no ORDER BY (preserve_insertion_order), so the page comes in _id order and the scan stops
      // at its last row instead of reading every row to sort them
      return " LIMIT ? OFFSET ?";
    }
    return RowOrder.of(table, sort) + " LIMIT ? OFFSET ?";
  }

  private static ActionError notFound(String id) {
    return ActionError.notFound("Resource \"" + id + "\" was not found.");
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
        .orElseThrow(() -> notFound(id));
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

  private static void total(ObjectNode result, long total) {
    if (result.path("include_total").asBoolean()) {
      result.put("total", total);
      result.put("total_was_estimated", false);
    }
  }
}
