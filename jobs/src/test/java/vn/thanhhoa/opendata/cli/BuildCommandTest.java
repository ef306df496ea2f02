package vn.thanhhoa.opendata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.testing.SparkTest;

/**
 * `build` alone: carry-over of unselected datasets and month-range rebuilds give the same files.
 */
class BuildCommandTest extends SparkTest {
  @TempDir static Path output;
  private Map<String, String> full;

  @BeforeAll
  void ingestThenBuildEverything() throws IOException {
    assertEquals(0, CliTest.run("ingest", "--output", output.toString()).code());
    CliTest.Result build = CliTest.run("build", "--output", output.toString());
    assertEquals(0, build.code(), build.err());
    full = hashes(output.resolve("current/datasets"));
  }

  @Test
  void oneDatasetIsRebuiltAndTheOthersCarriedOverUnchanged() throws IOException {
    CliTest.Result r =
        CliTest.run("build", "--dataset", "don-vi-hanh-chinh", "--output", output.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(full, hashes(output.resolve("current/datasets")));
    JsonNode datasets =
        new ObjectMapper()
            .readTree(output.resolve("current/run-report.json").toFile())
            .get("datasets");
    datasets.forEach(d -> Assertions.assertFalse(d.get("changed").asBoolean()));
    assertEquals(6, datasets.size());
  }

  @Test
  void aMonthRangeRebuildKeepsTheOtherMonthsAndGivesTheSameFiles() throws IOException {
    CliTest.Result r =
        CliTest.run("build", "--from", "2025-06", "--to", "2025-07", "--output", output.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(full, hashes(output.resolve("current/datasets")));
  }

  @Test
  void badArgumentsExitTwo() {
    assertEquals(
        2, CliTest.run("build", "--from", "2025-13", "--output", output.toString()).code());
    assertEquals(
        2,
        CliTest.run("build", "--from", "2025-08", "--to", "2025-07", "--output", output.toString())
            .code());
    CliTest.Result unknown =
        CliTest.run("build", "--dataset", "weather", "--output", output.toString());
    assertEquals(2, unknown.code());
    Assertions.assertTrue(
        unknown.err().contains("--dataset: unknown dataset 'weather'"), unknown.err());
  }

  private static Map<String, String> hashes(Path root) throws IOException {
    return vn.thanhhoa.opendata.testing.Folders.hashes(root, false);
  }
}
