package vn.thanhhoa.opendata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.PipelineConfig;

/** Usage and configuration errors exit 2 with one clear line, before Spark starts. */
class CliTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PipelineCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void rootHelpListsTheCommandsAndExitCodes() {
    Result r = run("--help");
    assertEquals(0, r.code());
    for (String word : List.of("nightly", "ingest", "--version", "75", "nothing was published")) {
      assertTrue(r.out().contains(word), word + " missing from:\n" + r.out());
    }
  }

  @Test
  void everyCommandsHelpDescribesEveryOption() {
    for (String command : List.of("nightly", "ingest")) {
      Result r = run(command, "--help");
      assertEquals(0, r.code());
      for (String option :
          List.of("--conf=FILE", "--input=DIR", "--output=DIR", "--verbose", "--help")) {
        assertTrue(r.out().contains(option), command + " --help lacks " + option + ":\n" + r.out());
      }
    }
    assertTrue(run("ingest", "--help").out().contains("--source=NAME"));
  }

  @Test
  void everyCommandsHelpSaysWhereInputAndOutputAreByDefault() {
    PipelineConfig shipped = PipelineConfig.load(Paths.get(PipelineConfig.DEFAULT_FILE));
    Path project = Paths.get("").toAbsolutePath();
    String input = project.relativize(Paths.get(shipped.input())) + "/";
    String output = project.relativize(Paths.get(shipped.output())) + "/";
    assertEquals(List.of("sample-data/", "output/"), List.of(input, output));
    for (String command :
        List.of(
            "nightly",
            "ingest",
            "build",
            "backfill",
            "validate",
            "releases",
            "rollback",
            "serve")) {
      Result r = run(command, "--help");
      assertEquals(0, r.code(), command);
      String help = r.out().replaceAll("\\s+", " ");
      for (String text :
          List.of(
              "--conf=FILE Pipeline configuration (default: " + PipelineConfig.DEFAULT_FILE + ",",
              "(default: 'input' of the configuration, relative to its folder: the project's "
                  + input
                  + " as shipped)",
              "(default: 'output' of the configuration, relative to its folder: the project's "
                  + output
                  + " as shipped)")) {
        assertTrue(help.contains(text), command + " --help lacks \"" + text + "\":\n" + r.out());
      }
    }
    String nightly = run("nightly", "--help").out().replaceAll("\\s+", " ");
    for (String text :
        List.of(
            "<output>/releases/<run-id>/",
            "<output>/current",
            "<output>/quarantine/<run-id>/<source>/",
            "<output>/state/runs/<run-id>.json")) {
      assertTrue(nightly.contains(text), "nightly --help lacks " + text);
    }
    String serve = run("serve", "--help").out().replaceAll("\\s+", " ");
    assertTrue(
        serve.contains("TCP port (default: 5000;") && serve.contains("(default: 127.0.0.1)"),
        serve);
  }

  @Test
  void aMissingConfigurationFileExitsTwoWithOneLine() {
    Result r = run("nightly", "--conf", "missing.yaml");
    assertEquals(2, r.code());
    assertEquals("error: missing.yaml: file not found", r.err().strip());
  }

  @Test
  void anUnknownConfigurationKeyExitsTwoNamingTheKey() throws IOException {
    Path conf = copyOfProjectConf("spark:\n", "spark:\n  executors: 3\n");
    Result r = run("nightly", "--conf", conf.toString());
    assertEquals(2, r.code());
    assertEquals("error: " + conf + ": spark.executors: unknown key", r.err().strip());
  }

  @Test
  void aYamlSyntaxErrorExitsTwoNamingTheLineAndColumn() throws IOException {
    Path conf = copyOfProjectConf("timezone: Asia/Ho_Chi_Minh", "timezone: @Asia/Ho_Chi_Minh");
    int line = Files.readAllLines(conf).indexOf("timezone: @Asia/Ho_Chi_Minh") + 1;
    Result r = run("nightly", "--conf", conf.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().startsWith("error: " + conf + ": line " + line + ", column 11: not valid YAML: "),
        r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void aMisspeltTransformExitsTwoBeforeAnythingIsIngested() throws IOException {
    Path datasets = tmp.resolve("datasets.yaml");
    Files.writeString(
        datasets,
        Files.readString(Paths.get("conf/datasets.yaml"))
            .replace("transform: OcopProducts", "transform: OcopProduct"));
    Path conf =
        copyOfProjectConf(
            "",
            "",
            Map.of(
                "datasets: datasets.yaml", "datasets: " + datasets,
                "input: ../sample-data", "input: " + Paths.get("sample-data").toAbsolutePath(),
                "schemas: ../schemas", "schemas: " + Paths.get("schemas").toAbsolutePath(),
                "folder: admin-units", "folder: " + Paths.get("conf/admin-units").toAbsolutePath(),
                "output: ../output", "output: " + tmp.resolve("out")));
    Result r = run("nightly", "--conf", conf.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "error: "
                    + datasets
                    + ": dataset san-pham-ocop-tren-san-tmdt: unknown transform 'OcopProduct'"),
        r.err());
    assertFalse(Files.exists(tmp.resolve("out/staging")), "nothing was ingested");
  }

  @Test
  void aMissingLandingFolderExitsTwo() {
    Result r = run("nightly", "--input", tmp.resolve("nowhere").toString());
    assertEquals(2, r.code());
    assertEquals(
        "error: input: landing folder not found: " + tmp.resolve("nowhere/commune-reports"),
        r.err().strip());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run().code());
    assertTrue(run().err().contains("Missing command"));
    assertEquals(2, run("nightly", "--frobnicate").code());
    Result source = run("ingest", "--source", "weather");
    assertEquals(2, source.code());
    assertTrue(
        source
            .err()
            .startsWith("error: --source: unknown source 'weather'; known: commune-reports"));
  }

  private Path copyOfProjectConf(String from, String to) throws IOException {
    return copyOfProjectConf(from, to, Map.of());
  }

  private Path copyOfProjectConf(String from, String to, Map<String, String> more)
      throws IOException {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    Path file = conf.resolve("pipeline.yaml");
    String text = Files.readString(Paths.get("conf/pipeline.yaml")).replace(from, to);
    for (Map.Entry<String, String> e : more.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    Files.writeString(file, text);
    return file;
  }
}
