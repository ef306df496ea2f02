package vn.thanhhoa.opendata.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.thanhhoa.opendata.core.Csv;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.testing.SampleRuns;

/** The six datasets as consumers get them, from two nightly runs on sample-data/. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedDatasetsTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final DatasetCatalog CATALOG =
      DatasetCatalog.load(Paths.get("conf/datasets.yaml"), Paths.get("schemas"));

  private Path first;
  private Path second;
  private JsonNode report;

  @BeforeAll
  void twoRunsOnTheSameInput() throws IOException {
    first = SampleRuns.release(1);
    second = SampleRuns.release(2);
    report = JSON.readTree(second.resolve("run-report.json").toFile());
  }

  @Test
  void everyDatasetIsPublishedInThreeFormats() {
    assertEquals(CATALOG.names(), iterable(report.get("datasets").fieldNames()));
    for (DatasetSpec spec : CATALOG.datasets()) {
      Path folder = second.resolve("datasets").resolve(spec.name());
      Assertions.assertTrue(Files.isRegularFile(folder.resolve(spec.name() + ".csv")), spec.name());
      Assertions.assertTrue(
          Files.isRegularFile(folder.resolve(spec.name() + ".json")), spec.name());
      Assertions.assertFalse(parquetFiles(folder).isEmpty(), spec.name());
      Assertions.assertTrue(
          report.get("datasets").get(spec.name()).get("rows").asLong() > 0, spec.name());
    }
  }

  @Test
  void aSecondRunOnTheSameInputGivesByteIdenticalFilesAndReportsNoChange() throws IOException {
    Map<String, String> one = hashes(first.resolve("datasets"));
    Map<String, String> two = hashes(second.resolve("datasets"));
    Assertions.assertTrue(one.size() >= 18, one.keySet().toString());
    assertEquals(one, two);
    for (DatasetSpec spec : CATALOG.datasets()) {
      Assertions.assertFalse(
          report.get("datasets").get(spec.name()).get("changed").asBoolean(), spec.name());
    }
  }

  @Test
  void csvIsUtf8WithBomQuotedPerRfc4180WithTheDeclaredHeader() throws IOException {
    for (DatasetSpec spec : CATALOG.datasets()) {
      byte[] bytes =
          Files.readAllBytes(
              second.resolve("datasets").resolve(spec.name()).resolve(spec.name() + ".csv"));
      Assertions.assertArrayEquals(
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
      List<Csv.Record> records =
          Csv.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), ',');
      assertEquals(
          spec.columns().stream().map(DatasetSpec.Column::name).toList(), records.get(0).fields());
      assertEquals(rows(spec), records.size() - 1, spec.name());
      records.forEach(
          r ->
              assertEquals(
                  spec.columns().size(), r.fields().size(), spec.name() + " line " + r.line()));
    }
  }

  @Test
  void notesWithCommasQuotesAndLineBreaksSurviveTheCsv() throws IOException {
    String name = "chuyen-doi-so-cap-xa";
    Path folder = second.resolve("datasets").resolve(name);
    byte[] bytes = Files.readAllBytes(folder.resolve(name + ".csv"));
    List<Csv.Record> csv =
        Csv.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), ',');
    int notes = csv.get(0).fields().indexOf("notes");
    List<String> fromCsv =
        csv.subList(1, csv.size()).stream()
            .map(r -> r.fields().get(notes))
            .filter(n -> !n.isEmpty())
            .toList();
    List<String> fromJson = new ArrayList<>();
    JSON.readTree(folder.resolve(name + ".json").toFile())
        .forEach(
            r -> {
              if (!r.get("notes").isNull()) {
                fromJson.add(r.get("notes").asText());
              }
            });
    assertEquals(fromJson, fromCsv);
    Assertions.assertTrue(
        fromCsv.stream().anyMatch(n -> n.contains(",") && n.contains("\n")),
        "sample has such a note");
  }

  @Test
  void duckDbReadsTheParquetAsTheSameRowsWithTheDeclaredLogicalTypes() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      for (DatasetSpec spec : CATALOG.datasets()) {
        Path folder = second.resolve("datasets").resolve(spec.name());
        String source =
            "read_parquet('"
                + folder.resolve("parquet")
                + "/**/*.parquet', hive_partitioning = false)";
        Map<String, String> types = new TreeMap<>();
        try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + source)) {
          while (rs.next()) {
            types.put(rs.getString("column_name"), rs.getString("column_type"));
          }
        }
        Map<String, String> declared = new TreeMap<>();
        spec.columns().forEach(c -> declared.put(c.name(), duckType(c.type())));
        assertEquals(declared, types, spec.name());
        String order = String.join(", ", spec.key());
        List<List<String>> parquet = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT * FROM " + source + " ORDER BY " + order)) {
          while (rs.next()) {
            parquet.add(duckRow(rs, spec));
          }
        }
        List<List<String>> json = new ArrayList<>();
        JSON.readTree(folder.resolve(spec.name() + ".json").toFile())
            .forEach(r -> json.add(jsonRow(r, spec)));
        assertEquals(json, parquet, spec.name());
        try (ResultSet rs =
            sql.executeQuery(
                "SELECT decode(value) FROM parquet_kv_metadata('"
                    + folder.resolve("parquet")
                    + "/**/*.parquet') WHERE decode(key) = 'org.apache.spark.sql.parquet.row.metadata'")) {
          Assertions.assertTrue(rs.next(), spec.name());
          String schema = rs.getString(1);
          spec.columns()
              .forEach(
                  c ->
                      Assertions.assertTrue(
                          schema.contains(c.description().replace("\"", "\\\"")),
                          spec.name()
                              + "."
                              + c.name()
                              + " description missing from the file metadata"));
        }
      }
    }
  }

  private static String duckType(String type) {
    if (type.startsWith("decimal")) {
      return type.toUpperCase(java.util.Locale.ROOT);
    }
    return switch (type) {
      case "string", "month" -> "VARCHAR";
      case "integer" -> "BIGINT";
      case "boolean" -> "BOOLEAN";
      case "date" -> "DATE";
      case "timestamp" -> "TIMESTAMP WITH TIME ZONE";
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static List<String> duckRow(ResultSet rs, DatasetSpec spec) throws SQLException {
    List<String> row = new ArrayList<>();
    for (DatasetSpec.Column c : spec.columns()) {
      Object value =
          switch (c.type()) {
            case "date" -> rs.getObject(c.name(), LocalDate.class);
            case "timestamp" ->
                rs.getObject(c.name()) == null
                    ? null
                    : rs.getObject(c.name(), OffsetDateTime.class).toInstant();
            default -> rs.getObject(c.name());
          };
      row.add(
          value instanceof BigDecimal d
              ? d.stripTrailingZeros().toPlainString()
              : value == null ? null : value.toString());
    }
    return row;
  }

  private static List<String> jsonRow(JsonNode r, DatasetSpec spec) {
    List<String> row = new ArrayList<>();
    for (DatasetSpec.Column c : spec.columns()) {
      JsonNode v = r.get(c.name());
      Assertions.assertNotNull(v, spec.name() + " JSON lacks " + c.name());
      row.add(
          v.isNull()
              ? null
              : v.isBigDecimal()
                  ? v.decimalValue().stripTrailingZeros().toPlainString()
                  : v.isNumber() ? v.bigIntegerValue().toString() : v.asText());
    }
    return row;
  }

  private long rows(DatasetSpec spec) {
    return report.get("datasets").get(spec.name()).get("rows").asLong();
  }

  private static List<Path> parquetFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder.resolve("parquet"))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Map<String, String> hashes(Path root) throws IOException {
    return vn.thanhhoa.opendata.testing.Folders.hashes(root, false);
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
