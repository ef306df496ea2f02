package vn.thanhhoa.opendata.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sorted pages of a whole table (served from the order kept per table and sort) equal the same
 * ORDER BY … LIMIT … OFFSET through datastore_search_sql, on the first request and on later ones;
 * dataset files carry the hash the release publishes for them as their ETag.
 */
class ServeSortTest extends ServedSampleTest {
  private static final String COLUMNS = "_id, commune_name, period, accounts_total";

  @Test
  void sortedPagesOfAWholeTableEqualTheSqlEndpointsOrder() throws Exception {
    String rid = ServeSqlTest.datastoreId(serve, ServeSqlTest.PAYMENTS);
    long rows =
        serve.result("datastore_search", "resource_id", rid, "limit", "0").get("total").asLong();
    assertTrue(rows > 1000, "the sample has payment rows: " + rows);
    List<String> sorts =
        List.of("commune_name desc", "period, commune_code", "accounts_total desc");
    List<String> orders =
        List.of(
            "commune_name DESC NULLS FIRST, _id",
            "period ASC NULLS LAST, commune_code ASC NULLS LAST, _id",
            "accounts_total DESC NULLS FIRST, _id");
    for (int k = 0; k < sorts.size(); k++) {
      for (long offset : List.of(0L, 37L, rows - 5, rows + 10)) {
        for (int limit : List.of(7, 100, 1500)) {
          JsonNode expected = sqlPage(rid, orders.get(k), limit, offset);
          for (int again = 0; again < 2; again++) {
            JsonNode page = searchPage(rid, sorts.get(k), limit, offset);
            assertEquals(expected, page.get("records"), sorts.get(k) + " at " + offset);
            assertEquals(rows, page.get("total").asLong());
          }
        }
      }
    }
  }

  @Test
  void aSortedPageReturnsOnlyTheFieldsAskedFor() throws Exception {
    String rid = ServeSqlTest.datastoreId(serve, ServeSqlTest.PAYMENTS);
    JsonNode page =
        serve.result(
            "datastore_search",
            "resource_id",
            rid,
            "sort",
            "accounts_total",
            "fields",
            "commune_name",
            "offset",
            "3",
            "limit",
            "5");
    String sql =
        "SELECT commune_name FROM \""
            + rid
            + "\" ORDER BY accounts_total ASC NULLS LAST, _id LIMIT 5 OFFSET 3";
    assertEquals(
        serve.result("datastore_search_sql", "sql", sql).get("records"), page.get("records"));
    assertEquals(5, page.get("records").size());
  }

  @Test
  void aDatasetFilesEtagIsTheHashItsReleasePublishes() throws Exception {
    for (JsonNode r : serve.result("package_show", "id", ServeSqlTest.PAYMENTS).get("resources")) {
      String url = r.get("url").asText();
      String path = url.substring(url.indexOf("/datasets/"));
      String hash = "\"" + r.get("hash").asText() + "\"";
      HttpResponse<byte[]> range = serve.get(path, "Range", "bytes=0-9");
      assertEquals(206, range.statusCode(), path);
      assertEquals(hash, range.headers().firstValue("ETag").orElse(""), path);
      assertEquals(304, serve.get(path, "If-None-Match", hash).statusCode(), path);
    }
  }

  private JsonNode searchPage(String rid, String sort, int limit, long offset) throws Exception {
    return serve.result(
        "datastore_search",
        "resource_id",
        rid,
        "sort",
        sort,
        "fields",
        COLUMNS,
        "limit",
        String.valueOf(limit),
        "offset",
        String.valueOf(offset));
  }

  private JsonNode sqlPage(String rid, String order, int limit, long offset) throws Exception {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM \""
            + rid
            + "\" ORDER BY "
            + order
            + " LIMIT "
            + limit
            + " OFFSET "
            + offset;
    return serve.result("datastore_search_sql", "sql", sql).get("records");
  }
}
