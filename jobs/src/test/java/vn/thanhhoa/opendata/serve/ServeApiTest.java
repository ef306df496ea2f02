package vn.thanhhoa.opendata.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The Action API and files over loopback, as ckanapi, CKAN's harvester and a browser use them. */
class ServeApiTest extends ServedSampleTest {
  @Test
  void statusShowOnBothRoutesWithTheEnvelope() throws Exception {
    for (String route : List.of("/api/3/action/status_show", "/api/action/status_show")) {
      HttpResponse<byte[]> r = serve.get(route);
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      JsonNode body = ServeFixture.JSON.readTree(r.body());
      assertTrue(body.get("help").asText().contains("help_show?name=status_show"));
      assertTrue(body.get("success").asBoolean());
      assertTrue(body.get("result").get("extensions").toString().contains("datastore"));
    }
  }

  @Test
  void errorsUseCkansTypesAndStatuses() throws Exception {
    HttpResponse<byte[]> notFound = serve.get("/api/3/action/package_show?id=khong-co");
    assertEquals(404, notFound.statusCode());
    JsonNode nf = ServeFixture.JSON.readTree(notFound.body());
    assertEquals(false, nf.get("success").asBoolean());
    assertEquals("Not Found Error", nf.get("error").get("__type").asText());
    assertTrue(nf.get("error").get("message").isTextual());

    HttpResponse<byte[]> invalid = serve.get("/api/3/action/package_search?rows=-1");
    assertEquals(409, invalid.statusCode());
    JsonNode v = ServeFixture.JSON.readTree(invalid.body());
    assertEquals("Validation Error", v.get("error").get("__type").asText());
    assertTrue(v.get("error").has("rows"));

    assertEquals(
        400, serve.get("/api/3/action/package_create").statusCode(), "GET on a write action");
    HttpResponse<byte[]> write =
        serve.send("POST", "/api/3/action/package_create", "{\"name\": \"x\"}");
    assertEquals(403, write.statusCode());
    assertEquals(
        "Authorization Error",
        ServeFixture.JSON.readTree(write.body()).get("error").get("__type").asText());
    HttpResponse<byte[]> unknown = serve.get("/api/3/action/khong_biet");
    assertEquals(400, unknown.statusCode());
    assertEquals(
        "Bad request - Action name not known: khong_biet",
        ServeFixture.JSON.readTree(unknown.body()).asText());
    assertEquals(400, serve.send("POST", "/api/3/action/package_list", "{not json").statusCode());
  }

  @Test
  void packageListByGetAndPost() throws Exception {
    JsonNode names = serve.result("package_list");
    assertEquals(6, names.size());
    JsonNode posted =
        ServeFixture.JSON.readTree(
            serve.send("POST", "/api/action/package_list", "{\"limit\": 1, \"offset\": 1}").body());
    assertEquals(names.get(1), posted.get("result").get(0));
  }

  @Test
  void harvesterPagingSortedByIdEndsOnAnEmptyPage() throws Exception {
    for (int rows : List.of(100, 2)) {
      List<String> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      String previous = null;
      int count = -1;
      for (int start = 0; ; start += rows) {
        HttpResponse<byte[]> page =
            serve.get(
                "/api/3/action/package_search"
                    + ServeFixture.query(
                        "rows",
                        String.valueOf(rows),
                        "start",
                        String.valueOf(start),
                        "sort",
                        "id asc"));
        String body = new String(page.body());
        assertTrue(!body.equals(previous), "a page repeats the previous one");
        previous = body;
        JsonNode result = ServeFixture.JSON.readTree(body).get("result");
        count = count < 0 ? result.get("count").asInt() : count;
        assertEquals(count, result.get("count").asInt(), "count is stable");
        if (result.get("results").isEmpty()) {
          break;
        }
        result
            .get("results")
            .forEach(
                p -> {
                  ids.add(p.get("id").asText());
                  names.add(p.get("name").asText());
                });
      }
      assertEquals(count, ids.size());
      assertEquals(ids.stream().sorted().toList(), ids, "ids ascending");
      assertEquals(new HashSet<>(ids).size(), ids.size(), "ids unique");
      assertEquals(
          ServeFixture.JSON.convertValue(serve.result("package_list"), List.class),
          names.stream().sorted().toList());
    }
  }

