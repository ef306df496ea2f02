package vn.thanhhoa.opendata.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** datastore_search_sql: CKAN's result shape, _id and _full_text, sums that agree with the CSV. */
class ServeSqlTest extends ServedSampleTest {
  static final String PAYMENTS = "tai-khoan-thanh-toan-khong-dung-tien-mat";

  @Test
  void anAggregateOverThePaymentTableEqualsTheSumOfItsCsv() throws Exception {
    String rid = datastoreId(serve, PAYMENTS);
    String sql =
        "SELECT sum(accounts_total) AS accounts, count(*) AS n, count(accounts_total) AS known"
            + " FROM \""
            + rid
            + "\"";
    JsonNode result = serve.result("datastore_search_sql", "sql", sql);
    assertEquals(sql, result.get("sql").asText());
    assertEquals(List.of("accounts", "n", "known"), result.get("fields").findValuesAsText("id"));
    assertEquals("numeric", result.get("fields").get(0).get("type").asText());
    assertEquals("int8", result.get("fields").get(1).get("type").asText());
    List<String[]> csv =
        csv(serve.output.resolve("current/datasets/" + PAYMENTS + "/" + PAYMENTS + ".csv"));
    int column = List.of(csv.get(0)).indexOf("accounts_total");
    BigDecimal sum = BigDecimal.ZERO;
    long known = 0;
    for (String[] row : csv.subList(1, csv.size())) {
      if (row[column] != null && !row[column].isEmpty()) {
        sum = sum.add(new BigDecimal(row[column]));
        known++;
      }
    }
    JsonNode record = result.get("records").get(0);
    assertTrue(known > 1000, "the sample has payment rows: " + known);
    assertEquals(0, sum.compareTo(record.get("accounts").decimalValue()), "sum of accounts_total");
    assertEquals(csv.size() - 1, record.get("n").asLong(), "rows");
    assertEquals(known, record.get("known").asLong());
    assertFalse(result.has("records_truncated"), "CKAN sets it only when records were cut");
  }

  @Test
  void idAndFullTextAreCkansColumns() throws Exception {
    String rid = datastoreId(serve, PAYMENTS);
    JsonNode sql =
        serve.result(
            "datastore_search_sql", "sql", "SELECT * FROM \"" + rid + "\" ORDER BY _id LIMIT 3");
    List<String> ids = sql.get("fields").findValuesAsText("id");
    assertEquals(List.of("_id", "_full_text", "period"), ids.subList(0, 3), "CKAN's column order");
    assertEquals("int4", sql.get("fields").get(0).get("type").asText());
    assertEquals("tsvector", sql.get("fields").get(1).get("type").asText());
    JsonNode search = serve.result("datastore_search", "resource_id", rid, "limit", "3");
    for (int i = 0; i < 3; i++) {
      JsonNode a = sql.get("records").get(i);
      JsonNode b = search.get("records").get(i);
      assertEquals(i + 1, a.get("_id").asInt());
      assertEquals(b.get("_id"), a.get("_id"));
      assertEquals(b.get("commune_name"), a.get("commune_name"));
      String text = a.get("_full_text").asText();
      assertTrue(text.contains(Fold.fold(b.get("commune_name").asText())), text);
      assertEquals(Fold.fold(text), text, "folded: no diacritics, lower case");
    }
    JsonNode matching =
        serve.result(
            "datastore_search_sql",
            "sql",
            "SELECT count(*) AS n FROM \"" + rid + "\" WHERE contains(_full_text, 'mobile_money')");
    assertEquals(
        serve
            .result("datastore_search", "resource_id", rid, "q", "mobile_money", "limit", "0")
            .get("total")
            .asLong(),
        matching.get("records").get(0).get("n").asLong(),
        "q searches _full_text");
  }

  @Test
  void joinsCtesAndTheRowLimitWorkAsInCkan() throws Exception {
    String rid = datastoreId(serve, PAYMENTS);
    String sql =
        "WITH three AS (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) "
            + "SELECT p._id, three.k FROM \""
            + rid
            + "\" p CROSS JOIN three;";
    HttpResponse<byte[]> r =
        serve.send(
            "POST",
            "/api/3/action/datastore_search_sql",
            ServeFixture.JSON.createObjectNode().put("sql", sql).toString());
    assertEquals(200, r.statusCode());
    JsonNode result = ServeFixture.JSON.readTree(r.body()).get("result");
    assertEquals(SqlSearch.ROWS_MAX, result.get("records").size());
    assertTrue(result.get("records_truncated").asBoolean());
    JsonNode missing = serve.action("datastore_search_sql");
    assertEquals(
        "{\"sql\":[\"Missing value\"],\"__type\":\"Validation Error\"}",
        missing.get("error").toString());
  }

  static String datastoreId(ServeFixture serve, String dataset) throws Exception {
    for (JsonNode r : serve.result("package_show", "id", dataset).get("resources")) {
      if (r.get("datastore_active").asBoolean()) {
        return r.get("id").asText();
      }
    }
    throw new AssertionError(dataset);
  }

  private static List<String[]> csv(Path file) throws Exception {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setMaxCharsPerColumn(-1);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String[]> rows = new CsvParser(settings).parseAll(in);
      rows.get(0)[0] = rows.get(0)[0].replace("\uFEFF", "");
      return rows;
    }
  }
}
