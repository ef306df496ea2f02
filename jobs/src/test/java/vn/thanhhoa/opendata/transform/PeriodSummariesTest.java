package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.StagingTables;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.SampleRuns;
import vn.thanhhoa.opendata.testing.SparkTest;

/**
 * The kept monthly summaries: a month that only gained files of later days has just those files
 * summarised and merged in; any other change summarises the month again; either way the summaries
 * equal those of the whole table made from scratch.
 */
class PeriodSummariesTest extends SparkTest {
  private static final SourceSchema OCOP = SourceSchema.load(Paths.get("schemas"), "ocop-listings");
  private static final String MONTH = "2025-11";

  @TempDir Path tmp;
  private Path month;
  private StagingTables staging;
  private PeriodSummaries kept;
  private final List<Long> summarised = new ArrayList<>();

  @BeforeEach
  void stagingOfTheSampleRun() throws Exception {
    Path output = tmp.resolve("output");
    Folders.copy(SampleRuns.output(1), output);
    Store store = Store.local();
    Layout layout = new Layout(output.toString());
    staging = new StagingTables(spark(), store, layout);
    month = Path.of(layout.staging(OCOP.source()), "period=" + MONTH);
    kept =
        new PeriodSummaries(spark(), store, output.resolve("state/summaries/test").toString(), 1);
  }

  @Test
  void aMonthThatGainedLaterDaysMergesTheirSummaryIntoItsKeptOne() throws Exception {
    addDay(1);
    assertEquals(sorted(fromScratch()), sorted(summaries()));
    summarised.clear();

    addDay(2);
    addDay(3);
    List<Row> merged = sorted(summaries());

    assertEquals(List.of(2 * dayRows()), summarised, "only the two new days were summarised");
    assertEquals(sorted(fromScratch()), merged);
  }

  @Test
  void aMonthThatGainedAnEarlierOrTheSameDayIsSummarisedAgainWhole() throws Exception {
    addDay(2);
    summaries();
    summarised.clear();

    addDay(2); // the same day again, as a re-crawl would bring it
    List<Row> again = sorted(summaries());

    assertEquals(List.of(monthRows()), summarised, "the whole month was summarised again");
    assertEquals(sorted(fromScratch()), again);
  }

  @Test
  void aMonthTooSmallToBeWorthMergingIsSummarisedAgainWhole() throws Exception {
    kept = new PeriodSummaries(spark(), Store.local(), tmp.resolve("small").toString(), 1 << 20);
    addDay(1);
    summaries();
    summarised.clear();

    addDay(2);
    summaries();

    assertEquals(List.of(monthRows()), summarised, "the whole (small) month was summarised again");
  }

  @Test
  void summariesAreReadAsKeptWhileNoStagingFileChanges() throws Exception {
    addDay(1);
    List<Row> first = sorted(summaries());
    summarised.clear();

    assertEquals(first, sorted(summaries()));
    assertEquals(List.of(), summarised, "nothing was summarised again");
  }

  /** The summaries as kept, counting the rows each summarising pass reads. */
  private Dataset<Row> summaries() {
    UnaryOperator<Dataset<Row>> counting =
        rows -> {
          summarised.add(rows.filter(col("period").equalTo(MONTH)).count());
          return OcopProducts.monthly(rows);
        };
    return kept.of(
        staging, OCOP, new PeriodSummary(counting, OcopProducts::mergeMonths, "crawl_date"));
  }

  private Dataset<Row> fromScratch() {
    return OcopProducts.monthly(staging.read(OCOP, null, null));
  }

  /**
   * Adds one file to the month's staging partition: the sample's listings of its last day, moved to
   * day {@code day} of the month.
   */
  private void addDay(int day) throws Exception {
    Path written = tmp.resolve("day-" + day + "-" + System.nanoTime());
    lastDay()
        .withColumn("crawl_date", date_add(lit(Date.valueOf(MONTH + "-01")), day - 1))
        .drop("period")
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(written.toString());
    Files.createDirectories(month);
    try (var files = Files.list(written)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        Files.move(f, month.resolve(f.getFileName()));
      }
    }
  }

  private Dataset<Row> lastDay() {
    return staging
        .read(OCOP, "2025-10", "2025-10")
        .filter(col("crawl_date").equalTo(lit(Date.valueOf("2025-10-31"))));
  }

  private long dayRows() {
    return lastDay().count();
  }

  private long monthRows() {
    return staging.read(OCOP, MONTH, MONTH).count();
  }

  private static List<Row> sorted(Dataset<Row> summaries) {
    return summaries
        .select(
            "period", "ocop_code", "platform", "first_seen", "last_seen", "listed_days", "last_day")
        .orderBy("period", "ocop_code", "platform")
        .collectAsList();
  }
}
