package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.SourceReport;

/** The latest row per key of one file, kept as the file is read. */
class LatestInFileTest {
  private static final String FILE = "ocop-listings/2025-11-20.jsonl";

  private static String crawl(String listing, String crawledAt, int price) {
    return LandingFileReaderTest.LISTING
        .replace("shopee:2291837465", listing)
        .replace("2025-11-20T22:05:00+07:00", crawledAt)
        .replace("85000", String.valueOf(price));
  }

  /** The staging rows a file's lines give, and the file's outcome. */
  private static FileOutcome classified(List<Row> accepted, String... lines) {
    Parsed parsed =
        Parsed.read(
            LandingFileReaderTest.OCOP,
            FILE,
            (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return Parsed.classified(LandingFileReaderTest.OCOP, parsed.rows(), accepted).get(FILE);
  }

  private static long price(Row row) {
    return row.getLong(LandingFileReaderTest.OCOP.stagingNames().indexOf("price_vnd"));
  }

  @Test
  void theLaterCrawlOfADayWinsWhereverItStandsAndAnExactTieGoesToTheLaterLine() {
    List<Row> rows = new ArrayList<>();
    FileOutcome outcome =
        classified(
            rows,
            crawl("shopee:1", "2025-11-20T10:00:00+07:00", 1000),
            crawl("shopee:1", "2025-11-20T08:00:00+07:00", 2000),
            crawl("shopee:2", "2025-11-20T08:00:00+07:00", 3000),
            crawl("shopee:2", "2025-11-20T08:00:00+07:00", 4000),
            crawl("shopee:1", "2025-11-21T08:00:00+07:00", 5000));
    // passed on in period and key order: shopee:1 on the 20th and the 21st, then shopee:2
    assertEquals(List.of(1000L, 5000L, 4000L), rows.stream().map(r -> price(r)).toList());
    assertEquals(5, outcome.report().rowsAccepted());
    assertEquals(2, outcome.inFile().replaced());
    assertEquals(3, outcome.passedOn());
    assertTrue(outcome.inFile().resolved());
    assertEquals(Set.of("2025-11-20", "2025-11-21"), outcome.inFile().keyDates());
    RowConservation.check(Map.of(FILE, outcome), rows.size());
  }

  @Test
  void crawlsWithinOneMicrosecondAreATieAsInSparkSoTheLaterLineWins() {
    List<Row> rows = new ArrayList<>();
    classified(
        rows,
        crawl("shopee:1", "2025-11-20T10:00:00.0000009+07:00", 1000),
        crawl("shopee:1", "2025-11-20T10:00:00.0000001+07:00", 2000));
    assertEquals(List.of(2000L), rows.stream().map(r -> price(r)).toList());
  }

  /**
   * Random crawls of twenty listings over two days in two months, some at the same second: what is
   * passed on is, in (period, listing, day) order, each key's latest crawl, the later line on a
   * tie.
   */
  @Test
  void randomCrawlsAcrossAMonthEndGiveEachKeysLatestInKeyOrder() {
    Random random = new Random(20251130);
    List<String> lines = new ArrayList<>();
    Map<List<String>, long[]> latest =
        new TreeMap<>(
            Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2)));
    for (int line = 0; line < 400; line++) {
      String listing = "shopee:" + (1 + random.nextInt(20));
      String day = random.nextBoolean() ? "2025-11-30" : "2025-12-01";
      int minute = random.nextInt(6);
      lines.add(crawl(listing, day + "T10:0" + minute + ":00+07:00", 1000 + line));
      List<String> key = List.of(day.substring(0, 7), listing, day);
      long[] kept = latest.get(key);
      if (kept == null || minute >= kept[0]) {
        latest.put(key, new long[] {minute, 1000 + line});
      }
    }
    List<Row> rows = new ArrayList<>();
    FileOutcome outcome = classified(rows, lines.toArray(String[]::new));
    List<Long> expected = latest.values().stream().map(k -> k[1]).toList();
    assertEquals(expected, rows.stream().map(r -> price(r)).toList());
    assertEquals(400 - expected.size(), outcome.inFile().replaced());
    assertTrue(outcome.inFile().resolved());
    RowConservation.check(Map.of(FILE, outcome), rows.size());
  }

