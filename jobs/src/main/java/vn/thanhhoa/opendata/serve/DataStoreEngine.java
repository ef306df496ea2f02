package vn.thanhhoa.opendata.serve;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * The DataStore of one release in an embedded DuckDB: each datastore-active resource a table,
 * loaded once from the Parquet files, then fenced: no file, network or extension access, settings
 * locked, a memory limit for the engine. Every query runs on its own connection with a time limit.
 * The engine is closed once its release is no longer current and its last query has ended.
 */
final class DataStoreEngine {
  /** The engine's memory for tables and queries together; a query past it fails, alone. */
  static final String MEMORY_LIMIT = "256MB";

  /** The time limit of one query, in seconds (JDBC counts whole seconds). */
  static final int QUERY_SECONDS = 5;

  /** Set last: after them nothing can change a setting, open a file or load an extension. */
  private static final String[] FENCES = {
    "SET TimeZone = 'UTC'",
    "SET temp_directory = ''",
    "SET enable_external_access = false",
    "SET lock_configuration = true"
  };

  /** The totals datastore_search counted on this release, kept as long as the engine. */
  final DataStoreTotals totals = new DataStoreTotals();

  /** The whole-table orders datastore_search sorted on this release, kept as long as the engine. */
  final DataStoreOrders orders = new DataStoreOrders();

  private final DuckDBConnection db;
  private final Map<String, DataStoreTable> tables;
  private int running;
  private boolean retired;
  private boolean closed;

  private DataStoreEngine(DuckDBConnection db, Map<String, DataStoreTable> tables) {
    this.db = db;
    this.tables = Map.copyOf(tables);
  }

  /** Loads the tables: resource id → the dataset folder holding its Parquet files. */
  static DataStoreEngine open(Map<String, Path> datasets) {
    try {
      DuckDBConnection db =
          (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", config());
      Map<String, DataStoreTable> tables = new LinkedHashMap<>();
      try {
        for (Map.Entry<String, Path> d : datasets.entrySet()) {
          tables.put(d.getKey(), DataStoreTable.load(db, d.getKey(), d.getValue()));
        }
        try (Statement s = db.createStatement()) {
          for (String fence : FENCES) {
            s.execute(fence);
          }
        }
      } catch (SQLException | RuntimeException e) {
        db.close();
        throw e;
      }
      return new DataStoreEngine(db, tables);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot load the DataStore tables: " + e.getMessage(), e);
    }
  }

  private static Properties config() {
    Properties p = new Properties();
    p.setProperty("memory_limit", MEMORY_LIMIT);
    // one thread per query: the server runs many queries at once on few cores, and splitting each
    // across threads only added scheduling to every query's time under load
    p.setProperty("threads", "1");
    // datastore_search pages without a sort rely on it: rows come in stored (_id) order
    p.setProperty("preserve_insertion_order", "true");
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("autoload_known_extensions", "false");
    p.setProperty("allow_community_extensions", "false");
    return p;
  }

  Optional<DataStoreTable> table(String resourceId) {
    return Optional.ofNullable(tables.get(resourceId));
  }

  Set<String> tableNames() {
    return tables.keySet();
  }

  /** Work done on a connection of its own. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} on a connection of its own (its statements {@link #limited}). */
  <T> T run(Work<T> work) throws SQLException {
    enter();
    try (Connection c = db.duplicate()) {
      return work.run(c);
    } finally {
      leave();
    }
  }

  /** A statement's time limit, set on each statement a query makes. */
  static <S extends Statement> S limited(S statement) throws SQLException {
    statement.setQueryTimeout(QUERY_SECONDS);
    return statement;
  }

  private synchronized void enter() throws SQLException {
    if (closed) {
      throw new SQLException("this release's DataStore was closed");
    }
    running++;
  }

  private synchronized void leave() {
    running--;
    closeIfDone();
  }

  /** Its release is no longer current: close once the queries still running have ended. */
  synchronized void retire() {
    retired = true;
    closeIfDone();
  }

  private void closeIfDone() {
    if (retired && running == 0 && !closed) {
      closed = true;
      try {
        db.close();
      } catch (SQLException ignored) {
        // closing an in-memory database frees its memory; there is nothing left to save
      }
    }
  }
}
