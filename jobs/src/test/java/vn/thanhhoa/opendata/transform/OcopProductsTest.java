package vn.thanhhoa.opendata.transform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.testing.SparkTest;
import vn.thanhhoa.opendata.testing.TinyProvince;

/** san-pham-ocop-tren-san-tmdt: lowest price on the last day seen, listing counts, days listed. */
class OcopProductsTest extends SparkTest {
  private static final StructType RESULT =
      new StructType()
          .add("ocop_code", DataTypes.StringType)
          .add("platform", DataTypes.StringType)
          .add("price_vnd", DataTypes.createDecimalType(15, 0))
          .add("listing_count", DataTypes.LongType)
          .add("first_seen", DataTypes.DateType)
          .add("last_seen", DataTypes.DateType)
          .add("listed_days", DataTypes.LongType)
          .add("seller_name", DataTypes.StringType)
          .add("seller_commune_name", DataTypes.StringType);

  private static Row sighting(
      String listing, String platform, String day, long price, String seller, String commune) {
    return TinyProvince.staging(
        "ocop-listings",
        Map.ofEntries(
            Map.entry("listing_id", listing),
            Map.entry("platform", platform),
            Map.entry("ocop_code", "OCOP-38-2023-0001"),
            Map.entry("product_name", "Nem chua"),
            Map.entry("ocop_stars", 4L),
            Map.entry("category", "thuc_pham"),
            Map.entry("seller_name", seller),
            Map.entry("seller_type", "htx"),
            Map.entry("seller_commune_code", commune),
            Map.entry("price_vnd", price),
            Map.entry("in_stock", true),
            Map.entry("traceability_stamp", false),
            Map.entry("crawled_at", Instant.parse(day + "T03:00:00Z")),
            Map.entry("crawl_date", LocalDate.parse(day)),
            Map.entry("period", day.substring(0, 7)),
            Map.entry("source_file", "ocop-listings/" + day + ".jsonl"),
            Map.entry("source_line", 1L)));
  }

  @Test
  void theLastDaySeenDecidesPriceListingsAndSeller() {
    List<Row> sightings =
        List.of(
            sighting("shopee:1", "shopee", "2025-06-30", 100, "HTX Một", "00001"),
            sighting("shopee:2", "shopee", "2025-06-30", 90, "HTX Hai", "00002"),
            sighting("shopee:1", "shopee", "2025-07-02", 95, "HTX Một", "00001"),
            sighting("shopee:2", "shopee", "2025-07-02", 99, "HTX Hai", "00001"),
            sighting("lazada:7", "lazada", "2025-06-30", 120, "HTX Hai", "00002"));
    Dataset<Row> listings =
        spark().createDataFrame(sightings, TinyProvince.stagingSchema("ocop-listings"));
    Dataset<Row> actual =
        OcopProducts.from(OcopProducts.monthly(listings), TinyProvince.UNITS.dimension(spark()))
            .select(
                "ocop_code",
                "platform",
                "price_vnd",
                "listing_count",
                "first_seen",
                "last_seen",
                "listed_days",
                "seller_name",
                "seller_commune_name");
    assertDataFrameNoOrderEquals(
        frame(
            RESULT,
            new Object[] {
              "OCOP-38-2023-0001",
              "shopee",
              new java.math.BigDecimal("95"),
              2L,
              LocalDate.parse("2025-06-30"),
              LocalDate.parse("2025-07-02"),
              2L,
              "HTX Một",
              "Xã Một"
            },
            new Object[] {
              "OCOP-38-2023-0001",
              "lazada",
              new java.math.BigDecimal("120"),
              1L,
              LocalDate.parse("2025-06-30"),
              LocalDate.parse("2025-06-30"),
              1L,
              "HTX Hai",
              "Xã B"
            }),
        relaxed(actual));
    // Each month summarised on its own and merged gives the same products.
    Dataset<Row> june = OcopProducts.monthly(listings.filter("period = '2025-06'"));
    Dataset<Row> july = OcopProducts.monthly(listings.filter("period = '2025-07'"));
    assertDataFrameNoOrderEquals(
        OcopProducts.from(OcopProducts.monthly(listings), TinyProvince.UNITS.dimension(spark())),
        OcopProducts.from(june.unionByName(july), TinyProvince.UNITS.dimension(spark())));
  }
}
