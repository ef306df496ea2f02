package vn.thanhhoa.opendata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {
  private static final Path PROJECT_CONF = Paths.get("conf/pipeline.yaml");

  @TempDir Path tmp;

  @Test
  void theProjectConfigurationLoadsWithPathsResolvedAgainstItsFolder() {
    PipelineConfig config = PipelineConfig.load(PROJECT_CONF);
    assertEquals(Paths.get("sample-data").toAbsolutePath().toString(), config.input());
    assertEquals("Asia/Ho_Chi_Minh", config.timezone().getId());
    assertEquals(3, config.sources().size());
    assertEquals(2, config.adminUnits().lists().size());
  }

  @Test
  void aMissingFileIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.load(tmp.resolve("missing.yaml")));
    assertEquals(tmp.resolve("missing.yaml") + ": file not found", e.getMessage());
  }

  @Test
  void anUnknownKeyIsNamedByItsPath() throws IOException {
    Path file = variant("  shuffle_partitions: 4", "  shuffle_partitions: 4\n  shufle: 2");
    ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.load(file));
    assertEquals(file + ": spark.shufle: unknown key", e.getMessage());
  }

  @Test
  void anUnknownTopLevelKeyIsNamed() throws IOException {
    Path file = variant("timezone:", "colour: blue\ntimezone:");
    assertTrue(assertThrows(ConfigException.class, () -> PipelineConfig.load(file)).getMessage()
        .endsWith(": colour: unknown key"));
  }

  @Test
  void aWrongTypeIsNamedByItsPath() throws IOException {
    Path file = variant("shuffle_partitions: 4", "shuffle_partitions: many");
    String message = assertThrows(ConfigException.class, () -> PipelineConfig.load(file)).getMessage();
    assertTrue(message.startsWith(file + ": spark.shuffle_partitions: "), message);
    assertEquals(1, message.lines().count());
  }

  @Test
  void aMissingFolderIsNamed() throws IOException {
    Path file = variant("schemas: ../schemas", "schemas: ../nowhere");
    String message = assertThrows(ConfigException.class, () -> PipelineConfig.load(file)).getMessage();
    assertTrue(message.startsWith(file + ": schemas: folder not found: "), message);
  }

  @Test
  void aBadTimeZoneOrDateIsNamed() throws IOException {
    Path zone = variant("timezone: Asia/Ho_Chi_Minh", "timezone: Mars/Olympus");
    assertTrue(assertThrows(ConfigException.class, () -> PipelineConfig.load(zone)).getMessage()
        .contains(": timezone: not a time zone"));
    Path date = variant("valid_from: \"2025-07-01\"", "valid_from: \"July\"");
    assertTrue(assertThrows(ConfigException.class, () -> PipelineConfig.load(date)).getMessage()
        .contains(": admin_units.lists[1].valid_from: not a date"));
  }

  @Test
  void aMissingKeyIsNamed() throws IOException {
    Path file = variant("output: ../output\n", "");
    assertEquals(file + ": output: missing",
        assertThrows(ConfigException.class, () -> PipelineConfig.load(file)).getMessage());
  }

  @Test
  void uriLocationsAreKeptAsWritten() {
    assertEquals("s3a://bucket/landing", PipelineConfig.location(tmp, "s3a://bucket/landing"));
    assertEquals(tmp.resolve("x").toString(), PipelineConfig.location(tmp, "x"));
  }

  /** A copy of the project configuration, in conf/ of a copy of the project layout, edited. */
  private Path variant(String from, String to) throws IOException {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    String text = Files.readString(PROJECT_CONF);
    assertTrue(text.contains(from), "fixture text not found: " + from);
    Path file = conf.resolve("pipeline.yaml");
    Files.writeString(file, text.replace(from, to));
    copyFolder(Paths.get("conf/admin-units"), conf.resolve("admin-units"));
    copyFolder(Paths.get("schemas"), tmp.resolve("schemas"));
    return file;
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