  @Test
  void incrementalHarvestByMetadataModified() throws Exception {
    assertEquals(
        0,
        serve
            .result("package_search", "fq", "metadata_modified:[2999-01-01T00:00:00Z TO *]")
            .get("count")
            .asInt());
    JsonNode all = serve.result("package_search", "rows", "100");
    String newest = null;
    for (JsonNode p : all.get("results")) {
      String m = p.get("metadata_modified").asText();
      newest = newest == null || m.compareTo(newest) > 0 ? m : newest;
    }
    LocalDateTime bound = LocalDateTime.parse(newest).minusSeconds(1);
    JsonNode recent =
        serve.result(
            "package_search", "fq", "metadata_modified:[" + bound + "Z TO *]", "rows", "100");
    long expected = 0;
    for (JsonNode p : all.get("results")) {
      expected += LocalDateTime.parse(p.get("metadata_modified").asText()).isBefore(bound) ? 0 : 1;
    }
    assertEquals(expected, recent.get("count").asLong());
    assertTrue(expected >= 1);
  }

  @Test
  void searchFiltersFacetsQAndCaps() throws Exception {
    JsonNode facets =
        ServeFixture.JSON
            .readTree(
                serve
                    .send(
                        "POST",
                        "/api/3/action/package_search",
                        "{\"rows\": 0, \"facet.field\": [\"organization\", \"tags\", \"res_format\", \"license_id\"]}")
                    .body())
            .get("result");
    assertEquals(0, facets.get("results").size());
    for (String f : List.of("organization", "tags", "res_format", "license_id")) {
      JsonNode items = facets.get("search_facets").get(f).get("items");
      assertTrue(items.size() > 0, f);
      items.forEach(i -> assertTrue(i.has("name") && i.has("display_name") && i.has("count")));
    }
    assertEquals(
        6,
        facets.get("search_facets").get("organization").get("items").get(0).get("count").asInt());
    String org =
        facets.get("search_facets").get("organization").get("items").get(0).get("name").asText();
    assertEquals(
        6, serve.result("package_search", "fq", "organization:" + org).get("count").asInt());
    assertEquals(
        0, serve.result("package_search", "fq", "-organization:" + org).get("count").asInt());
    assertEquals(
        2,
        serve
                .result("package_search", "fq", "groups:chinh-quyen-so OR name:don-vi-hanh-chinh")
                .get("count")
                .asInt()
            - 1);
    JsonNode diacritics = serve.result("package_search", "q", "chuyen doi so");
    assertTrue(diacritics.get("results").findValuesAsText("name").contains("chuyen-doi-so-cap-xa"));
    assertEquals(1, serve.result("package_search", "rows", "1").get("results").size());
    assertEquals(
        6,
        serve.result("package_search", "rows", "5000").get("results").size(),
        "rows above 1000 are capped, not refused");
    assertEquals(
        "name asc", serve.result("package_search", "sort", "name asc").get("sort").asText());
  }

  @Test
  void showActionsAgreeWithEachOther() throws Exception {
    JsonNode byName = serve.result("package_show", "id", "kinh-te-so-cap-xa");
    assertEquals(byName, serve.result("package_show", "id", byName.get("id").asText()));
    JsonNode resource = byName.get("resources").get(0);
    assertEquals(resource, serve.result("resource_show", "id", resource.get("id").asText()));
    JsonNode orgs = serve.result("organization_list", "all_fields", "true");
    assertEquals(6, orgs.get(0).get("package_count").asInt());
    JsonNode org = serve.result("organization_show", "id", orgs.get(0).get("name").asText());
    assertTrue(org.get("is_organization").asBoolean());
    assertEquals(3, serve.result("group_list").size());
    assertEquals(
        404,
        serve.get("/api/3/action/group_show?id=" + org.get("name").asText()).statusCode(),
        "an organization is not a group");
    assertTrue(serve.result("group_show", "id", "kinh-te-so").get("package_count").asInt() > 0);
    assertTrue(serve.result("license_list").size() >= 15);
  }

