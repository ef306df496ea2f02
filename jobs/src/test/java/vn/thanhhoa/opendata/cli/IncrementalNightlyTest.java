package vn.thanhhoa.opendata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.SampleRuns;
import vn.thanhhoa.opendata.testing.SparkTest;

/** Nightly runs read only what is new, rebuild only what it affects, and match a full run. */
class IncrementalNightlyTest extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void nothingNewPublishesNothingAndNewDaysChangeOnlyTheirDatasetsExactlyAsAFullRunWould()
      throws Exception {
    Path landing = tmp.resolve("landing");
    Path output = tmp.resolve("output");
    Folders.copy(Paths.get("sample-data"), landing);
    Folders.copy(SampleRuns.output(1), output);
    Path published = output.resolve("current").toRealPath();

    CliTest.Result again =
        CliTest.run("nightly", "--input", landing.toString(), "--output", output.toString());
    assertEquals(0, again.code(), again.err());
    Assertions.assertTrue(again.out().contains("nothing published"), again.out());
    Assertions.assertFalse(
        again.err().contains("starting Spark"), "nothing to read, no Spark: " + again.err());
    System.setProperty(PipelineRun.ARCHIVING_CLASSES, "true");
    try {
      CliTest.Result archiving = nightly(landing, output);
      Assertions.assertTrue(
          archiving.err().contains("starting Spark"),
          "Spark's classes archived: " + archiving.err());
    } finally {
      System.clearProperty(PipelineRun.ARCHIVING_CLASSES);
    }
    assertEquals(
        published, output.resolve("current").toRealPath(), "no new release without new files");

    addOneOcopDay(landing);

    CliTest.Result incremental =
        CliTest.run("nightly", "--input", landing.toString(), "--output", output.toString());
    assertEquals(0, incremental.code(), incremental.err());
    Assertions.assertTrue(
        incremental.err().contains("ocop-listings: 1 new file(s)"), incremental.err());
    Assertions.assertTrue(incremental.err().contains("starting Spark"), incremental.err());
    Assertions.assertTrue(
        incremental.err().contains("commune-reports: no new or changed file"), incremental.err());
    JsonNode report = JSON.readTree(output.resolve("current/run-report.json").toFile());
    Set<String> changed = new TreeSet<>();
    report
        .get("datasets")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().get("changed").asBoolean()) {
                changed.add(e.getKey());
              }
            });
    assertEquals(
        Set.of("san-pham-ocop-tren-san-tmdt", "kinh-te-so-cap-xa", "chat-luong-du-lieu"), changed);
    for (String same :
        List.of(
            "chuyen-doi-so-cap-xa",
            "tai-khoan-thanh-toan-khong-dung-tien-mat",
            "don-vi-hanh-chinh")) {
      assertEquals(
          Files.readString(published.resolve("ckan/packages/" + same + ".json")),
          Files.readString(output.resolve("current/ckan/packages/" + same + ".json")),
          same);
    }

    CliTest.Result quiet =
        CliTest.run("nightly", "--input", landing.toString(), "--output", output.toString());
    Assertions.assertTrue(
        quiet.out().contains("nothing published"), "the new file is known by name: " + quiet.out());

    // A day after the last of its month joins the month's staging files; none is rewritten.
    Path november = output.resolve("staging/ocop-listings/period=2025-11");
    Map<String, String> before = Folders.hashes(november, true);
    addLastDayAgainOn(landing, "2025-11-02");
    CliTest.Result appended = nightly(landing, output);
    assertEquals(0, appended.code(), appended.err());
    Map<String, String> after = Folders.hashes(november, true);
    Assertions.assertTrue(
        after.entrySet().containsAll(before.entrySet()) && after.size() > before.size(),
        "the month's files are kept and the new day's added: " + before + " → " + after);

    Path fullOutput = tmp.resolve("full");
    CliTest.Result full =
        CliTest.run(
            "nightly", "--full", "--input", landing.toString(), "--output", fullOutput.toString());
    assertEquals(0, full.code(), full.err());
    assertEquals(
        dataFiles(fullOutput.resolve("current/datasets")),
        dataFiles(output.resolve("current/datasets")),
        "incremental runs (a day merged, a day appended) and a full run over the same files give "
            + "the same datasets");
    JsonNode fullOcop =
        JSON.readTree(fullOutput.resolve("current/run-report.json").toFile())
            .get("sources")
            .get("ocop-listings");
    JsonNode ocop =
        JSON.readTree(output.resolve("current/run-report.json").toFile())
            .get("sources")
            .get("ocop-listings");
    for (String count : List.of("rows_read", "rows_accepted", "rows_quarantined", "rows_staged")) {
      assertEquals(fullOcop.get(count), ocop.get(count), count);
    }
    aChangedPublishedFileIsNotCarriedOver(landing, output);
  }

  /**
   * A carried-over dataset keeps the hashes its release recorded, so a published file changed since
   * (same size) stops the next release instead of being published again under a new hash.
   */
  private static void aChangedPublishedFileIsNotCarriedOver(Path landing, Path output)
      throws IOException {
    Path current = output.resolve("current").toRealPath();
    Path csv = current.resolve("datasets/chuyen-doi-so-cap-xa/chuyen-doi-so-cap-xa.csv");
    byte[] bytes = Files.readAllBytes(csv);
    int digit = bytes.length - 1;
    while (bytes[digit] < '0' || bytes[digit] > '9') {
      digit--;
    }
    bytes[digit] = (byte) (bytes[digit] == '0' ? '1' : '0');
    Files.write(csv, bytes);
    addLastDayAgainOn(landing, "2025-11-03");
    CliTest.Result stopped = nightly(landing, output);
    assertEquals(1, stopped.code(), stopped.err());
    Assertions.assertTrue(
        stopped.err().contains("chuyen-doi-so-cap-xa.csv does not match the package's hash"),
        stopped.err());
    assertEquals(current, output.resolve("current").toRealPath(), "nothing published");
  }

  @Test
  void everyPublishingRunAfterARollbackMatchesAFullBuildOfTheSameLandingFiles() throws Exception {
    Path landing = tmp.resolve("landing");
    Path output = tmp.resolve("output");
    Folders.copy(Paths.get("sample-data"), landing);
    Folders.copy(SampleRuns.output(1), output); // nightly on sample-data
    addOneOcopDay(landing);
    Path fullOutput = tmp.resolve("full");
    assertEquals(
        0,
        CliTest.run(
                "nightly",
                "--full",
                "--input",
                landing.toString(),
                "--output",
                fullOutput.toString())
            .code());
    Map<String, String> full = dataFiles(fullOutput.resolve("current/datasets"));

    CliTest.Result nightly =
        CliTest.run("nightly", "--input", landing.toString(), "--output", output.toString());
    assertEquals(0, nightly.code(), nightly.err());
    assertEquals(
        full, dataFiles(output.resolve("current/datasets")), "the nightly with the new day");

    CliTest.Result rollback = CliTest.run("rollback", "--output", output.toString());
    assertEquals(0, rollback.code(), rollback.err());
    Assertions.assertNotEquals(
        full, dataFiles(output.resolve("current/datasets")), "the rollback withdraws the new day");

    CliTest.Result backfill =
        CliTest.run(
            "backfill",
            "--from",
            "2025-03",
            "--to",
            "2025-04",
            "--input",
            landing.toString(),
            "--output",
            output.toString());
    assertEquals(0, backfill.code(), backfill.err());
    Assertions.assertTrue(
        backfill.err().contains("rebuilding every dataset over the whole range"), backfill.err());
    assertEquals(
        full, dataFiles(output.resolve("current/datasets")), "the back-fill after the rollback");

    Path backfilled = output.resolve("current").toRealPath();
    CliTest.Result quiet =
        CliTest.run("nightly", "--input", landing.toString(), "--output", output.toString());
    assertEquals(0, quiet.code(), quiet.err());
    Assertions.assertTrue(quiet.out().contains("nothing published"), quiet.out());
    assertEquals(backfilled, output.resolve("current").toRealPath());

    // In step again, a back-fill rebuilds only its months and keeps the others.
    CliTest.Result inStep =
        CliTest.run(
            "backfill",
            "--from",
            "2025-03",
            "--to",
            "2025-04",
            "--input",
            landing.toString(),
            "--output",
            output.toString());
    assertEquals(0, inStep.code(), inStep.err());
    Assertions.assertFalse(inStep.err().contains("whole range"), inStep.err());
    assertEquals(full, dataFiles(output.resolve("current/datasets")), "the back-fill in step");
  }

  private static CliTest.Result nightly(Path landing, Path output) {
    return CliTest.run("nightly", "--input", landing.toString(), "--output", output.toString());
  }

  /** The sample's listings crawled on its last day, crawled again on {@code day}. */
  private static void addLastDayAgainOn(Path landing, String day) throws IOException {
    StringBuilder again = new StringBuilder();
    for (String line : Files.readAllLines(landing.resolve("ocop-listings/2025-10-31.jsonl"))) {
      JsonNode listing = parsedOrNull(line);
      if (listing != null && listing.path("crawled_at").asText().startsWith("2025-10-31T")) {
        ObjectNode copy = (ObjectNode) listing;
        copy.put("crawled_at", day + listing.get("crawled_at").asText().substring(10));
        again.append(JSON.writeValueAsString(copy)).append('\n');
      }
    }
    Files.writeString(landing.resolve("ocop-listings/" + day + ".jsonl"), again.toString());
  }

  private static JsonNode parsedOrNull(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * One more day of OCOP listings: a new listing day, and a later re-crawl of a listing already
   * seen.
   */
  private static void addOneOcopDay(Path landing) throws IOException {
    String day =
        new String(
            new GZIPInputStream(
                    new ByteArrayInputStream(
                        Files.readAllBytes(landing.resolve("ocop-listings/2025-10-30.jsonl.gz"))))
                .readAllBytes(),
            StandardCharsets.UTF_8);
    List<String> lines = day.lines().filter(l -> !l.isBlank()).toList();
    ObjectNode newDay = (ObjectNode) JSON.readTree(lines.get(0));
    newDay.put("crawled_at", "2025-11-01T09:00:00+07:00");
    ObjectNode recrawl = (ObjectNode) JSON.readTree(lines.get(1));
    recrawl.put("crawled_at", "2025-10-30T23:59:00+07:00");
    recrawl.put("price_vnd", recrawl.get("price_vnd").asLong() - 1000);
    Files.writeString(
        landing.resolve("ocop-listings/2025-11-01 [1].jsonl"),
        JSON.writeValueAsString(newDay) + "\n" + JSON.writeValueAsString(recrawl) + "\n");
  }

  private static Map<String, String> dataFiles(Path root) throws IOException {
    return vn.thanhhoa.opendata.testing.Folders.hashes(root, true);
  }
}
