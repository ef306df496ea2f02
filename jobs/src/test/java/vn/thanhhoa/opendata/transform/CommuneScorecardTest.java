package vn.thanhhoa.opendata.transform;

import static vn.thanhhoa.opendata.testing.TinyProvince.payment;
import static vn.thanhhoa.opendata.testing.TinyProvince.report;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.testing.SparkTest;
import vn.thanhhoa.opendata.testing.TinyProvince;

/**
 * kinh-te-so-cap-xa on a hand-made province: merges of two and three, a split, a missing source.
 */
class CommuneScorecardTest extends SparkTest {
  private static final StructType RESULT =
      new StructType()
          .add("period", DataTypes.StringType)
          .add("commune_code", DataTypes.StringType)
          .add("reports_expected", DataTypes.LongType)
          .add("reports_received", DataTypes.LongType)
          .add("population", DataTypes.LongType)
          .add("online_on_time_pct", DataTypes.createDecimalType(5, 2))
          .add("smartphone_users_pct", DataTypes.createDecimalType(5, 2))
          .add("dt_completed", DataTypes.BooleanType)
          .add("accounts_total", DataTypes.LongType)
          .add("includes_split_units", DataTypes.BooleanType);

  static List<Row> reports() {
    return List.of(
        report("2025-06", "00001", 1000, 100, 90, "50", true),
        report("2025-06", "00002", 3000, 300, 297, "70", true),
        report("2025-06", "00003", 1000, 10, 10, "80", true),
        report("2025-06", "00004", 2000, 20, 18, "60", false),
        report("2025-06", "00005", 3000, 30, 30, "40", true),
        report("2025-06", "00006", 500, 5, 5, "30", true),
        report("2025-07", "00001", 4100, 410, 400, "66", true),
        report("2025-07", "00003", 6100, 61, 61, "55", false));
  }

  /** The scorecard of the tiny province for 2025-06 and 2025-07 from these staging rows. */
  static Dataset<Row> scorecard(SparkSession spark, List<Row> reports, List<Row> payments) {
    return scorecard(spark, reports, payments, List.of());
  }

  static Dataset<Row> scorecard(
      SparkSession spark, List<Row> reports, List<Row> payments, List<Row> listings) {
    Dataset<Row> months =
        spark.createDataset(List.of("2025-06", "2025-07"), Encoders.STRING()).toDF("period");
    return CommuneScorecard.from(
        new CommuneScorecard.Frames(
            spark.createDataFrame(reports, TinyProvince.stagingSchema("commune-reports")),
            spark.createDataFrame(payments, TinyProvince.stagingSchema("payment-accounts")),
            spark.createDataFrame(listings, TinyProvince.stagingSchema("ocop-listings")),
            TinyProvince.UNITS.dimension(spark),
            months,
            AdminUnitEdges.splitEdges(spark, TinyProvince.UNITS),
            10));
  }

  private Dataset<Row> scorecard(List<Row> reports, List<Row> payments) {
    return relaxed(
        scorecard(spark(), reports, payments)
            .select(
                "period",
                "commune_code",
                "reports_expected",
                "reports_received",
                "population",
                "online_on_time_pct",
                "smartphone_users_pct",
                "dt_completed",
                "accounts_total",
                "includes_split_units"));
  }

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void mergedCommunesAreSummedRatesRecomputedASplitCountedOnceAndAMissingSourceLeftNull() {
    Dataset<Row> actual =
        scorecard(reports(), List.of(payment("2025-07", "00001", "bank", "Agribank", 500)));
    Dataset<Row> expected =
        frame(
            RESULT,
            // Một = A + B: 387 of 400 dossiers on time is 96.75 % (the mean of 90 % and 99 % would
            // be 94.5 %);
            // smartphone share weighted by population: (50×1000 + 70×3000) / 4000.
            new Object[] {
              "2025-06", "00001", 2L, 2L, 4000L, d("96.75"), d("65.00"), true, null, false
            },
            // Ba = C + D + E (F is split and counted in Sáu, which reuses its code): flagged.
            new Object[] {
              "2025-06", "00003", 3L, 3L, 6000L, d("96.67"), d("53.33"), false, null, true
            },
            new Object[] {
              "2025-06", "00006", 1L, 1L, 500L, d("100.00"), d("30.00"), true, null, true
            },
            new Object[] {
              "2025-07", "00001", 1L, 1L, 4100L, d("97.56"), d("66.00"), true, 500L, false
            },
            new Object[] {
              "2025-07", "00003", 1L, 1L, 6100L, d("100.00"), d("55.00"), false, null, false
            },
            // No report for Sáu in 2025-07: the row exists (dense), with nulls.
            new Object[] {"2025-07", "00006", 1L, 0L, null, null, null, null, null, false});
    assertDataFrameNoOrderEquals(expected, actual);
  }