  @Test
  void dataStoreSearchPagesFiltersAndCountsLikeTheParquet() throws Exception {
    JsonNode report =
        ServeFixture.JSON.readTree(serve.output.resolve("current/run-report.json").toFile());
    for (JsonNode pkg :
        List.of(
            serve.result("package_show", "id", "tai-khoan-thanh-toan-khong-dung-tien-mat"),
            serve.result("package_show", "id", "kinh-te-so-cap-xa"))) {
      String rid = null;
      for (JsonNode r : pkg.get("resources")) {
        rid = r.get("datastore_active").asBoolean() ? r.get("id").asText() : rid;
      }
      JsonNode five = serve.result("datastore_search", "resource_id", rid, "limit", "5");
      for (String key : List.of("fields", "records", "total", "_links", "resource_id", "limit")) {
        assertTrue(five.has(key), key);
      }
      assertEquals("{\"id\":\"_id\",\"type\":\"int\"}", five.get("fields").get(0).toString());
      assertTrue(five.get("records").size() <= 5);
      long rows = report.get("datasets").get(pkg.get("name").asText()).get("rows").asLong();
      assertEquals(
          rows, five.get("total").asLong(), "DataStore total equals the Parquet row count");
      JsonNode first = serve.result("datastore_search", "resource_id", rid, "limit", "2");
      JsonNode second =
          serve.result("datastore_search", "resource_id", rid, "limit", "2", "offset", "2");
      JsonNode four = serve.result("datastore_search", "resource_id", rid, "limit", "4");
      List<JsonNode> joined = new ArrayList<>();
      first.get("records").forEach(joined::add);
      second.get("records").forEach(joined::add);
      assertEquals(
          four.get("records").toString(), ServeFixture.JSON.valueToTree(joined).toString());
      assertEquals(
          0,
          serve
              .result("datastore_search", "resource_id", rid, "offset", String.valueOf(rows))
              .get("records")
              .size());
      JsonNode filtered =
          serve.result(
              "datastore_search",
              "resource_id",
              rid,
              "filters",
              "{\"period\": \"2025-07\"}",
              "limit",
              "32000");
      assertTrue(filtered.get("total").asLong() < rows && filtered.get("total").asLong() > 0);
      filtered.get("records").forEach(r -> assertEquals("2025-07", r.get("period").asText()));
      JsonNode fields =
          serve.result("datastore_search", "resource_id", rid, "fields", "period", "limit", "3");
      fields.get("records").forEach(r -> assertEquals(List.of("period"), iterable(r.fieldNames())));
      Set<Integer> ids = new HashSet<>();
      for (int offset = 0; offset < rows; offset += 5000) {
        serve
            .result(
                "datastore_search",
                "resource_id",
                rid,
                "limit",
                "5000",
                "offset",
                String.valueOf(offset))
            .get("records")
            .forEach(r -> ids.add(r.get("_id").asInt()));
      }
      assertEquals(rows, ids.size(), "paging reaches every row once");
    }
    assertEquals(
        404, serve.get("/api/3/action/datastore_search?resource_id=khong-co").statusCode());
    JsonNode types =
        serve.result(
            "datastore_search",
            "resource_id",
            datastoreId("tai-khoan-thanh-toan-khong-dung-tien-mat"),
            "limit",
            "1");
    Set<String> known =
        Set.of("int", "int4", "int8", "numeric", "text", "bool", "date", "timestamp", "float8");
    types
        .get("fields")
        .forEach(f -> assertTrue(known.contains(f.get("type").asText()), f.toString()));
  }

