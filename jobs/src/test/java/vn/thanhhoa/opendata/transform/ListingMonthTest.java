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
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
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
