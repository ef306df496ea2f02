package vn.thanhhoa.opendata.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Hostile datastore_search_sql queries: each refused with CKAN's error naming why, within the time
 * limit, no stack trace, no file read, while the server keeps answering others.
 */
class ServeSqlFenceTest extends ServedSampleTest {
  /** Query → the error type expected and a word its message must hold. */
  private Map<String, String[]> hostile(String t) {
    Map<String, String[]> q = new LinkedHashMap<>();
    String v = "Validation Error";
    String a = "Authorization Error";
    q.put("SELECT 1 FROM " + t + "; SELECT 2", new String[] {v, "single statement"});
    q.put("SELECT 1 FROM " + t + "; DROP TABLE " + t, new String[] {a, "Only SELECT"});
    q.put("COPY " + t + " TO '" + tmp.resolve("copy.csv") + "'", new String[] {a, "Only SELECT"});
    q.put("ATTACH ':memory:' AS other", new String[] {a, "Only SELECT"});
    q.put("INSTALL httpfs", new String[] {a, "Only SELECT"});
    q.put("LOAD httpfs", new String[] {a, "Only SELECT"});
    q.put("PRAGMA database_list", new String[] {a, "Only SELECT"});
    q.put("SET threads = 64", new String[] {a, "Only SELECT"});
    q.put("CREATE TABLE x AS SELECT * FROM " + t, new String[] {a, "Only SELECT"});
    q.put("WITH x AS (SELECT 1) DELETE FROM " + t, new String[] {a, "Only SELECT"});
    q.put("SELECT * FROM read_csv('/etc/passwd')", new String[] {a, "read_csv"});
    q.put("SELECT * FROM read_text('/etc/passwd')", new String[] {a, "read_text"});
    q.put("SELECT * FROM '/etc/passwd'", new String[] {a, "/etc/passwd"});
    q.put("SELECT * FROM glob('/etc/*')", new String[] {a, "glob"});
    q.put("SELECT * FROM query('SELECT 1')", new String[] {a, "query"});
    q.put("SELECT * FROM duckdb_settings()", new String[] {a, "duckdb_settings"});
    q.put("SELECT current_setting('memory_limit')", new String[] {a, "current_setting"});
    q.put("SELECT * FROM information_schema.tables", new String[] {a, "information_schema"});
    q.put("SELECT * FROM khong_co_bang", new String[] {a, "khong_co_bang"});
    q.put("SELEC 1", new String[] {v, "syntax"});
    q.put("SELECT khong_co FROM " + t, new String[] {v, "khong_co"});
    q.put(
        "SELECT count(*) FROM "
            + t
            + " a, "
            + t
            + " b, "
            + t
            + " c"
            + " WHERE (a._id * b._id + c._id) % 9973 = -1",
        new String[] {v, "too long"});
    q.put(
        "SELECT string_agg(a._full_text || repeat('x', 2000), ',') FROM " + t + " a, " + t + " b",
        new String[] {v, "memory"});
    return q;
  }

  @Test
  void hostileQueriesAreRefusedWithCkansErrorsWhileOthersAreAnswered() throws Exception {
    String table = "\"" + ServeSqlTest.datastoreId(serve, ServeSqlTest.PAYMENTS) + "\"";
    ConcurrentLinkedQueue<String> slow = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread others = new Thread(() -> keepAsking(running, slow));
    others.start();
    List<String> problems = new ArrayList<>();
    try {
      for (Map.Entry<String, String[]> e : hostile(table).entrySet()) {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = post(e.getKey());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String body = new String(r.body(), StandardCharsets.UTF_8);
        JsonNode error = ServeFixture.JSON.readTree(body).path("error");
        boolean ok =
            (r.statusCode() == 409 || r.statusCode() == 403)
                && error.path("__type").asText().equals(e.getValue()[0])
                && error.toString().toLowerCase().contains(e.getValue()[1].toLowerCase())
                && !body.contains("\tat ")
                && !body.contains("root:")
                && ms < (DataStoreEngine.QUERY_SECONDS + 3) * 1000L;
        if (!ok) {
          problems.add(e.getKey() + " -> " + r.statusCode() + " in " + ms + " ms: " + body);
        }
      }
    } finally {
      running.set(false);
      others.join();
    }
    assertEquals(List.of(), problems);
    assertEquals(List.of(), new ArrayList<>(slow), "status_show answered within 1 s throughout");
    assertTrue(!Files.exists(tmp.resolve("copy.csv")));
    assertEquals(
        1, serve.result("datastore_search_sql", "sql", "SELECT 1 AS one").get("records").size());
  }

  @Test
  void aQueryOverOneMebibyteIsRefusedBeforeItIsRead() throws Exception {
    String sql = "SELECT 1 -- " + "x".repeat(1 << 20);
    HttpResponse<byte[]> r = post(sql);
    assertEquals(413, r.statusCode());
    assertEquals(
        "Bad request - request body too large", ServeFixture.JSON.readTree(r.body()).asText());
  }

  private HttpResponse<byte[]> post(String sql) throws Exception {
    return serve.send(
        "POST",
        "/api/3/action/datastore_search_sql",
        ServeFixture.JSON.createObjectNode().put("sql", sql).toString());
  }

  private void keepAsking(AtomicBoolean running, ConcurrentLinkedQueue<String> slow) {
    while (running.get()) {
      try {
        long t0 = System.nanoTime();
        int status = serve.get("/api/3/action/status_show").statusCode();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (status != 200 || ms > 1000) {
          slow.add("status " + status + " in " + ms + " ms");
        }
        Thread.sleep(100);
      } catch (Exception e) {
        slow.add(e.toString());
        return;
      }
    }
  }
}