  @Test
  void aCountIsNullInAMonthItsSourceDoesNotCoverAndZeroOnlyInsideIt() {
    // Reports and OCOP crawls cover 2025-06 only, payment accounts 2025-07 only.
    int period = TinyProvince.stagingSchema("commune-reports").fieldIndex("period");
    List<Row> june = reports().stream().filter(r -> r.getString(period).equals("2025-06")).toList();
    List<Row> listings =
        List.of(
            TinyProvince.listing("2025-06-10", "00001", "shopee:1", "OCOP-38-2024-0001"),
            TinyProvince.listing("2025-06-11", "00002", "shopee:2", "OCOP-38-2024-0002"),
            TinyProvince.listing("2025-06-11", "00002", "tiki:3", "OCOP-38-2024-0002"));
    List<Row> payments = List.of(payment("2025-07", "00001", "bank", "Agribank", 500));
    StructType counts =
        new StructType()
            .add("period", DataTypes.StringType)
            .add("commune_code", DataTypes.StringType)
            .add("reports_received", DataTypes.LongType)
            .add("accounts_total", DataTypes.LongType)
            .add("accounts_suppressed", DataTypes.BooleanType)
            .add("ocop_products", DataTypes.LongType)
            .add("ocop_listings", DataTypes.LongType);
    Dataset<Row> actual =
        relaxed(
            scorecard(spark(), june, payments, listings)
                .select(
                    "period",
                    "commune_code",
                    "reports_received",
                    "accounts_total",
                    "accounts_suppressed",
                    "ocop_products",
                    "ocop_listings"));
    Dataset<Row> expected =
        frame(
            counts,
            // Một = A + B, both with listings: one product each, and B's product on two platforms.
            new Object[] {"2025-06", "00001", 2L, null, null, 2L, 3L},
            // Crawled in June, but nothing from Ba's or Sáu's sellers: a real 0.
            new Object[] {"2025-06", "00003", 3L, null, null, 0L, 0L},
            new Object[] {"2025-06", "00006", 1L, null, null, 0L, 0L},
            new Object[] {"2025-07", "00001", null, 500L, false, null, null},
            // The accounts cover July: no account in Ba is 0 accounts, a small cell, suppressed.
            new Object[] {"2025-07", "00003", null, null, true, null, null},
            new Object[] {"2025-07", "00006", null, null, true, null, null});
    assertDataFrameNoOrderEquals(expected, actual);
  }

  @Test
  void aSeriesIsContinuousAcrossTheReform() {
    Dataset<Row> actual = scorecard(reports(), List.of());
    Dataset<Row> mot =
        actual.filter("commune_code = '00001'").select("period", "population").orderBy("period");
    assertDataFrameEquals(
        frame(
            new StructType()
                .add("period", DataTypes.StringType)
                .add("population", DataTypes.LongType),
            new Object[] {"2025-06", 4000L},
            new Object[] {"2025-07", 4100L}),
        relaxed(mot),
        assertDataFrameEquals$default$3());
  }
}
