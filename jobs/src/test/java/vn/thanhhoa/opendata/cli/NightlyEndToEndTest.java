package vn.thanhhoa.opendata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.testing.SampleRuns;
import vn.thanhhoa.opendata.testing.SparkTest;

/** `./pipeline nightly` on the sample landing folder, and on a folder with an invalid file. */
class NightlyEndToEndTest extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SOURCES =
      List.of("commune-reports", "payment-accounts", "ocop-listings");

  private Path output;
  private JsonNode report;

  @BeforeAll
  void runNightlyOnTheSampleData() throws IOException {
    output = SampleRuns.output(1);
    report = JSON.readTree(SampleRuns.release(1).resolve("run-report.json").toFile());
  }

  @Test
  void itPublishesAReleaseWithItsReport() throws IOException {
    Assertions.assertTrue(Files.isSymbolicLink(output.resolve("current")));
    Path release = SampleRuns.release(1);
    assertEquals(output.resolve("releases").toRealPath(), release.getParent());
    assertEquals("published", report.get("status").asText());
    assertEquals(release.getFileName().toString(), report.get("run_id").asText());
    Assertions.assertTrue(
        Files.exists(output.resolve("state/runs/" + report.get("run_id").asText() + ".json")));
  }

  @Test
  void ingestAloneSummarisesAndPublishesNothing(@TempDir Path out) {
    CliTest.Result r =
        CliTest.run("ingest", "--source", "payment-accounts", "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    Assertions.assertTrue(
        r.out().contains("payment-accounts") && r.out().contains("missing-column 4"), r.out());
    Assertions.assertFalse(Files.exists(out.resolve("current")), "ingest publishes nothing");
    Assertions.assertTrue(Files.isDirectory(out.resolve("staging/payment-accounts")));
  }

  @Test
  void everyRowIsEitherAcceptedOrQuarantinedPerSourceAndPerFile() {
    for (String source : SOURCES) {
      JsonNode s = report.get("sources").get(source);
      Assertions.assertTrue(s.get("rows_read").asLong() > 0, source);
      assertEquals(
          s.get("rows_read").asLong(),
          s.get("rows_accepted").asLong() + s.get("rows_quarantined").asLong(),
          source);
      long byRule = 0;
      for (Iterator<JsonNode> it = s.get("quarantined_by_rule").elements(); it.hasNext(); ) {
        byRule += it.next().asLong();
      }
      assertEquals(s.get("rows_quarantined").asLong(), byRule, source);
      for (JsonNode f : s.get("file_details")) {
        assertEquals(
            f.get("rows_read").asLong(),
            f.get("rows_accepted").asLong() + f.get("rows_quarantined").asLong());
      }
      assertEquals(s.get("files").asInt(), s.get("file_details").size());
    }
  }

  @Test
  void theQuarantinedRowsAreExactlyTheDocumentedBadRows() throws IOException {
    TreeSet<String> expected =
        new TreeSet<>(
            Files.readAllLines(Paths.get("sample-data/expected-quarantine.csv"))
                .subList(
                    1,
                    Files.readAllLines(Paths.get("sample-data/expected-quarantine.csv")).size()));
    TreeSet<String> actual = new TreeSet<>();
    String runId = report.get("run_id").asText();
    for (String source : SOURCES) {
      for (JsonNode q : quarantined(output.resolve("quarantine").resolve(runId).resolve(source))) {
        actual.add(
            q.get("file").asText() + "," + q.get("line").asLong() + "," + q.get("rule").asText());
        Assertions.assertTrue(q.hasNonNull("raw") && q.hasNonNull("message"), q.toString());
      }
    }
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }

  @Test
  void stagingHoldsTheLatestRowPerKeyPartitionedByPeriod() throws IOException {
    for (String source : SOURCES) {
      JsonNode s = report.get("sources").get(source);
      assertEquals(
          s.get("rows_accepted").asLong() - s.get("rows_superseded").asLong(),
          s.get("rows_staged").asLong());
      long staged =
          spark().read().parquet(output.resolve("staging").resolve(source).toString()).count();
      assertEquals(s.get("rows_staged").asLong(), staged, source);
      try (Stream<Path> parts = Files.list(output.resolve("staging").resolve(source))) {
        Assertions.assertTrue(
            parts.anyMatch(p -> p.getFileName().toString().equals("period=2025-07")), source);
      }
    }
  }

  @Test
  void anyLandingFolderWorksAndAnInvalidFileSpoilsOnlyItself(
      @TempDir Path landing, @TempDir Path out) throws IOException {
    for (String source : SOURCES) {
      Files.createDirectories(landing.resolve(source));
    }
    String header =
        "report_period,commune_code,commune_name,district_name,submitted_at,population,households,"
            + "digital_teams,digital_team_members,online_dossiers_received,online_dossiers_on_time,"
            + "smartphone_users_pct,fiber_households,dt_completed,notes\n";
    String row =
        "2025-08,14758,Phường Hàm Rồng,,05/09/2025 10:00,1000,300,3,9,10,10,80,100,Có,ghi chú\n";
    Files.writeString(landing.resolve("commune-reports/good.csv"), header + row);
    Files.writeString(landing.resolve("commune-reports/BAO-CAO.CSV"), header + row);
    Files.writeString(landing.resolve("commune-reports/.draft.csv"), header + row);
    Files.write(
        landing.resolve("commune-reports/legacy.csv"),
        (header + row + row).getBytes(Charset.forName("windows-1258")));
    Files.writeString(
        landing.resolve("payment-accounts/2025-08.csv"),
        "period,commune_code,provider_type,provider_name,accounts_total,accounts_opened,accounts_active,reported_at\n"
            + "2025-08,14758,bank,Agribank,100,5,50,2025-09-02T09:00:00+07:00\n",
        StandardCharsets.UTF_8);
    CliTest.Result r =
        CliTest.run("nightly", "--input", landing.toString(), "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode sources =
        JSON.readTree(out.resolve("current/run-report.json").toFile()).get("sources");
    JsonNode reports = sources.get("commune-reports");
    assertEquals(3, reports.get("rows_read").asLong());
    assertEquals(1, reports.get("rows_accepted").asLong());
    assertEquals(1, reports.get("files_rejected").asInt());
    assertEquals(
        Map.of("invalid-encoding", 2),
        JSON.convertValue(reports.get("quarantined_by_rule"), Map.class));
    Assertions.assertTrue(
        reports.get("warnings").toString().contains("commune-reports/legacy.csv: not UTF-8"));
    Assertions.assertTrue(
        reports.get("warnings").toString().contains("commune-reports/BAO-CAO.CSV: not read"),
        "a file the source does not read is reported, not skipped silently: "
            + reports.get("warnings"));
    Assertions.assertTrue(
        reports.get("warnings").toString().contains("commune-reports/.draft.csv: not read"));
    Assertions.assertFalse(
        Files.exists(out.resolve("staging/commune-reports.incoming")), "staging swapped in");
    assertEquals(1, sources.get("payment-accounts").get("rows_accepted").asLong());
    assertEquals(0, sources.get("ocop-listings").get("rows_read").asLong());
  }

  private static List<JsonNode> quarantined(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .flatMap(
              p -> {
                try {
                  return Files.readAllLines(p).stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .map(
              line -> {
                try {
                  return JSON.readTree(line);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
