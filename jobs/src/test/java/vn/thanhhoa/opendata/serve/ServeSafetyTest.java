package vn.thanhhoa.opendata.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.testing.Folders;

/** Read-only, confined to the release, bounded, and never mixing two releases in one answer. */
class ServeSafetyTest extends ServedSampleTest {
  /** A request line sent as is, so no client library normalises the path first. */
  private String raw(String path) throws Exception {
    try (Socket s = new Socket("127.0.0.1", serve.server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      try (InputStream in = s.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void nothingOutsideTheReleasesDataFilesCanBeReached() throws Exception {
    Path release = serve.output.resolve("current").toRealPath();
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    Files.createSymbolicLink(release.resolve("datasets/don-vi-hanh-chinh/link.csv"), secret);
    List<String> attacks =
        List.of(
            "/datasets/../run-report.json",
            "/datasets/%2e%2e/run-report.json",
            "/datasets/don-vi-hanh-chinh/..%2f..%2frun-report.json",
            "/datasets/%2E%2E%2F%2E%2E%2Fstate%2Frun.lock",
            "/datasets/don-vi-hanh-chinh/%2e%2e/%2e%2e/%2e%2e/secret.txt",
            "/..%5c..%5csecret.txt",
            "/datasets/don-vi-hanh-chinh/link.csv",
            "/run-report.json",
            "/ckan/packages/don-vi-hanh-chinh.json",
            "/datasets/don-vi-hanh-chinh/%00.csv",
            "//etc/passwd",
            "/datasets//etc/passwd");
    for (String path : attacks) {
      String response = raw(path);
      String status = response.substring(0, response.indexOf("\r\n"));
      assertTrue(status.contains(" 404 ") || status.contains(" 400 "), path + " -> " + status);
      assertTrue(
          !response.contains("TOP-SECRET")
              && !response.contains("\"run_id\"")
              && !response.contains("pid "),
          path);
    }
  }

  @Test
  void writesAreRefusedAndRequestsBounded() throws Exception {
    for (String action :
        List.of(
            "package_create",
            "package_update",
            "package_patch",
            "package_delete",
            "resource_create",
            "datastore_create",
            "datastore_upsert",
            "organization_create")) {
      var r = serve.send("POST", "/api/3/action/" + action, "{}");
      assertEquals(403, r.statusCode(), action);
      assertEquals(
          "Authorization Error",
          ServeFixture.JSON.readTree(r.body()).get("error").get("__type").asText());
    }
    assertEquals(
        405,
        serve.send("PUT", "/datasets/don-vi-hanh-chinh/don-vi-hanh-chinh.csv", "x").statusCode());
    assertEquals(405, serve.send("DELETE", "/api/3/action/package_list", "").statusCode());
    String big = "{\"q\": \"" + "a".repeat(2 << 20) + "\"}";
    assertEquals(413, serve.send("POST", "/api/3/action/package_search", big).statusCode());
    var huge =
        serve.result(
            "datastore_search", "resource_id", csvResource("kinh-te-so-cap-xa"), "limit", "999999");
    assertEquals(32000, huge.get("limit").asInt(), "DataStore pages are capped at 32000 rows");
    for (String path :
        List.of(
            "/api/3/action/package_show?id=%ZZ",
            "/api/3/action/datastore_search?resource_id="
                + csvResource("kinh-te-so-cap-xa")
                + "&filters=%7Bbroken",
            "/api/3/action/package_search?fq=metadata_modified:%5Bnot-a-date%20TO%20*%5D")) {
      String body = raw(path);
      assertTrue(
          !body.contains("\tat ") && !body.contains("at vn.thanhhoa") && !body.contains("at java."),
          "no stack trace: " + path + " -> " + body);
    }
  }

  @Test
  void aReleaseSwitchedDuringABurstNeverGivesAnErrorOrAMixedAnswer() throws Exception {
    Path releases = serve.output.resolve("releases");
    Path a = serve.output.resolve("current").toRealPath();
    Path b = releases.resolve(a.getFileName() + "-b");
    Folders.copy(a, b);
    markTitles(b);
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      clients.submit(
          () -> {
            int n = 0;
            while (running.get() && n++ < 2000) {
              try {
                var r = serve.get("/api/3/action/package_search?rows=100");
                if (r.statusCode() != 200) {
                  problems.add("status " + r.statusCode());
                  continue;
                }
                Set<Boolean> sides = new java.util.HashSet<>();
                for (JsonNode p :
                    ServeFixture.JSON.readTree(r.body()).get("result").get("results")) {
                  sides.add(p.get("title").asText().endsWith("(B)"));
                }
                if (sides.size() != 1) {
                  problems.add("an answer mixed two releases");
                }
              } catch (Exception e) {
                problems.add(e.toString());
              }
            }
            return null;
          });
    }
    Path link = serve.output.resolve("current");
    for (int i = 0; i < 40; i++) {
      Path next = link.resolveSibling(".current.test");
      Files.deleteIfExists(next);
      Files.createSymbolicLink(
          next, Paths.get("releases", (i % 2 == 0 ? b : a).getFileName().toString()));
      Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Thread.sleep(50);
    }
    running.set(false);
    clients.shutdown();
    assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
    assertEquals(List.of(), new ArrayList<>(problems));
  }

  @Test
  void aCopyWithoutTheLinkIsServedThroughCurrentJsonAndOnlyCompleteReleasesAreSwitchedTo()
      throws Exception {
    Path link = serve.output.resolve("current");
    Path a = link.toRealPath();
    Path b = a.resolveSibling(a.getFileName() + "-copying");
    Folders.copy(a, b);
    markTitles(b);
    Path report = b.resolve("run-report.json");
    Path held = b.resolveSibling("report-held-back.json");
    Files.move(
        report, held); // as `aws s3 sync` may bring current.json before the release's last files
    Path pointer = serve.output.resolve("current.json");
    try {
      Files.delete(link);
      Files.writeString(pointer, "{\"release\": \"" + a.getFileName() + "\"}");
      assertEquals(Set.of(false), titlesEndingWithB(), "served through current.json");
      Files.writeString(pointer, "{\"release\": \"" + b.getFileName() + "\"}");
      assertEquals(
          Set.of(false),
          titlesEndingWithB(),
          "a release without its run report is not switched to");
      Files.move(held, report);
      assertEquals(Set.of(true), titlesEndingWithB(), "switched once the release is complete");
    } finally {
      Files.deleteIfExists(pointer);
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, Paths.get("releases", a.getFileName().toString()));
      }
    }
  }

  /** Appends " (B)" to every package title of a release, to tell answers from it apart. */
  private static void markTitles(Path release) throws Exception {
    try (Stream<Path> files = Files.list(release.resolve("ckan/packages"))) {
      for (Path f : files.toList()) {
        ObjectNode pkg = (ObjectNode) ServeFixture.JSON.readTree(f.toFile());
        pkg.put("title", pkg.get("title").asText() + " (B)");
        ServeFixture.JSON.writeValue(f.toFile(), pkg);
      }
    }
  }

  private Set<Boolean> titlesEndingWithB() throws Exception {
    var r = serve.get("/api/3/action/package_search?rows=100");
    assertEquals(
        200, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    Set<Boolean> sides = new java.util.HashSet<>();
    for (JsonNode p : ServeFixture.JSON.readTree(r.body()).get("result").get("results")) {
      sides.add(p.get("title").asText().endsWith("(B)"));
    }
    return sides;
  }

  private String csvResource(String dataset) throws Exception {
    for (JsonNode r : serve.result("package_show", "id", dataset).get("resources")) {
      if (r.get("datastore_active").asBoolean()) {
        return r.get("id").asText();
      }
    }
    throw new AssertionError(dataset);
  }
}
