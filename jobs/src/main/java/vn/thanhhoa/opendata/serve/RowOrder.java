package vn.thanhhoa.opendata.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * datastore_search's {@code sort}: "column [asc|desc], …" as SQL; nulls last ascending and first
 * descending (PostgreSQL's default), then _id.
 */
final class RowOrder {
  private RowOrder() {}

  static String of(DataStoreTable table, String sort) {
    List<String> order = new ArrayList<>();
    if (sort != null && !sort.isBlank()) {
      for (String part : sort.split(",")) {
        String[] words = part.strip().split("\\s+");
        boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
        order.add(column(table, words[0]) + (desc ? " DESC NULLS FIRST" : " ASC NULLS LAST"));
      }
    }
    order.add("_id");
    return " ORDER BY " + String.join(", ", order);
  }

  private static String column(DataStoreTable table, String name) {
    if (name.equals("_id")) {
      return "_id";
    }
    String id = name.replace("\"", "");
    if (table.column(id) < 0) {
      throw ActionError.validation("sort", "field \"" + name + "\" not in table");
    }
    return Sql.quote(id);
  }
}