  /** What a file's lines pass on through a {@link LatestInFile} that resolves up to two keys. */
  private static List<Row> passedWithLimitTwo(LatestInFile latest, String... lines) {
    Parsed parsed =
        Parsed.read(
            LandingFileReaderTest.OCOP,
            FILE,
            String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    List<Row> passed = new ArrayList<>();
    int width = LandingFileReaderTest.OCOP.stagingNames().size();
    for (Row record : parsed.records()) {
      Object[] values = new Object[width];
      for (int i = 0; i < width; i++) {
        values[i] = record.get(i);
      }
      latest.offer(RowFactory.create(values)).forEachRemaining(passed::add);
    }
    latest.finish().forEachRemaining(passed::add);
    return passed;
  }

  private static LatestInFile limitTwo() {
    return LatestInFile.Columns.of(LandingFileReaderTest.OCOP).orElseThrow().newFile(2);
  }

  @Test
  void aFileWithMoreKeysThanTheLimitPassesOnWhatItHeldResolvedThenTheRestAsReadAndSaysSo() {
    LatestInFile latest = limitTwo();
    List<Row> passed =
        passedWithLimitTwo(
            latest,
            crawl("shopee:1", "2025-11-20T10:00:00+07:00", 1000),
            crawl("shopee:1", "2025-11-20T11:00:00+07:00", 1500),
            crawl("shopee:2", "2025-11-20T10:00:00+07:00", 2000),
            crawl("shopee:3", "2025-11-20T10:00:00+07:00", 3000),
            crawl("shopee:3", "2025-11-20T11:00:00+07:00", 3500),
            crawl("shopee:4", "2025-11-20T10:00:00+07:00", 4000),
            crawl("shopee:4", "2025-11-20T09:00:00+07:00", 4500));
    assertFalse(latest.resolved());
    assertEquals(2, latest.replaced());
    assertEquals(
        List.of(1500L, 2000L, 3500L, 4000L, 4500L), passed.stream().map(r -> price(r)).toList());
  }

  @Test
  void aFileWithinTheLimitOfKeysIsResolvedHoweverOftenItsKeysRecur() {
    LatestInFile latest = limitTwo();
    List<Row> passed =
        passedWithLimitTwo(
            latest,
            crawl("shopee:1", "2025-11-20T10:00:00+07:00", 1000),
            crawl("shopee:1", "2025-11-20T11:00:00+07:00", 1100),
            crawl("shopee:2", "2025-11-20T10:00:00+07:00", 2000),
            crawl("shopee:2", "2025-11-20T11:00:00+07:00", 2100),
            crawl("shopee:1", "2025-11-20T12:00:00+07:00", 1200),
            crawl("shopee:2", "2025-11-20T09:00:00+07:00", 2200),
            crawl("shopee:1", "2025-11-20T12:00:00+07:00", 1300),
            crawl("shopee:2", "2025-11-20T08:00:00+07:00", 2300),
            crawl("shopee:2", "2025-11-20T11:00:00+07:00", 2400),
            crawl("shopee:1", "2025-11-20T07:00:00+07:00", 1400));
    assertTrue(latest.resolved());
    assertEquals(8, latest.replaced());
    assertEquals(List.of(1300L, 2400L), passed.stream().map(r -> price(r)).toList());
  }

  @Test
  void aSourceWhoseKeyHasNoDateOrAFileTooLargeToHoldIsResolvedByTheShuffle() {
    assertTrue(LatestInFile.Columns.of(LandingFileReaderTest.REPORTS).isEmpty());
    LandingFileReader.LandingFile day = new LandingFileReader.LandingFile("a", 20L << 20, 0);
    LandingFileReader.LandingFile big = new LandingFileReader.LandingFile("b", 3L << 30, 0);
    assertTrue(LatestInFile.resolves(LandingFileReaderTest.OCOP, List.of(day, day)));
    assertFalse(LatestInFile.resolves(LandingFileReaderTest.OCOP, List.of(day, big)));
    assertFalse(LatestInFile.resolves(LandingFileReaderTest.REPORTS, List.of(day)));
  }

  private static FileOutcome outcome(String file, boolean resolved, Set<String> dates) {
    SourceReport.FileReport report =
        new SourceReport.FileReport(file, 1, 1, "sha", "UTF-8", 1, 1, 0, null, null);
    return new FileOutcome(
        report,
        Map.of(),
        List.of(),
        List.of(),
        Set.of(dates.iterator().next().substring(0, 7)),
        new FileOutcome.InFile(resolved, 0, dates));
  }

  @Test
  void onlyThePeriodsOfFilesThatShareAKeyDateOrWereNotResolvedAreResolvedAgain() {
    FileOutcome july1 = outcome("a", true, Set.of("2025-07-01"));
    FileOutcome july2 = outcome("b", true, Set.of("2025-07-02"));
    FileOutcome augustAgain = outcome("c", true, Set.of("2025-08-01"));
    FileOutcome august = outcome("d", true, Set.of("2025-08-01", "2025-08-02"));
    FileOutcome septemberWhole = outcome("e", false, Set.of("2025-09-01"));
    assertEquals(List.of(), LatestInFile.unresolvedPeriods(List.of(july1, july2)));
    assertEquals(
        List.of("2025-08", "2025-09"),
        LatestInFile.unresolvedPeriods(List.of(july1, july2, augustAgain, august, septemberWhole)));
  }
}
