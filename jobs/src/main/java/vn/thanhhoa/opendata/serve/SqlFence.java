package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What datastore_search_sql accepts, checked on the engine's own parse tree ({@code
 * json_serialize_sql}, which serializes SELECT statements only): one SELECT (or WITH … SELECT)
 * whose tables are the release's DataStore tables or its own CTEs, with no table function (files,
 * catalogs, dynamic SQL) and no function that reads the engine's settings. The engine's settings
 * fence the rest (no file or network access, settings locked).
 */
final class SqlFence {
  /** Table references that read no table of their own. */
  private static final Set<String> PLAIN_REFS =
      Set.of("BASE_TABLE", "JOIN", "SUBQUERY", "EMPTY", "EXPRESSION_LIST", "PIVOT");

  private static final Set<String> REFUSED_FUNCTIONS =
      Set.of("current_setting", "getenv", "current_database", "current_schema", "current_schemas");

  private SqlFence() {}

  /** Refuses {@code sql} with CKAN's Validation or Authorization Error unless it passes. */
  static void check(Connection c, String sql, Set<String> tables) throws SQLException {
    JsonNode tree = parse(c, sql);
    if (tree.path("error").asBoolean()) {
      String message = tree.path("error_message").asText();
      throw message.startsWith("Only SELECT")
          ? ActionError.notAuthorized("Only SELECT statements are allowed")
          : ActionError.validation("query", message);
    }
    if (tree.path("statements").size() != 1) {
      throw ActionError.validation("query", "Query is not a single statement.");
    }
    Set<String> allowed = new HashSet<>(tables);
    tree.findValues("cte_map")
        .forEach(m -> m.path("map").forEach(e -> allowed.add(e.path("key").asText())));
    walk(tree.path("statements"), allowed);
  }

  private static JsonNode parse(Connection c, String sql) throws SQLException {
    try (PreparedStatement s =
        DataStoreEngine.limited(c.prepareStatement("SELECT json_serialize_sql(?)"))) {
      s.setString(1, sql);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return FeedSnapshot.JSON.readTree(r.getString(1));
      } catch (IOException e) {
        throw new SQLException("unreadable parse tree: " + e.getMessage(), e);
      }
    }
  }

  private static void walk(JsonNode node, Set<String> allowed) {
    if (node.isObject()) {
      check(node, allowed);
    }
    if (node.isContainerNode()) {
      node.forEach(child -> walk(child, allowed));
    }
  }

  /** One node: a table reference (it has an alias and a sample) or an expression. */
  private static void check(JsonNode node, Set<String> allowed) {
    if (node.has("class")) {
      String function = node.path("function_name").asText("").toLowerCase(Locale.ROOT);
      if (REFUSED_FUNCTIONS.contains(function)
          || function.startsWith("duckdb_")
          || function.startsWith("pragma_")) {
        throw ActionError.notAuthorized("Not authorized to call function " + function);
      }
    } else if (node.has("sample") && node.has("alias") && node.has("type")) {
      String type = node.path("type").asText();
      if (!PLAIN_REFS.contains(type)) {
        throw ActionError.notAuthorized(
            "Not authorized to read from "
                + node.path("function").path("function_name").asText(type.toLowerCase(Locale.ROOT))
                + ": only the DataStore tables of this release can be queried");
      }
      if (type.equals("BASE_TABLE")) {
        table(node, allowed);
      }
    }
  }

  private static void table(JsonNode ref, Set<String> allowed) {
    String name = ref.path("table_name").asText();
    boolean qualified =
        !ref.path("schema_name").asText().isEmpty() || !ref.path("catalog_name").asText().isEmpty();
    if (qualified || !allowed.contains(name)) {
      throw ActionError.notAuthorized(
          "Not authorized to read \""
              + (qualified ? ref.path("qualified_name").path("path").toString() : name)
              + "\": not a DataStore table of this release");
    }
  }
}
