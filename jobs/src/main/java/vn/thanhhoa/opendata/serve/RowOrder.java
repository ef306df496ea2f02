package vn.thanhhoa.opendata.serve;

import java.math.BigDecimal;
import java.util.Comparator;

/** datastore_search's {@code sort}: "column [asc|desc], …"; nulls last, then _id. */
final class RowOrder {
  private RowOrder() {}

  static Comparator<Integer> of(DataStoreTable table, String sort) {
    Comparator<Integer> order = (a, b) -> 0;
    for (String part : sort.split(",")) {
      String[] words = part.strip().split("\\s+");
      boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
      Comparator<Integer> c = column(table, words[0]);
      order = order.thenComparing(desc ? c.reversed() : c);
    }
    return order.thenComparing(Comparator.naturalOrder());
  }

  private static Comparator<Integer> column(DataStoreTable table, String name) {
    if (name.equals("_id")) {
      return Comparator.naturalOrder();
    }
    int col = table.column(name.replace("\"", ""));
    if (col < 0) {
      throw ActionError.validation("sort", "field \"" + name + "\" not in table");
    }
    return Comparator.comparing(
        i -> table.rows.get(i)[col], Comparator.nullsLast(RowOrder::compare));
  }

  /**
   * Two values of one column; whole numbers compare as decimals. Values of different types cannot
   * be compared (a column has one type).
   */
  private static int compare(Object a, Object b) {
    Object x = decimal(a);
    Object y = decimal(b);
    if (x instanceof BigDecimal d) {
      return d.compareTo((BigDecimal) y);
    }
    if (x instanceof String s) {
      return s.compareTo((String) y);
    }
    if (x instanceof Boolean f) {
      return f.compareTo((Boolean) y);
    }
    if (x instanceof Double d) {
      return d.compareTo((Double) y);
    }
    return ((Float) x).compareTo((Float) y);
  }

  private static Object decimal(Object v) {
    if (v instanceof Integer n) {
      return BigDecimal.valueOf(n);
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return v;
  }
}
