package vn.thanhhoa.opendata.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.cli.CliTestAccess;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.SampleRuns;

/** The feed of a release built from sample-data/: valid as a whole, and stable across runs. */
class FeedTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ReleaseValidator VALIDATOR = new ReleaseValidator(Paths.get("schemas"));
  private static final List<String> DATASETS =
      List.of(
          "chuyen-doi-so-cap-xa",
          "tai-khoan-thanh-toan-khong-dung-tien-mat",
          "san-pham-ocop-tren-san-tmdt",
          "kinh-te-so-cap-xa",
          "don-vi-hanh-chinh",
          "chat-luong-du-lieu");

  @TempDir Path tmp;

  @Test
  void aSampleReleasePassesCkanRulesDcatApShaclAndTheDataPackageProfile() throws IOException {
    Path release = SampleRuns.release(1);
    assertEquals(List.of(), VALIDATOR.validate(release));
    assertEquals(
        DATASETS.stream().sorted().toList(),
        JSON.convertValue(
            JSON.readTree(release.resolve("ckan/package_list.json").toFile()), List.class));
    String ttl = Files.readString(release.resolve("catalog.ttl"));
    assertEquals(6, ttl.split("a\\s+dcat:Dataset").length - 1, "six dcat:Dataset in the catalogue");
    assertTrue(Files.readString(release.resolve("catalog.jsonld")).contains("\"@context\""));
  }

  @Test
  void aBrokenCopyFails() throws IOException {
    Path notes = broken("notes");
    edit(notes.resolve("ckan/packages/don-vi-hanh-chinh.json"), p -> p.put("notes", ""));
    assertTrue(
        VALIDATOR.validate(notes).stream()
            .anyMatch(
                m -> m.startsWith("ckan/packages/don-vi-hanh-chinh.json") && m.contains("notes")),
        VALIDATOR.validate(notes).toString());

    Path nfd = broken("nfd");
    edit(
        nfd.resolve("ckan/packages/kinh-te-so-cap-xa.json"),
        p ->
            ((ObjectNode) p.withArray("tags").get(0))
                .put("name", Normalizer.normalize("kinh tế số", Normalizer.Form.NFD)));
    assertTrue(
        VALIDATOR.validate(nfd).stream().anyMatch(m -> m.contains("not in Unicode NFC")),
        VALIDATOR.validate(nfd).toString());

    Path hash = broken("hash");
    Path csv = hash.resolve("datasets/don-vi-hanh-chinh/don-vi-hanh-chinh.csv");
    byte[] bytes = Files.readAllBytes(csv);
    bytes[bytes.length - 2] ^= 1;
    Files.write(csv, bytes);
    assertTrue(
        VALIDATOR.validate(hash).stream()
            .anyMatch(
                m -> m.contains("sha256 of datasets/don-vi-hanh-chinh/don-vi-hanh-chinh.csv")),
        VALIDATOR.validate(hash).toString());

    Path dcat = broken("dcat");
    Path ttl = dcat.resolve("catalog.ttl");
    Files.writeString(
        ttl, Files.readString(ttl).replaceAll("(?m)^\\s+dct:title\\s+\"[^\"]*\"@vi\\s*;\\s*$", ""));
    assertTrue(
        VALIDATOR.validate(dcat).stream().anyMatch(m -> m.contains("DCAT-AP 3.0.0 violation")),
        VALIDATOR.validate(dcat).toString());
  }

  @Test
  void twoRunsOnTheSameInputKeepNamesIdsHashesAndMetadataModified() throws IOException {
    for (String name : DATASETS) {
      String file = "ckan/packages/" + name + ".json";
      assertEquals(
          Files.readString(SampleRuns.release(1).resolve(file)),
          Files.readString(SampleRuns.release(2).resolve(file)),
          name);
    }
  }

  @Test
  void aNewLandingFileChangesOnlyTheDatasetsThatDependOnIt() throws IOException {
    Path landing = tmp.resolve("landing");
    Path output = tmp.resolve("output");
    Folders.copy(Paths.get("sample-data"), landing);
    Folders.copy(SampleRuns.output(2), output);
    Path before = output.resolve("current").toRealPath();
    byte[] day =
        new GZIPInputStream(
                new ByteArrayInputStream(
                    Files.readAllBytes(landing.resolve("ocop-listings/2025-10-30.jsonl.gz"))))
            .readAllBytes();
    String listing =
        new String(day, StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !l.isBlank())
            .findFirst()
            .orElseThrow();
    ObjectNode next = (ObjectNode) JSON.readTree(listing);
    next.put("crawled_at", "2025-11-01T09:00:00+07:00");
    Files.writeString(
        landing.resolve("ocop-listings/2025-11-01.jsonl"), JSON.writeValueAsString(next) + "\n");

    assertEquals(
        0,
        CliTestAccess.run("nightly", "--input", landing.toString(), "--output", output.toString()));
    Path after = output.resolve("current").toRealPath();
    assertNotEquals(before, after);
    for (String name : DATASETS) {
      JsonNode old = JSON.readTree(before.resolve("ckan/packages/" + name + ".json").toFile());
      JsonNode now = JSON.readTree(after.resolve("ckan/packages/" + name + ".json").toFile());
      boolean dependsOnOcop =
          List.of("san-pham-ocop-tren-san-tmdt", "kinh-te-so-cap-xa", "chat-luong-du-lieu")
              .contains(name);
      if (dependsOnOcop) {
        assertTrue(
            now.get("metadata_modified").asText().compareTo(old.get("metadata_modified").asText())
                > 0,
            name);
        assertEquals(old.get("metadata_created"), now.get("metadata_created"), name);
      } else {
        assertEquals(old, now, name + " did not change and must keep its dates and hashes");
      }
      assertEquals(old.get("id"), now.get("id"));
      assertEquals(old.get("name"), now.get("name"));
    }
    assertEquals(List.of(), VALIDATOR.validate(after));
  }

  private Path broken(String name) throws IOException {
    Path copy = tmp.resolve(name);
    Folders.copy(SampleRuns.release(1), copy);
    assertEquals(List.of(), VALIDATOR.validate(copy), "the copy starts valid");
    return copy;
  }

  private static void edit(Path file, java.util.function.Consumer<ObjectNode> change)
      throws IOException {
    ObjectNode pkg = (ObjectNode) JSON.readTree(file.toFile());
    change.accept(pkg);
    JSON.writeValue(file.toFile(), pkg);
  }
}
