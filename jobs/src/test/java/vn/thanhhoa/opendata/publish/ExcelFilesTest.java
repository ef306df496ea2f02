package vn.thanhhoa.opendata.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Csv;
import vn.thanhhoa.opendata.testing.SampleRuns;

/**
 * Every dataset's workbook, read by an independent reader (LibreOffice, converting it to CSV),
 * holds the dataset's CSV under a header of its Vietnamese labels; the feed lists it like every
 * file.
 */
class ExcelFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOFFICE = Paths.get("/usr/bin/soffice");
  private static final String SKIPPED =
      "ExcelFilesTest SKIPPED: no /usr/bin/soffice (Debian's package libreoffice-calc-nogui); "
          + ".ci/run installs it";

  @TempDir Path tmp;

  @Test
  void libreOfficeReadsEachWorkbookAsTheDatasetsCsv() throws Exception {
    if (!Files.isExecutable(SOFFICE)) {
      System.err.println(SKIPPED); // Maven's log shows only "Skipped: 1"
    }
    Assumptions.assumeTrue(Files.isExecutable(SOFFICE), SKIPPED);
    Path release = SampleRuns.release(1);
    List<String> names = names(release);
    List<String> command =
        new ArrayList<>(
            List.of(
                SOFFICE.toString(),
                "-env:UserInstallation=" + tmp.resolve("profile").toUri(),
                "--headless",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76",
                "--outdir",
                tmp.resolve("csv").toString()));
    names.forEach(
        n -> command.add(release.resolve("datasets/" + n + "/" + n + ".xlsx").toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "soffice did not finish");
    for (String name : names) {
      compare(release, name, tmp.resolve("csv/" + name + ".csv"), log);
    }
  }

  private static void compare(Path release, String name, Path converted, String log)
      throws Exception {
    assertTrue(Files.isRegularFile(converted), "LibreOffice converted " + name + ": " + log);
    List<Csv.Record> excel = Csv.parse(Files.readString(converted), ',');
    String csvText = Files.readString(release.resolve("datasets/" + name + "/" + name + ".csv"));
    List<Csv.Record> csv = Csv.parse(csvText.substring(1), ',');
    assertEquals(csv.size(), excel.size(), name + ": rows");
    JsonNode fields =
        JSON.readTree(release.resolve("datasets/" + name + "/datapackage.json").toFile())
            .path("resources")
            .get(0)
            .path("schema")
            .path("fields");
    List<String> labels = new ArrayList<>();
    fields.forEach(f -> labels.add(f.path("title").asText()));
    assertEquals(labels, excel.get(0).fields(), name + ": the header is the Vietnamese labels");
    for (int i = 1; i < csv.size(); i++) {
      assertEquals(csv.get(i).fields(), booleansAsCsv(excel.get(i).fields()), name + ", row " + i);
    }
  }

  /** Calc shows a boolean cell as TRUE or FALSE, the CSV writes true or false. */
  private static List<String> booleansAsCsv(List<String> fields) {
    return fields.stream()
        .map(f -> f.equals("TRUE") || f.equals("FALSE") ? f.toLowerCase(Locale.ROOT) : f)
        .toList();
  }

  @Test
  void eachWorkbookIsACkanResourceADcatDistributionAndADataPackageResource() throws Exception {
    Path release = SampleRuns.release(1);
    String media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    String ttl = Files.readString(release.resolve("catalog.ttl"));
    for (String name : names(release)) {
      JsonNode pkg = JSON.readTree(release.resolve("ckan/packages/" + name + ".json").toFile());
      JsonNode xlsx = only(pkg.path("resources"), "format", "XLSX");
      assertEquals(media, xlsx.path("mimetype").asText());
      assertTrue(xlsx.path("url").asText().endsWith("/datasets/" + name + "/" + name + ".xlsx"));
      assertEquals(
          Files.size(release.resolve("datasets/" + name + "/" + name + ".xlsx")),
          xlsx.path("size").asLong());
      JsonNode dp =
          JSON.readTree(release.resolve("datasets/" + name + "/datapackage.json").toFile());
      JsonNode res = only(dp.path("resources"), "format", "xlsx");
      assertEquals(name + ".xlsx", res.path("path").asText());
      assertEquals(media, res.path("mediatype").asText());
      assertTrue(
          ttl.contains("/resource/" + xlsx.path("id").asText() + ">"),
          "DCAT distribution of " + name);
    }
    assertTrue(ttl.contains("<https://www.iana.org/assignments/media-types/" + media + ">"));
    assertTrue(ttl.contains("file-type/XLSX>"));
    assertEquals(List.of(), new ReleaseValidator(Paths.get("schemas")).validate(release));
  }

  private static JsonNode only(JsonNode array, String field, String value) {
    List<JsonNode> found = new ArrayList<>();
    array.forEach(
        n -> {
          if (n.path(field).asText().equals(value)) {
            found.add(n);
          }
        });
    assertEquals(1, found.size(), "one " + value + " in " + array);
    return found.get(0);
  }

  private static List<String> names(Path release) throws Exception {
    try (Stream<Path> files = Files.list(release.resolve("datasets"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(6, names.size());
      return names;
    }
  }
}
