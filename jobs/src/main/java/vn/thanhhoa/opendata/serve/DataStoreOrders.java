package vn.thanhhoa.opendata.serve;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The orders datastore_search has sorted whole tables by, on one release's DataStore: a table's
 * {@code _id}s in the order of a {@code sort}. A release never changes, so an order once sorted
 * stays right; a sorted page of a table without filters or q is then a look-up of its {@code _id}s
 * instead of a sort of every row for each page (2 ms instead of 8 for a page of 100 rows of the
 * national payment table, 119,264 rows). Sorted once per table and sort (a request asking for an
 * order being sorted waits for it), the most recently used kept up to {@link #BUDGET} ids in all.
 */
final class DataStoreOrders {
  /** Ids kept in all, 4 bytes each on the heap. */
  static final int BUDGET = 2_000_000;

  /** Tables with more rows are sorted for each page, as before: their order would not be kept. */
  static final long MAX_ROWS = BUDGET / 4;

  /** Larger pages are sorted for each page: their look-up would not be cheaper. */
  static final int MAX_PAGE = 1000;

  private final Map<String, CompletableFuture<int[]>> orders = new LinkedHashMap<>(16, 0.75f, true);
  private long held;

  /** Whether a page of {@code limit} rows of {@code table} is served from its kept order. */
  static boolean serves(DataStoreTable table, int limit) {
    return table.rows <= MAX_ROWS && limit <= MAX_PAGE;
  }

  /**
   * The {@code _id}s of rows [offset, offset + limit) of {@code table} in the order {@code orderBy}
   * (a {@link RowOrder}, which ends with {@code _id}, so the order is total).
   */
  int[] page(Connection c, DataStoreTable table, String orderBy, int limit, int offset)
      throws SQLException {
    int[] ids = ids(table.name + orderBy, () -> sorted(c, table, orderBy));
    int from = Math.min(offset, ids.length);
    return Arrays.copyOfRange(ids, from, (int) Math.min((long) offset + limit, ids.length));
  }

  private static int[] sorted(Connection c, DataStoreTable table, String orderBy)
      throws SQLException {
    int[] ids = new int[Math.toIntExact(table.rows)];
    int[] n = {0};
    SqlRun.rows(
        c,
        "SELECT _id FROM " + Sql.quote(table.name) + orderBy,
        List.of(),
        r -> ids[n[0]++] = r.getInt(1));
    return ids;
  }

  /** Sorts an order. */
  private interface Sort {
    int[] ids() throws SQLException;
  }

  private int[] ids(String key, Sort sort) throws SQLException {
    CompletableFuture<int[]> mine = new CompletableFuture<>();
    CompletableFuture<int[]> known;
    synchronized (this) {
      known = orders.putIfAbsent(key, mine);
    }
    if (known != null) {
      return await(known);
    }
    try {
      int[] ids = sort.ids();
      mine.complete(ids);
      keep(ids.length);
      return ids;
    } catch (SQLException | RuntimeException e) {
      synchronized (this) {
        orders.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static int[] await(CompletableFuture<int[]> order) throws SQLException {
    try {
      return order.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Counts a new order's ids; forgets the least recently used sorted orders past the budget. */
  private synchronized void keep(int ids) {
    held += ids;
    Iterator<CompletableFuture<int[]>> it = orders.values().iterator();
    while (held > BUDGET && it.hasNext()) {
      int[] order = it.next().getNow(null);
      if (order != null) {
        held -= order.length;
        it.remove();
      }
    }
  }
}
