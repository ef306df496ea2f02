package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * datastore_search over a dataset's rows: filters, q, fields, sort, limit ≤ 32000, offset, total,
 * _links.
 */
final class DataStoreSearch {
  static final int MAX_LIMIT = 32000;

  /** The row number CKAN adds to every table, counted from 1. */
  private static final DataStoreTable.Field ID_FIELD =
      new DataStoreTable.Field("_id", "int", null, null);

  /**
   * Stands for {@code _id} in a list of column indexes (neither an index nor {@code NO_COLUMN}).
   */
  private static final int ID = -2;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DataStoreSearch() {}

  static ObjectNode search(FeedSnapshot feed, Params p, String path) {
    String id = p.string("resource_id", p.string("id", null));
    if (id == null || id.isBlank()) {
      throw ActionError.validation("resource_id", "Missing value");
    }
    JsonNode resource =
        feed.resource(id)
            .filter(r -> r.path("datastore_active").asBoolean())
            .orElseThrow(() -> ActionError.notFound("Resource \"" + id + "\" was not found."));
    DataStoreTable table = feed.table(resource);
    int limit = p.integer("limit", 100, 0, MAX_LIMIT, true);
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE, false);
    List<Integer> columns = columns(table, p.list("fields"));
    Predicate<Integer> match = filters(table, p.object("filters")).and(q(table, p.object("q")));
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < table.rows.size(); i++) {
      if (match.test(i)) {
        hits.add(i);
      }
    }
    String sort = p.string("sort", null);
    if (sort != null && !sort.isBlank()) {
      hits.sort(order(table, sort));
    }
    ObjectNode result = NODES.objectNode();
    result.put("include_total", p.bool("include_total", true));
    result.put("resource_id", id);
    result.set("fields", fields(table, columns));
    result.put("records_format", "objects");
    ArrayNode records = result.putArray("records");
    hits.stream().skip(offset).limit(limit).forEach(i -> records.add(record(table, i, columns)));
    result.put("limit", limit);
    if (p.has("offset")) {
      result.put("offset", offset);
    }
    for (String echo : List.of("filters", "q", "sort")) {
      if (p.has(echo)) {
        result.set(echo, p.object(echo));
      }
    }
    if (result.path("include_total").asBoolean()) {
      result.put("total", hits.size());
      result.put("total_was_estimated", false);
    }
    String start =
        path
            + "?resource_id="
            + URLEncoder.encode(id, StandardCharsets.UTF_8)
            + (p.has("limit") ? "&limit=" + limit : "");
    result
        .putObject("_links")
        .put("start", start)
        .put("next", start + "&offset=" + (offset + limit));
    return result;
  }

  /**
   * The columns to return, in order, as indexes into the table or {@link #ID} for {@code _id}:
   * {@code _id} and then every column when {@code fields} is empty, else exactly the fields named,
   * in the order named (a repeated name once), {@code _id} only when named. An unknown name is
   * refused as CKAN refuses it.
   */
  private static List<Integer> columns(DataStoreTable table, List<String> fields) {
    List<Integer> columns = new ArrayList<>();
    if (fields.isEmpty()) {
      columns.add(ID);
      for (int i = 0; i < table.fields.size(); i++) {
        columns.add(i);
      }
      return columns;
    }
    for (String f : new LinkedHashSet<>(fields)) {
      int c = f.equals(ID_FIELD.id()) ? ID : table.column(f);
      if (c == DataStoreTable.NO_COLUMN) {
        throw ActionError.validation("fields", "invalid value \"" + f + "\"");
      }
      columns.add(c);
    }
    return columns;
  }

  private static ArrayNode fields(DataStoreTable table, List<Integer> columns) {
    ArrayNode fields = NODES.arrayNode();
    for (int c : columns) {
      DataStoreTable.Field f = c == ID ? ID_FIELD : table.fields.get(c);
      ObjectNode field = fields.addObject().put("id", f.id()).put("type", f.type());
      if (f.label() != null) {
        field.putObject("info").put("label", f.label()).put("notes", f.notes());
      }
    }
    return fields;
  }

  private static ObjectNode record(DataStoreTable table, int row, List<Integer> columns) {
    ObjectNode record = NODES.objectNode();
    for (int c : columns) {
      if (c == ID) {
        record.put(ID_FIELD.id(), row + 1);
        continue;
      }
      Object v = table.rows.get(row)[c];
      String name = table.fields.get(c).id();
      if (v == null) {
        record.putNull(name);
      } else if (v instanceof BigDecimal d) {
        record.put(name, d);
      } else if (v instanceof Long l) {
        record.put(name, l);
      } else if (v instanceof Integer n) {
        record.put(name, n);
      } else if (v instanceof Boolean b) {
        record.put(name, b);
      } else if (v instanceof Double d) {
        record.put(name, d);
      } else {
        record.put(name, v.toString());
      }
    }
    return record;
  }

  /** filters: {column: value or [values]}, exact match, ANDed. */
  private static Predicate<Integer> filters(DataStoreTable table, JsonNode filters) {
    Predicate<Integer> all = i -> true;
    if (filters == null) {
      return all;
    }
    if (!filters.isObject()) {
      throw ActionError.validation("filters", "Not a JSON object");
    }
    var it = filters.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("_id")) {
        Set<String> ids = accepted(e.getValue());
        all = all.and(i -> ids.contains(String.valueOf(i + 1)));
        continue;
      }
      int c = table.column(e.getKey());
      if (c < 0) {
        throw ActionError.validation("filters", "field \"" + e.getKey() + "\" not in table");
      }
      Set<String> accepted = accepted(e.getValue());
      all = all.and(i -> accepted.contains(show(table.rows.get(i)[c])));
    }
    return all;
  }

  private static Set<String> accepted(JsonNode value) {
    Set<String> accepted = new java.util.HashSet<>();
    if (value.isArray()) {
      value.forEach(
          v ->
              accepted.add(v.isNull() ? null : show(v.isNumber() ? v.decimalValue() : v.asText())));
    } else {
      accepted.add(
          value.isNull() ? null : show(value.isNumber() ? value.decimalValue() : value.asText()));
    }
    return accepted;
  }

  private static String show(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof String s && s.matches("-?\\d+(\\.\\d+)?")) {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  /**
   * q: words that must all appear, diacritics-insensitive, in a row's text (or in the given
   * columns).
   */
  private static Predicate<Integer> q(DataStoreTable table, JsonNode q) {
    if (q == null || (q.isTextual() && q.asText().isBlank())) {
      return i -> true;
    }
    Map<Integer, String> byColumn = new LinkedHashMap<>();
    if (q.isObject()) {
      q.fields()
          .forEachRemaining(
              e -> {
                int c = table.column(e.getKey());
                if (c < 0) {
                  throw ActionError.validation("q", "field \"" + e.getKey() + "\" not in table");
                }
                byColumn.put(c, e.getValue().asText());
              });
    } else {
      byColumn.put(-1, q.asText());
    }
    Map<Integer, String[]> words = new java.util.LinkedHashMap<>();
    byColumn.forEach((column, value) -> words.put(column, Fold.fold(value).split("\\s+")));
    return i ->
        words.entrySet().stream()
            .allMatch(
                e -> {
                  Object[] row = table.rows.get(i);
                  String text =
                      e.getKey() >= 0 ? Fold.fold(String.valueOf(row[e.getKey()])) : rowText(row);
                  for (String word : e.getValue()) {
                    if (!word.isEmpty() && !text.contains(word)) {
                      return false;
                    }
                  }
                  return true;
                });
  }

  private static String rowText(Object[] row) {
    StringBuilder s = new StringBuilder();
    for (Object v : row) {
      s.append(' ').append(v);
    }
    return Fold.fold(s.toString());
  }

  /** sort: "column [asc|desc], …"; nulls last, then _id. */
  private static Comparator<Integer> order(DataStoreTable table, String sort) {
    Comparator<Integer> order = (a, b) -> 0;
    for (String part : sort.split(",")) {
      String[] words = part.strip().split("\\s+");
      boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
      Comparator<Integer> c;
      if (words[0].equals("_id")) {
        c = Comparator.naturalOrder();
      } else {
        int col = table.column(words[0].replace("\"", ""));
        if (col < 0) {
          throw ActionError.validation("sort", "field \"" + words[0] + "\" not in table");
        }
        c =
            Comparator.comparing(
                i -> comparable(table.rows.get(i)[col]),
                Comparator.nullsLast(Comparator.naturalOrder()));
      }
      order = order.thenComparing(desc ? c.reversed() : c);
    }
    return order.thenComparing(Comparator.naturalOrder());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparable comparable(Object v) {
    if (v instanceof Integer n) {
      return BigDecimal.valueOf(n);
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return (Comparable) v;
  }
}