  @Test
  void dataStoreFieldsAreExactlyTheOnesAskedForInTheOrderAsked() throws Exception {
    String rid = datastoreId("tai-khoan-thanh-toan-khong-dung-tien-mat");
    JsonNode one =
        serve.result("datastore_search", "resource_id", rid, "fields", "period", "limit", "3");
    assertEquals(List.of("period"), fieldIds(one));
    assertEquals("text", one.get("fields").get(0).get("type").asText());
    assertEquals("Kỳ báo cáo", one.get("fields").get(0).get("info").get("label").asText());
    assertEquals(3, one.get("records").size());
    one.get("records").forEach(r -> assertEquals(List.of("period"), iterable(r.fieldNames())));

    List<String> order = List.of("provider_type", "accounts_total", "commune_code", "period");
    JsonNode listed =
        search(
                "{\"resource_id\": \""
                    + rid
                    + "\", \"limit\": 5, "
                    + "\"fields\": [\"provider_type\", \"accounts_total\", \"commune_code\", \"period\"]}")
            .get("result");
    assertEquals(order, fieldIds(listed));
    listed.get("records").forEach(r -> assertEquals(order, iterable(r.fieldNames())));
    JsonNode all = serve.result("datastore_search", "resource_id", rid, "limit", "5");
    assertEquals(
        projected(all.get("records"), order),
        listed.get("records"),
        "the same rows, only those fields");
    assertEquals(all.get("total"), listed.get("total"));
    for (String asText :
        List.of(
            "provider_type, accounts_total,commune_code ,period",
            "[\"provider_type\", \"accounts_total\", \"commune_code\", \"period\"]")) {
      JsonNode got =
          serve.result("datastore_search", "resource_id", rid, "fields", asText, "limit", "5");
      assertEquals(listed.get("records"), got.get("records"), asText);
      assertEquals(listed.get("fields"), got.get("fields"), asText);
    }

    JsonNode withId =
        serve.result(
            "datastore_search", "resource_id", rid, "fields", "commune_code,_id", "limit", "5");
    assertEquals(List.of("commune_code", "_id"), fieldIds(withId));
    assertEquals("{\"id\":\"_id\",\"type\":\"int\"}", withId.get("fields").get(1).toString());
    assertEquals(
        projected(all.get("records"), List.of("commune_code", "_id")), withId.get("records"));
  }

  @Test
  void anUnknownDataStoreFieldIsAValidationErrorNamingIt() throws Exception {
    String rid = datastoreId("tai-khoan-thanh-toan-khong-dung-tien-mat");
    for (String fields : List.of("period,xyz", "[\"period\", \"xyz\"]")) {
      HttpResponse<byte[]> r =
          serve.get(
              "/api/3/action/datastore_search"
                  + ServeFixture.query("resource_id", rid, "fields", fields));
      assertEquals(409, r.statusCode(), fields);
      JsonNode body = ServeFixture.JSON.readTree(r.body());
      assertEquals(false, body.get("success").asBoolean());
      assertTrue(!body.has("result"));
      assertEquals(
          "{\"fields\":[\"invalid value \\\"xyz\\\"\"],\"__type\":\"Validation Error\"}",
          body.get("error").toString());
    }
    HttpResponse<byte[]> posted =
        serve.send(
            "POST",
            "/api/3/action/datastore_search",
            "{\"resource_id\": \"" + rid + "\", \"fields\": [\"Period\"]}");
    assertEquals(409, posted.statusCode(), "field names are case-sensitive");
    assertEquals(
        "invalid value \"Period\"",
        ServeFixture.JSON.readTree(posted.body()).get("error").get("fields").get(0).asText());
  }

