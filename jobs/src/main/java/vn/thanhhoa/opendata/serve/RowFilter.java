package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Which rows datastore_search returns: its {@code filters} and {@code q}, as row predicates. */
final class RowFilter {
  /** Stands for "every column" among the columns {@code q} searches. */
  private static final int WHOLE_ROW = -1;

  private RowFilter() {}

  /** filters: {column: value or [values]}, exact match, ANDed. */
  static Predicate<Integer> filters(DataStoreTable table, JsonNode filters) {
    Predicate<Integer> all = i -> true;
    if (filters == null) {
      return all;
    }
    if (!filters.isObject()) {
      throw ActionError.validation("filters", "Not a JSON object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = filters.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      all = all.and(filter(table, e.getKey(), accepted(e.getValue())));
    }
    return all;
  }

  private static Predicate<Integer> filter(DataStoreTable table, String field, Set<String> values) {
    if (field.equals("_id")) {
      return i -> values.contains(String.valueOf(i + 1));
    }
    int c = table.column(field);
    if (c < 0) {
      throw ActionError.validation("filters", "field \"" + field + "\" not in table");
    }
    return i -> values.contains(show(table.rows.get(i)[c]));
  }

  private static Set<String> accepted(JsonNode value) {
    Set<String> accepted = new HashSet<>();
    if (value.isArray()) {
      value.forEach(v -> accepted.add(shown(v)));
    } else {
      accepted.add(shown(value));
    }
    return accepted;
  }

  /** A filter value as {@link #show} shows a table value, so that 1.50 matches 1.5. */
  private static String shown(JsonNode v) {
    return v.isNull() ? null : show(v.isNumber() ? v.decimalValue() : v.asText());
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
  static Predicate<Integer> q(DataStoreTable table, JsonNode q) {
    if (q == null || (q.isTextual() && q.asText().isBlank())) {
      return i -> true;
    }
    Map<Integer, String[]> words = new LinkedHashMap<>();
    searched(table, q)
        .forEach((column, value) -> words.put(column, Fold.fold(value).split("\\s+")));
    return i ->
        words.entrySet().stream()
            .allMatch(e -> containsAll(text(table.rows.get(i), e.getKey()), e.getValue()));
  }

  /** The text q looks for, by column ({@link #WHOLE_ROW} for a plain string). */
  private static Map<Integer, String> searched(DataStoreTable table, JsonNode q) {
    Map<Integer, String> byColumn = new LinkedHashMap<>();
    if (!q.isObject()) {
      byColumn.put(WHOLE_ROW, q.asText());
      return byColumn;
    }
    q.fields()
        .forEachRemaining(
            e -> {
              int c = table.column(e.getKey());
              if (c < 0) {
                throw ActionError.validation("q", "field \"" + e.getKey() + "\" not in table");
              }
              byColumn.put(c, e.getValue().asText());
            });
    return byColumn;
  }

  private static String text(Object[] row, int column) {
    return column >= 0 ? Fold.fold(String.valueOf(row[column])) : rowText(row);
  }

  private static boolean containsAll(String text, String[] words) {
    for (String word : words) {
      if (!word.isEmpty() && !text.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static String rowText(Object[] row) {
    StringBuilder s = new StringBuilder();
    for (Object v : row) {
      s.append(' ').append(v);
    }
    return Fold.fold(s.toString());
  }
}
