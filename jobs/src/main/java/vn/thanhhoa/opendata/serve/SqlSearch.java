package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * datastore_search_sql as CKAN has it: one SELECT over the release's DataStore tables (resource ids
 * as quoted table names, with {@code _id} and {@code _full_text}), at most {@link #ROWS_MAX}
 * records ({@code records_truncated} when there were more), the result as {@code sql}, {@code
 * records} and {@code fields}. Fenced by {@link SqlFence} and the engine's settings and limits.
 */
final class SqlSearch {
  /** CKAN's ckan.datastore.search.rows_max default. */
  static final int ROWS_MAX = 32000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SqlSearch() {}

  static ObjectNode search(FeedSnapshot feed, Params p) {
    String sql = p.string("sql", null);
    if (sql == null || sql.isBlank()) {
      throw ActionError.validation("sql", "Missing value");
    }
    DataStoreEngine engine = feed.dataStore();
    ObjectNode result = NODES.objectNode();
    result.put("sql", sql);
    return SqlRun.run(
        engine,
        "Query took too long",
        c -> {
          SqlFence.check(c, sql, engine.tableNames());
          String wrapped = wrapped(sql);
          SqlFence.check(c, wrapped, engine.tableNames()); // what runs is what was checked
          run(c, wrapped, result);
          return result;
        });
  }

  /** CKAN's own wrapping: the query as a subquery, one row past the limit to know it was hit. */
  private static String wrapped(String sql) {
    String bare = sql.strip().replaceAll(";\\s*$", "");
    return "SELECT * FROM (" + bare + "\n) AS blah LIMIT " + (ROWS_MAX + 1);
  }

  private static void run(Connection c, String wrapped, ObjectNode result) throws SQLException {
    try (Statement s = DataStoreEngine.limited(c.createStatement());
        ResultSet r = s.executeQuery(wrapped)) {
      ArrayNode records = result.putArray("records");
      List<String> names = fields(r.getMetaData(), result.putArray("fields"));
      while (r.next()) {
        if (records.size() == ROWS_MAX) {
          result.put("records_truncated", true);
          break;
        }
        ObjectNode record = records.addObject();
        for (int i = 0; i < names.size(); i++) {
          SqlValues.put(record, names.get(i), SqlValues.value(r, i + 1));
        }
      }
    } catch (SQLTimeoutException e) {
      throw e;
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).startsWith("Out of Memory Error")) {
        throw e;
      }
      throw invalid(e, wrapped);
    }
  }

  private static List<String> fields(ResultSetMetaData meta, ArrayNode fields) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String id = meta.getColumnLabel(i);
      names.add(id);
      String type = id.equals("_full_text") ? "tsvector" : PgTypes.of(meta.getColumnTypeName(i));
      fields.addObject().put("id", id).put("type", type);
    }
    return names;
  }

  /** The engine's message as CKAN's Validation Error: query, and info with the statement. */
  private static ActionError invalid(SQLException e, String statement) {
    String message = SqlRun.firstLine(e.getMessage());
    ObjectNode error = NODES.objectNode();
    error.putArray("query").add(message);
    ObjectNode info = error.putObject("info");
    info.putArray("statement").add(statement);
    info.putArray("params").addObject();
    info.putArray("orig").add(message);
    return ActionError.validation(error);
  }
}
