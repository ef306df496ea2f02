package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * datastore_search over a dataset's DataStore table, as SQL on the release's engine: filters, q,
 * fields, sort, limit ≤ 32000, offset, total, _links.
 */
final class DataStoreSearch {
  static final int MAX_LIMIT = 32000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The table, the columns returned and the bounds of one datastore_search page. */
  private record Page(DataStoreTable table, List<Integer> columns, int limit, int offset) {}

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
    long total = query(engine, new Page(table, columns, limit, offset), p, records);
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
  private static long query(DataStoreEngine engine, Page page, Params p, ArrayNode records) {
    DataStoreTable table = page.table();
    RowFilter where = RowFilter.of(table, p.object("filters"), p.object("q"));
    String sort = p.string("sort", null);
    String orderBy = sort == null || sort.isBlank() ? null : RowOrder.of(table, sort);
    String count = "SELECT count(*) FROM " + Sql.quote(table.name) + where.sql();
    boolean counted = p.bool("include_total", true);
    return SqlRun.search(
        engine,
        c -> {
          rows(c, engine, page, where, orderBy, records);
          return counted
              ? engine.totals.total(count, where.params, () -> SqlRun.count(c, count, where.params))
              : 0L;
        });
  }

  /** Adds the page's rows: a sorted page of a whole table from its kept order, else by SQL. */
  private static void rows(
      Connection c,
      DataStoreEngine engine,
      Page page,
      RowFilter where,
      String orderBy,
      ArrayNode records)
      throws SQLException {
    DataStoreTable table = page.table();
    if (orderBy != null
        && where.conditions.isEmpty()
        && DataStoreOrders.serves(table, page.limit())) {
      int[] ids = engine.orders.page(c, table, orderBy, page.limit(), page.offset());
      rowsById(c, page, ids, records);
      return;
    }
    List<Object> params = new ArrayList<>(where.params);
    String sql =
        "SELECT "
            + DataStoreColumns.select(table, page.columns())
            + " FROM "
            + Sql.quote(table.name)
            + where.sql()
            + order(where, orderBy, params, page);
    SqlRun.rows(
        c, sql, params, r -> records.add(DataStoreColumns.record(table, r, page.columns())));
  }

  /** The page's ORDER BY and bounds; adds their parameters. */
  private static String order(RowFilter where, String orderBy, List<Object> params, Page page) {
    if (where.conditions.isEmpty() && orderBy == null) {
      // plain paging: _id counts rows from 1 in table order, so a page is an _id range
      params.add((long) page.offset());
      params.add((long) page.offset() + page.limit());
      return " WHERE _id > ? AND _id <= ? ORDER BY _id";
    }
    params.add(page.limit());
    params.add(page.offset());
    // without a sort: the table was stored in _id order and the engine keeps insertion order where
    // a query has no ORDER BY (preserve_insertion_order), so the page comes in _id order and the
    // scan stops at its last row instead of reading every row to sort them
    return (orderBy == null ? "" : orderBy) + " LIMIT ? OFFSET ?";
  }

  /**
   * Adds the rows {@code ids} names, in that order: looked up by {@code _id} (the engine returns
   * them in table order) and put in place here, which costs less than ordering them in SQL.
   */
  private static void rowsById(Connection c, Page page, int[] ids, ArrayNode records)
      throws SQLException {
    if (ids.length == 0) {
      return;
    }
    Map<Integer, Integer> place = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      place.put(ids[i], i);
    }
    DataStoreTable table = page.table();
    int idColumn = page.columns().size() + 1;
    ObjectNode[] rows = new ObjectNode[ids.length];
    String sql =
        "SELECT "
            + DataStoreColumns.select(table, page.columns())
            + ", _id FROM "
            + Sql.quote(table.name)
            + " WHERE _id IN (SELECT unnest(?))";
    SqlRun.rows(
        c,
        sql,
        List.of(ids),
        r ->
            rows[place.get(r.getInt(idColumn))] =
                DataStoreColumns.record(table, r, page.columns()));
    records.addAll(Arrays.asList(rows));
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
