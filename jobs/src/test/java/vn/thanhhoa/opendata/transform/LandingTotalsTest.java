package vn.thanhhoa.opendata.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.testing.SampleRuns;

/**
 * Totals computed from the landing files without Spark (plain Java, the contract's key rules, the
 * documented bad rows skipped) must match what the pipeline published.
 */
class LandingTotalsTest {
  private static final Path LANDING = Paths.get("sample-data");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** (file, line) of every documented bad record. */
  private static Set<String> quarantined() throws IOException {
    Set<String> bad = new HashSet<>();
    for (String line :
        Files.readAllLines(LANDING.resolve("expected-quarantine.csv"))
            .subList(1, Files.readAllLines(LANDING.resolve("expected-quarantine.csv")).size())) {
      String[] f = line.split(",");
      bad.add(f[0] + ":" + f[1]);
    }
    return bad;
  }

  /**
   * accounts_total by "period provider_type", the latest report per (period, commune, provider).
   */
  private static Map<String, Long> accountsFromLanding() throws IOException {
    Set<String> bad = quarantined();
    Map<String, String[]> latest = new HashMap<>();
    Map<String, String> latestAt = new HashMap<>();
    try (Stream<Path> files = Files.list(LANDING.resolve("payment-accounts"))) {
      for (Path file : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
          continue; // a 0-byte file (an export that failed): no header, no record
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        String name = "payment-accounts/" + file.getFileName();
        for (int i = 1; i < lines.size(); i++) {
          if (lines.get(i).isBlank() || bad.contains(name + ":" + (i + 1))) {
            continue;
          }
          String[] v = lines.get(i).split(",", -1);
          String key =
              v[header.indexOf("period")]
                  + " "
                  + v[header.indexOf("commune_code")]
                  + " "
                  + v[header.indexOf("provider_name")];
          String order =
              OffsetDateTime.parse(v[header.indexOf("reported_at")]).toInstant()
                  + " "
                  + name
                  + " "
                  + String.format("%09d", i);
          if (!latestAt.containsKey(key) || order.compareTo(latestAt.get(key)) > 0) {
            latestAt.put(key, order);
            latest.put(
                key,
                new String[] {
                  v[header.indexOf("period")],
                  v[header.indexOf("provider_type")],
                  v[header.indexOf("accounts_total")]
                });
          }
        }
      }
    }
    Map<String, Long> totals = new TreeMap<>();
    latest.values().forEach(v -> totals.merge(v[0] + " " + v[1], Long.parseLong(v[2]), Long::sum));
    return totals;
  }

  @Test
  void accountsByMonthAndProviderTypeBeforeSuppressionMatchStaging() throws Exception {
    Map<String, Long> expected = accountsFromLanding();
    Path staging = SampleRuns.output(1).resolve("staging/payment-accounts");
    Map<String, Long> actual = new TreeMap<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT period, provider_type, sum(accounts_total) FROM read_parquet('"
                    + staging
                    + "/**/*.parquet', hive_partitioning = true) GROUP BY ALL")) {
      while (rs.next()) {
        actual.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
      }
    }
    assertEquals(expected, actual);
    assertEquals(
        910_016L,
        expected.entrySet().stream()
            .filter(e -> e.getKey().startsWith("2025-10"))
            .mapToLong(Map.Entry::getValue)
            .sum(),
        "the sample is calibrated on ~910,000 accounts");
  }

  @Test
  void accountsByMonthMatchThePublishedCommuneScorecard() throws IOException {
    Map<String, Long> expected = new TreeMap<>();
    accountsFromLanding().forEach((k, v) -> expected.merge(k.substring(0, 7), v, Long::sum));
    Map<String, Long> published = new TreeMap<>();
    for (JsonNode row :
        JSON.readTree(
            SampleRuns.release(1)
                .resolve("datasets/kinh-te-so-cap-xa/kinh-te-so-cap-xa.json")
                .toFile())) {
      if (!row.get("accounts_total").isNull()) {
        published.merge(row.get("period").asText(), row.get("accounts_total").asLong(), Long::sum);
      } else {
        org.junit.jupiter.api.Assertions.assertTrue(
            row.get("accounts_suppressed").isNull(),
            "no commune of the sample has fewer than 10 accounts in all: " + row);
      }
    }
    assertEquals(expected, published);
  }

  @Test
  void distinctOcopProductsPerPlatformMatchThePublishedDataset() throws IOException {
    Set<String> bad = quarantined();
    Map<String, Set<String>> products = new TreeMap<>();
    try (Stream<Path> files = Files.list(LANDING.resolve("ocop-listings"))) {
      for (Path file : files.sorted().toList()) {
        String[] lines =
            new String(decompressed(Files.readAllBytes(file)), StandardCharsets.UTF_8)
                .split("\r\n|\r|\n", -1);
        String name = "ocop-listings/" + file.getFileName();
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].isBlank() || bad.contains(name + ":" + (i + 1))) {
            continue;
          }
          JsonNode listing = JSON.readTree(lines[i]);
          products
              .computeIfAbsent(listing.get("platform").asText(), p -> new java.util.TreeSet<>())
              .add(listing.get("product").get("ocop_code").asText());
        }
      }
    }
    Map<String, Long> expected = new TreeMap<>();
    products.forEach((platform, codes) -> expected.put(platform, (long) codes.size()));
    Map<String, Long> published = new TreeMap<>();
    for (JsonNode row :
        JSON.readTree(
            SampleRuns.release(1)
                .resolve("datasets/san-pham-ocop-tren-san-tmdt/san-pham-ocop-tren-san-tmdt.json")
                .toFile())) {
      published.merge(row.get("platform").asText(), 1L, Long::sum);
    }
    assertEquals(expected, published);
    assertEquals(
        152,
        products.values().stream().flatMap(Set::stream).distinct().count(),
        "152 OCOP products listed");
  }

  /**
   * A landing file's text bytes as the contract reads them: gzip known by its magic bytes, not the
   * name; a damaged gzip stream gives what it decoded before the damage (its last, partial line is
   * the file's documented unreadable-file record).
   */
  private static byte[] decompressed(byte[] bytes) {
    if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
      return bytes;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      in.transferTo(out);
    } catch (IOException damaged) {
      // keep what was decoded
    }
    return out.toByteArray();
  }
}
