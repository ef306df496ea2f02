package vn.thanhhoa.opendata.serve;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals datastore_search has counted on one release's DataStore, by count query and
 * parameters. A release never changes, so a total once counted stays right until the engine is
 * retired; the most recently used {@link #CAPACITY} are kept. Counting a total scans every matching
 * row, which the page itself (ordered, limited) mostly need not: a repeated filter or q then costs
 * only its page.
 */
final class DataStoreTotals {
  /** Totals kept; a key is a short SQL text and its few parameters. */
  static final int CAPACITY = 4096;

  /** Counts a total the first time it is asked for. */
  interface Count {
    long count() throws SQLException;
  }

  private final Map<List<Object>, Long> totals =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Long> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The total of {@code sql} with {@code params}, counted by {@code count} when not yet known. */
  long total(String sql, List<Object> params, Count count) throws SQLException {
    List<Object> key = List.of(sql, List.copyOf(params));
    synchronized (totals) {
      Long known = totals.get(key);
      if (known != null) {
        return known;
      }
    }
    long counted = count.count();
    synchronized (totals) {
      totals.put(key, counted);
    }
    return counted;
  }
}
