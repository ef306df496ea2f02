package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.testing.SparkTest;
import vn.thanhhoa.opendata.testing.TinyProvince;

/**
 * The OCOP month summary as a typed aggregate gives what Spark's {@code min}/{@code max} over
 * structs give (the reference below): same days, same last day's cheapest listing under ties of
 * price, listing and names, text ordered as Spark orders it (by UTF-8 bytes, where UTF-16 order
 * would differ), the same counts and flags, nulls included.
 */
class ListingMonthTest extends SparkTest {
  /** Names whose UTF-16 and code point orders differ (U+FFFD against an emoji's surrogates). */
  private static final String[] NAMES = {
    "Nem chua", "Nem chua\uFFFD", "Nem chua😀", "Chè lam", "ché"
  };

  private static final String[] SELLERS = {"HTX Một", "HTX Hai", "Hộ Ánh", "HTX Hai😀"};

  @Test
  void agreesWithSparksStructOrderingOnRandomSightings() {
    Random random = new Random(20250701);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(sighting(random));
    }
    Dataset<Row> listings =
        spark().createDataFrame(rows, TinyProvince.stagingSchema("ocop-listings")).repartition(3);
    Dataset<Row> expected = reference(listings);
    Dataset<Row> actual = OcopProducts.monthly(listings);
    Assertions.assertEquals(json(expected), json(actual.selectExpr(expected.columns())));
    Assertions.assertEquals(
        12, expected.count(), "every product, platform and month of the sightings");
  }

  /**
   * Ties the random rows rarely reach: on the last day two listings at one price and id whose names
   * differ where UTF-16 and UTF-8 orders disagree (U+FFFD sorts after an emoji's surrogates in
   * Java, before its bytes in Spark), a listing without an id (count skips it), and a day whose
   * stock figures are all null; once through the hash map and once through Spark's sort-based
   * fallback (a threshold of one key).
   */
  @Test
  void tiesAndNullsAsSparkOrdersThem() {
    List<Row> rows = new ArrayList<>();
    rows.add(fixed("shopee:1", "Nem chua😀", 90L, "2025-07-05", true));
    rows.add(fixed("shopee:1", "Nem chua\uFFFD", 90L, "2025-07-05", false));
    rows.add(fixed(null, "Nem chua", 95L, "2025-07-05", null));
    rows.add(fixed("shopee:2", "Chè lam", 80L, "2025-07-01", true));
    rows.add(fixed("lazada:3", "Chè lam", 80L, "2025-07-05", null));
    rows.add(fixed("lazada:3", "Chè lam", 80L, "2025-07-04", true));
    Dataset<Row> listings =
        spark().createDataFrame(rows, TinyProvince.stagingSchema("ocop-listings")).repartition(2);
    Dataset<Row> expected = reference(listings);
    Assertions.assertEquals(
        json(expected), json(OcopProducts.monthly(listings).selectExpr(expected.columns())));
    Assertions.assertTrue(json(expected).get(1).contains("Nem chua\uFFFD"), json(expected).get(1));
    String threshold = "spark.sql.objectHashAggregate.sortBased.fallbackThreshold";
    String before = spark().conf().get(threshold);
    spark().conf().set(threshold, "1");
    try {
      Assertions.assertEquals(
          json(expected), json(OcopProducts.monthly(listings).selectExpr(expected.columns())));
    } finally {
      spark().conf().set(threshold, before);
    }
  }

  @Test
  void aPeriodThatIsNotItsDaysMonthFailsInsteadOfMiscounting() {
    Row july = fixed("shopee:1", "Nem chua", 90L, "2025-07-31", true);
    Row august = fixed("shopee:1", "Nem chua", 90L, "2025-08-01", true);
    Object[] values = new Object[august.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = august.get(i);
    }
    StructType schema = TinyProvince.stagingSchema("ocop-listings");
    values[schema.fieldIndex("period")] = "2025-07";
    Row misfiled = RowFactory.create(values);
    Dataset<Row> listings = spark().createDataFrame(List.of(july, misfiled), schema);
    Exception e =
        Assertions.assertThrows(
            Exception.class, () -> OcopProducts.monthly(listings).collectAsList());
    Assertions.assertTrue(
        String.valueOf(e.getMessage()).contains("days of two months"), e.getMessage());
  }

  @Test
  void aChangedColumnTypeIsACleanError() {
    Dataset<Row> listings =
        spark()
            .createDataFrame(List.<Row>of(), TinyProvince.stagingSchema("ocop-listings"))
            .withColumn("price_vnd", col("price_vnd").cast("decimal(15,2)"));
    ConfigException e =
        Assertions.assertThrows(ConfigException.class, () -> OcopProducts.monthly(listings));
    Assertions.assertTrue(
        e.getMessage().contains("price_vnd as bigint, but it is decimal(15,2)"), e.getMessage());
  }

  /** A sighting of one product on {@code day} on its listing's platform (shopee without one). */
  private static Row fixed(String listing, String name, long price, String day, Boolean inStock) {
    Map<String, Object> values = new HashMap<>();
    values.put("listing_id", listing);
    values.put("platform", listing == null ? "shopee" : listing.substring(0, listing.indexOf(':')));
    values.put("ocop_code", "OCOP-38-2023-0001");
    values.put("product_name", name);
    values.put("ocop_stars", 4L);
    values.put("category", "thuc_pham");
    values.put("seller_name", "HTX Một");
    values.put("seller_type", "htx");
    values.put("seller_commune_code", "00001");
    values.put("price_vnd", price);
    values.put("in_stock", inStock);
    values.put("traceability_stamp", false);
    values.put("crawled_at", Instant.parse(day + "T03:00:00Z"));
    values.put("crawl_date", LocalDate.parse(day));
    values.put("period", day.substring(0, 7));
    values.put("source_file", "ocop-listings/" + day + ".jsonl");
    values.put("source_line", 1L);
    values.values().removeIf(v -> v == null);
    return TinyProvince.staging("ocop-listings", values);
  }

  /** The rows as JSON, sorted: content only, whatever the nested fields' nullability. */
  private static List<String> json(Dataset<Row> frame) {
    return frame.toJSON().collectAsList().stream().sorted().toList();
  }

  private static Row sighting(Random random) {
    String platform = random.nextBoolean() ? "shopee" : "lazada";
    LocalDate day = LocalDate.parse("2025-07-28").plusDays(random.nextInt(6));
    Map<String, Object> values =
        new HashMap<>(
            Map.ofEntries(
                Map.entry("listing_id", platform + ":" + random.nextInt(4)),
                Map.entry("platform", platform),
                Map.entry("ocop_code", "OCOP-38-2023-000" + random.nextInt(3)),
                Map.entry("product_name", NAMES[random.nextInt(NAMES.length)]),
                Map.entry("ocop_stars", 3L + random.nextInt(3)),
                Map.entry("category", "thuc_pham"),
                Map.entry("seller_name", SELLERS[random.nextInt(SELLERS.length)]),
                Map.entry("seller_type", random.nextBoolean() ? "htx" : "doanh_nghiep"),
                Map.entry("seller_commune_code", "0000" + random.nextInt(3)),
                Map.entry("price_vnd", 90L + 5 * random.nextInt(3)),
                Map.entry("traceability_stamp", random.nextBoolean()),
                Map.entry("crawled_at", Instant.parse(day + "T03:00:00Z")),
                Map.entry("crawl_date", day),
                Map.entry("period", day.toString().substring(0, 7)),
                Map.entry("source_file", "ocop-listings/" + day + ".jsonl"),
                Map.entry("source_line", 1L)));
    if (random.nextInt(10) > 0) { // else no stock figure: null, which max skips
      values.put("in_stock", random.nextBoolean());
    }
    return TinyProvince.staging("ocop-listings", values);
  }

  /** The summary as Spark's own aggregates over structs give it: a day at a time, then a month. */
  private static Dataset<Row> reference(Dataset<Row> listings) {
    Dataset<Row> days =
        listings
            .groupBy("period", "ocop_code", "platform", "crawl_date")
            .agg(
                min(struct(
                        col("price_vnd"),
                        col("listing_id"),
                        col("product_name"),
                        col("ocop_stars"),
                        col("category"),
                        col("seller_name"),
                        col("seller_type"),
                        col("seller_commune_code")))
                    .as("cheapest"),
                count(col("listing_id")).as("listing_count"),
                max(col("in_stock")).as("in_stock"),
                max(col("traceability_stamp")).as("traceability_stamp"));
    return days.groupBy("period", "ocop_code", "platform")
        .agg(
            min(col("crawl_date")).as("first_seen"),
            max(col("crawl_date")).as("last_seen"),
            count(lit(1)).as("listed_days"),
            max(struct(
                    col("crawl_date"),
                    col("cheapest"),
                    col("listing_count"),
                    col("in_stock"),
                    col("traceability_stamp")))
                .as("last_day"));
  }
}
