package vn.thanhhoa.opendata.serve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Arrays;
import java.util.List;

/**
 * Running the DataStore's queries: parameters bound, every statement under the time limit, and the
 * engine's failures as CKAN's errors (a query that ran too long or out of memory is the caller's
 * Validation Error; anything else is the server's fault and logged).
 */
final class SqlRun {
  /** Takes the rows of a result, one at a time. */
  interface Rows {
    void take(ResultSet row) throws SQLException;
  }

  private SqlRun() {}

  /** Runs a datastore_search; {@code tooLong} names the failure when it runs out of time. */
  static <T> T run(DataStoreEngine engine, String tooLong, DataStoreEngine.Work<T> work) {
    try {
      return engine.run(work);
    } catch (SQLTimeoutException e) {
      throw ActionError.validation("query", tooLong);
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).startsWith("Out of Memory Error")) {
        throw ActionError.validation(
            "query",
            "Query needed more than the " + DataStoreEngine.MEMORY_LIMIT + " of memory allowed");
      }
      throw new IllegalStateException("DataStore query failed: " + firstLine(e.getMessage()), e);
    }
  }

  static <T> T search(DataStoreEngine engine, DataStoreEngine.Work<T> work) {
    return run(engine, "Search took too long", work);
  }

  static void rows(Connection c, String sql, List<Object> params, Rows rows) throws SQLException {
    try (PreparedStatement s = DataStoreEngine.limited(c.prepareStatement(sql))) {
      bind(s, params);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.take(r);
        }
      }
    }
  }

  static long count(Connection c, String sql, List<Object> params) throws SQLException {
    long[] n = {0};
    rows(c, sql, params, r -> n[0] = r.getLong(1));
    return n[0];
  }

  /** Binds the parameters in order; an {@code int[]} as an INTEGER list. */
  private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) instanceof int[] ints) {
        Object[] list = Arrays.stream(ints).boxed().toArray();
        s.setArray(i + 1, s.getConnection().createArrayOf("INTEGER", list));
      } else {
        s.setObject(i + 1, params.get(i));
      }
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
