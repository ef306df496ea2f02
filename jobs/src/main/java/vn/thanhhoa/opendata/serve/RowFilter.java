package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which rows datastore_search returns: its {@code filters} and {@code q}, as one SQL condition with
 * its parameters.
 */
final class RowFilter {
  final List<String> conditions = new ArrayList<>();
  final List<Object> params = new ArrayList<>();

  private RowFilter() {}

  static RowFilter of(DataStoreTable table, JsonNode filters, JsonNode q) {
    RowFilter where = new RowFilter();
    where.filters(table, filters);
    where.q(table, q);
    return where;
  }

  /** The WHERE clause, or nothing when every row matches. */
  String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** filters: {column: value or [values]}, exact match, ANDed. */
  private void filters(DataStoreTable table, JsonNode filters) {
    if (filters == null) {
      return;
    }
    if (!filters.isObject()) {
      throw ActionError.validation("filters", "Not a JSON object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = filters.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      List<JsonNode> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(values::add);
      } else {
        values.add(e.getValue());
      }
      filter(table, e.getKey(), values);
    }
  }

  /** One column equal to one of the values (none: no row), each value read as the column's type. */
  private void filter(DataStoreTable table, String field, List<JsonNode> values) {
    String column = "_id";
    String cast = "DECIMAL(38,10)";
    if (!field.equals("_id")) {
      int c = table.column(field);
      if (c < 0) {
        throw ActionError.validation("filters", "field \"" + field + "\" not in table");
      }
      column = Sql.quote(field);
      cast = PgTypes.castFor(table.fields.get(c).type());
    }
    List<String> any = new ArrayList<>();
    for (JsonNode v : values) {
      if (v.isNull()) {
        any.add(column + " IS NULL");
      } else {
        any.add(column + (cast == null ? " = ?" : " = TRY_CAST(? AS " + cast + ")"));
        params.add(v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
      }
    }
    conditions.add(any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")");
  }

  /**
   * q: words that must all appear, diacritics-insensitive, in a row's text (or in the given
   * columns).
   */
  private void q(DataStoreTable table, JsonNode q) {
    if (q == null || (q.isTextual() && q.asText().isBlank())) {
      return;
    }
    if (!q.isObject()) {
      words("_full_text", q.asText());
      return;
    }
    q.fields()
        .forEachRemaining(
            e -> {
              if (table.column(e.getKey()) < 0) {
                throw ActionError.validation("q", "field \"" + e.getKey() + "\" not in table");
              }
              words(
                  Sql.fold("CAST(" + Sql.quote(e.getKey()) + " AS VARCHAR)"),
                  e.getValue().asText());
            });
  }

  private void words(String text, String query) {
    for (String word : Fold.fold(query).split("\\s+")) {
      if (!word.isEmpty()) {
        conditions.add("contains(" + text + ", ?)");
        params.add(word);
      }
    }
  }
}