  @Test
  void dataStoreFieldsKeepSortQAndFiltersWorking() throws Exception {
    String rid = datastoreId("tai-khoan-thanh-toan-khong-dung-tien-mat");
    String query =
        "\"resource_id\": \""
            + rid
            + "\", \"limit\": 32000, \"filters\": {\"period\": \"2025-07\"}, "
            + "\"q\": \"bank\", \"sort\": \"accounts_total desc, commune_code\"";
    JsonNode all = search("{" + query + "}").get("result");
    long total = all.get("total").asLong();
    assertTrue(
        total > 1
            && total
                < serve
                    .result("datastore_search", "resource_id", rid, "limit", "0")
                    .get("total")
                    .asLong());
    Long previous = null;
    for (JsonNode r : all.get("records")) {
      assertEquals("2025-07", r.get("period").asText());
      assertEquals("bank", r.get("provider_type").asText());
      if (previous != null && !r.get("accounts_total").isNull()) {
        assertTrue(previous >= r.get("accounts_total").asLong(), "sorted by accounts_total desc");
      }
      previous =
          r.get("accounts_total").isNull()
              ? previous
              : Long.valueOf(r.get("accounts_total").asLong());
    }
    List<String> order = List.of("commune_name", "_id");
    JsonNode some =
        search("{" + query + ", \"fields\": [\"commune_name\", \"_id\"]}").get("result");
    assertEquals(total, some.get("total").asLong());
    assertEquals(
        projected(all.get("records"), order),
        some.get("records"),
        "filters, q and sort apply to columns not returned");
    assertEquals(all.get("filters"), some.get("filters"));
    assertEquals("accounts_total desc, commune_code", some.get("sort").asText());
  }

  /** POSTs a datastore_search body and returns the whole response envelope. */
  private JsonNode search(String body) throws Exception {
    HttpResponse<byte[]> r = serve.send("POST", "/api/3/action/datastore_search", body);
    assertEquals(
        200, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    return ServeFixture.JSON.readTree(r.body());
  }

  private static List<String> fieldIds(JsonNode result) {
    return result.get("fields").findValuesAsText("id");
  }

  /** The records with only {@code fields}, in that order. */
  private static JsonNode projected(JsonNode records, List<String> fields) {
    com.fasterxml.jackson.databind.node.ArrayNode out = ServeFixture.JSON.createArrayNode();
    for (JsonNode r : records) {
      com.fasterxml.jackson.databind.node.ObjectNode p = out.addObject();
      fields.forEach(f -> p.set(f, r.get(f)));
    }
    return out;
  }

  @Test
  void dataFilesAnswerAtTheirResourceUrlsWithSizeHashRangesAndGzip() throws Exception {
    for (JsonNode r : serve.result("package_show", "id", "chuyen-doi-so-cap-xa").get("resources")) {
      String url = r.get("url").asText();
      String path = url.substring(url.indexOf("/datasets/"));
      HttpResponse<byte[]> file = serve.get(path);
      assertEquals(200, file.statusCode(), path);
      assertEquals(r.get("size").asLong(), file.body().length);
      Path copy = tmp.resolve("download");
      Files.write(copy, file.body());
      assertEquals(r.get("hash").asText(), vn.thanhhoa.opendata.core.Sha256.of(copy));
      String etag = file.headers().firstValue("ETag").orElseThrow();
      assertEquals(304, serve.get(path, "If-None-Match", etag).statusCode());
      HttpResponse<byte[]> range = serve.get(path, "Range", "bytes=10-19");
      assertEquals(206, range.statusCode());
      assertArrayEquals(java.util.Arrays.copyOfRange(file.body(), 10, 20), range.body());
      assertEquals(
          "bytes 10-19/" + file.body().length,
          range.headers().firstValue("Content-Range").orElse(""));
      if (path.endsWith(".csv")) {
        HttpResponse<byte[]> gz = serve.get(path, "Accept-Encoding", "gzip");
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        assertArrayEquals(
            file.body(), new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes());
      }
    }
    assertEquals(
        416,
        serve
            .get("/datasets/don-vi-hanh-chinh/don-vi-hanh-chinh.csv", "Range", "bytes=99999999-")
            .statusCode());
    assertTrue(new String(serve.get("/catalog.ttl").body()).contains("dcat:Catalog"));
    assertTrue(new String(serve.get("/").body()).contains("Chuyển đổi số cấp xã"));
  }

  private String datastoreId(String dataset) throws Exception {
    for (JsonNode r : serve.result("package_show", "id", dataset).get("resources")) {
      if (r.get("datastore_active").asBoolean()) {
        return r.get("id").asText();
      }
    }
    throw new AssertionError("no DataStore resource in " + dataset);
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
