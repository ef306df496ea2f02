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
    ConfigException e =
        assertThrows(ConfigException.class, () -> PipelineConfig.load(tmp.resolve("missing.yaml")));
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
    assertTrue(
        assertThrows(ConfigException.class, () -> PipelineConfig.load(file))
            .getMessage()
            .endsWith(": colour: unknown key"));
  }

  @Test
  void aWrongTypeIsNamedByItsPath() throws IOException {
    Path file = variant("shuffle_partitions: 4", "shuffle_partitions: many");
    String message =
        assertThrows(ConfigException.class, () -> PipelineConfig.load(file)).getMessage();
    assertTrue(message.startsWith(file + ": spark.shuffle_partitions: "), message);
    assertEquals(1, message.lines().count());
  }

  @Test
  void aMissingFolderIsNamed() throws IOException {
    Path file = variant("schemas: ../schemas", "schemas: ../nowhere");
    String message =
        assertThrows(ConfigException.class, () -> PipelineConfig.load(file)).getMessage();
    assertTrue(message.startsWith(file + ": schemas: folder not found: "), message);
  }

  @Test
  void aBadTimeZoneOrDateIsNamed() throws IOException {
    Path zone = variant("timezone: Asia/Ho_Chi_Minh", "timezone: Mars/Olympus");
    assertTrue(
        assertThrows(ConfigException.class, () -> PipelineConfig.load(zone))
            .getMessage()
            .contains(": timezone: not a time zone"));
    Path date = variant("valid_from: \"2025-07-01\"", "valid_from: \"July\"");
    assertTrue(
        assertThrows(ConfigException.class, () -> PipelineConfig.load(date))
            .getMessage()
            .contains(": admin_units.lists[1].valid_from: not a date"));
  }

  @Test
  void aMissingKeyIsNamed() throws IOException {
    Path file = variant("output: ../output\n", "");
    assertEquals(
        file + ": output: missing",
        assertThrows(ConfigException.class, () -> PipelineConfig.load(file)).getMessage());
  }

  @Test
  void aYamlSyntaxErrorIsNamedByFileLineAndColumn() throws IOException {
    Path tab =
        Files.writeString(
            tmp.resolve("pipeline.yaml"),
            "input: ../sample-data\noutput: ../output\n\tschemas: ../schemas\n");
    String message =
        assertThrows(ConfigException.class, () -> PipelineConfig.load(tab)).getMessage();
    assertTrue(
        message.startsWith(
            tab
                + ": line 3, column 1: not valid YAML: while scanning for the next token: "
                + "found character '\\t(TAB)'"),
        message);
    assertEquals(1, message.lines().count());

    Path at = variant("timezone: Asia/Ho_Chi_Minh", "timezone: @Asia/Ho_Chi_Minh");
    message = assertThrows(ConfigException.class, () -> PipelineConfig.load(at)).getMessage();
    assertTrue(
        message.startsWith(
            at + ": line " + lineOf(at, "timezone: @") + ", column 11: not valid YAML: "),
        message);
    assertTrue(message.contains("found character '@' that cannot start any token"), message);

    Path open = variant("ocop-listings]", "ocop-listings");
    message = assertThrows(ConfigException.class, () -> PipelineConfig.load(open)).getMessage();
    assertTrue(
        message.contains(
            ": not valid YAML: while parsing a flow sequence started at line "
                + lineOf(open, "sources: [")
                + ", column 10: expected ',' or ']'"),
        message);
    assertEquals(1, message.lines().count());
  }

  /** The 1-based number of the first line of {@code file} that contains {@code text}. */
  static int lineOf(Path file, String text) throws IOException {
    java.util.List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
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
        Files.copy(
            f,
            to.resolve(f.getFileName().toString()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
