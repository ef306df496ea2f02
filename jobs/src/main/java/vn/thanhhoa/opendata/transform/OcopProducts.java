package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udaf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * {@code san-pham-ocop-tren-san-tmdt}: one row per OCOP product and platform from the daily
 * sightings (already one per listing and local day), in two steps. {@link #monthly} sums up each
 * month on its own ({@link ListingMonth}): first and last day seen, days listed, and the last day's
 * cheapest listing, listing count, stock and stamp. Months never share a day, so {@link #from}
 * merges any set of monthly summaries into the whole history; a new day's summary merges into its
 * month's the same way ({@link #mergeMonths}).
 */
final class OcopProducts implements DatasetTransform {
  /** The monthly summaries, merged for a new day by {@link #mergeMonths}. */
  static final PeriodSummary MONTHLY =
      new PeriodSummary(OcopProducts::monthly, OcopProducts::mergeMonths, "crawl_date");

  @Override
  public Dataset<Row> build(TransformInputs in) {
    return from(in.summaries(SourceNames.OCOP_LISTINGS, MONTHLY), in.dimension());
  }

  /**
   * Per period, product and platform: what the dataset needs from that month, mergeable with other
   * months.
   */
  public static Dataset<Row> monthly(Dataset<Row> listings) {
    ListingMonth.requireTypes(listings.schema());
    Dataset<Row> months =
        listings
            .groupBy("period", "ocop_code", "platform")
            .agg(
                udaf(new ListingMonth(), Encoders.row(ListingMonth.INPUT))
                    .apply(ListingMonth.inputs())
                    .as("m"));
    return months.select(
        col("period"),
        col("ocop_code"),
        col("platform"),
        date_from_unix_date(col("m.first_seen")).as("first_seen"),
        date_from_unix_date(col("m.last_seen")).as("last_seen"),
        col("m.listed_days").as("listed_days"),
        ListingMonth.lastDay(col("m")).as("last_day"));
  }

  /** One summary per period from summaries of the same months that share no day. */
  static Dataset<Row> mergeMonths(Dataset<Row> monthly) {
    return merged(monthly, col("period"), col("ocop_code"), col("platform"));
  }

  /**
   * Summaries of days no two share, merged per {@code by}: the first and last day seen, the days
   * listed added up, and the last day's figures.
   */
  private static Dataset<Row> merged(Dataset<Row> summaries, Column... by) {
    return summaries
        .groupBy(by)
        .agg(
            min(col("first_seen")).as("first_seen"),
            max(col("last_seen")).as("last_seen"),
            sum(col("listed_days")).as("listed_days"),
            max(col("last_day")).as("last_day"));
  }

  /** The dataset from monthly summaries (of any months, each month once). */
  static Dataset<Row> from(Dataset<Row> monthly, Dataset<Row> dimension) {
    List<Column> columns = new ArrayList<>(UnitLookup.nameAndSuccessor("seller_commune_"));
    columns.addAll(productColumns());
    return UnitLookup.attach(
            products(monthly), dimension, "seller_commune_code", col("last_seen"), UnitLookup.UNIT)
        .select(columns.toArray(Column[]::new));
  }

  /** Per product and platform: the monthly summaries merged, and the last seller's commune. */
  private static Dataset<Row> products(Dataset<Row> monthly) {
    return merged(monthly, col("ocop_code"), col("platform"))
        .withColumn("seller_commune_code", col("last_day.cheapest.seller_commune_code"));
  }

  private static List<Column> productColumns() {
    return List.of(
        col("ocop_code"),
        col("last_day.cheapest.product_name").as("product_name"),
        col("last_day.cheapest.ocop_stars").as("ocop_stars"),
        col("last_day.cheapest.category").as("category"),
        col("last_day.cheapest.seller_name").as("seller_name"),
        col("last_day.cheapest.seller_type").as("seller_type"),
        col("seller_commune_code"),
        col("platform"),
        col("last_day.cheapest.price_vnd").cast("decimal(15,0)").as("price_vnd"),
        col("last_day.listing_count").as("listing_count"),
        col("last_day.in_stock").as("in_stock"),
        col("last_day.traceability_stamp").as("traceability_stamp"),
        col("first_seen"),
        col("last_seen"),
        col("listed_days"));
  }
}
