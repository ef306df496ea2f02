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

class SourceSchemaTest {
  @TempDir Path tmp;

  @Test
  void theThreeSourceSchemasLoad() {
    SourceSchema reports = SourceSchema.load(Paths.get("schemas"), "commune-reports");
    assertEquals(15, reports.columns().size());
    assertEquals("period", reports.columns().get(0).stagingName());
    assertEquals(
        SourceSchema.Format.JSONL,
        SourceSchema.load(Paths.get("schemas"), "ocop-listings").format());
    assertEquals(2, SourceSchema.load(Paths.get("schemas"), "payment-accounts").checks().size());
  }

  @Test
  void anUnknownKeyOrColumnInASchemaIsNamed() throws IOException {
    String text = Files.readString(Paths.get("schemas/payment-accounts.yaml"));
    Files.writeString(
        tmp.resolve("payment-accounts.yaml"), text.replace("    min: 0\n", "    minimum: 0\n"));
    assertTrue(
        assertThrows(ConfigException.class, () -> SourceSchema.load(tmp, "payment-accounts"))
            .getMessage()
            .endsWith(": columns[4].minimum: unknown key"));
    Files.writeString(
        tmp.resolve("payment-accounts.yaml"),
        text.replace("other: accounts_total}", "other: accounts}"));
    assertTrue(
        assertThrows(ConfigException.class, () -> SourceSchema.load(tmp, "payment-accounts"))
            .getMessage()
            .endsWith(": checks[0].other: missing or invalid"));
  }

  @Test
  void aYamlSyntaxErrorInASchemaIsNamedByLineAndColumn() throws IOException {
    String text = Files.readString(Paths.get("schemas/payment-accounts.yaml"));
    Path file =
        Files.writeString(
            tmp.resolve("payment-accounts.yaml"),
            text.replace("    type: month\n", "    type: @month\n"));
    String message =
        assertThrows(ConfigException.class, () -> SourceSchema.load(tmp, "payment-accounts"))
            .getMessage();
    assertTrue(
        message.startsWith(
            file
                + ": line "
                + PipelineConfigTest.lineOf(file, "type: @month")
                + ", column 11: not valid YAML: "),
        message);
  }

  @Test
  void aMissingSchemaIsNamed() {
    assertTrue(
        assertThrows(ConfigException.class, () -> SourceSchema.load(tmp, "weather"))
            .getMessage()
            .contains("no schema for source 'weather'"));
  }
}
