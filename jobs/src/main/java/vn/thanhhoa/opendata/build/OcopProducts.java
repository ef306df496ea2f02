package vn.thanhhoa.opendata.build;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@code san-pham-ocop-tren-san-tmdt}: one row per OCOP product and platform from the daily
 * sightings (already one per listing and local day). One pass: a window finds the last day
 * seen, and one aggregation takes the lowest price and the cheapest listing's details on it.
 */
public final class OcopProducts {
  public static final String NAME = "san-pham-ocop-tren-san-tmdt";

  private OcopProducts() {}

  public static Dataset<Row> build(Dataset<Row> listings, Dataset<Row> dimension) {
    WindowSpec product = Window.partitionBy("ocop_code", "platform");
    Column lastDay = col("crawl_date").equalTo(col("last_seen"));
    Dataset<Row> products = listings
        .withColumn("last_seen", max(col("crawl_date")).over(product))
        .groupBy("ocop_code", "platform")
        .agg(
            min(col("crawl_date")).as("first_seen"),
            max(col("last_seen")).as("last_seen"),
            countDistinct(col("crawl_date")).as("listed_days"),
            min(when(lastDay, struct(col("price_vnd"), col("listing_id"), col("product_name"), col("ocop_stars"),
                col("category"), col("seller_name"), col("seller_type"), col("seller_commune_code")))).as("cheapest"),
            countDistinct(when(lastDay, col("listing_id"))).as("listing_count"),
            max(when(lastDay, col("in_stock"))).as("in_stock"),
            max(when(lastDay, col("traceability_stamp"))).as("traceability_stamp"));
    return UnitLookup.attach(products.withColumn("seller_commune_code", col("cheapest.seller_commune_code")),
            dimension, "seller_commune_code", col("last_seen"), "u_")
        .select(
            col("ocop_code"),
            col("cheapest.product_name").as("product_name"),
            col("cheapest.ocop_stars").as("ocop_stars"),
            col("cheapest.category").as("category"),
            col("cheapest.seller_name").as("seller_name"),
            col("cheapest.seller_type").as("seller_type"),
            col("seller_commune_code"),
            col("u_name").as("seller_commune_name"),
            col("u_code_2025").as("seller_commune_code_2025"),
            col("platform"),
            col("cheapest.price_vnd").cast("decimal(15,0)").as("price_vnd"),
            col("listing_count"),
            col("in_stock"),
            col("traceability_stamp"),
            col("first_seen"),
            col("last_seen"),
            col("listed_days"));
  }
}
