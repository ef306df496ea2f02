package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_date;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.ConfigException;

/**
 * One month of a product's listings on one platform, as {@link OcopProducts} keeps it: first and
 * last day seen, the days listed, and the last day's cheapest listing, listing count, stock and
 * stamp. A typed aggregate, so Spark folds the rows into it where they are read (object hash
 * aggregation) and shuffles one small value per month, product and platform, instead of sorting
 * every sighting. It gives exactly what {@code min}/{@code max} over structs gave: the cheapest
 * listing is the least in (price, listing, name, stars, category, seller, type, commune) order,
 * nulls first, text handed in as its UTF-8 bytes and compared byte by byte as Spark compares
 * strings (which is not Java's UTF-16 order), and never decoded into Java strings.
 */
final class ListingMonth extends Aggregator<Row, ListingMonth.Month, Row> {
  private static final long serialVersionUID = 1L;

  /** The cheapest listing's fields, in the order that decides it; text as its UTF-8 bytes. */
  static final StructType CHEAPEST =
      new StructType()
          .add("price_vnd", DataTypes.LongType)
          .add("listing_id", DataTypes.BinaryType)
          .add("product_name", DataTypes.BinaryType)
          .add("ocop_stars", DataTypes.LongType)
          .add("category", DataTypes.BinaryType)
          .add("seller_name", DataTypes.BinaryType)
          .add("seller_type", DataTypes.BinaryType)
          .add("seller_commune_code", DataTypes.BinaryType);

  static final int CHEAPEST_FIELDS = CHEAPEST.size();

  /** The input, by position: the day as {@code unix_date}, the {@link #CHEAPEST} fields, flags. */
  static final StructType INPUT =
      around(
          new StructType().add("crawl_day", DataTypes.IntegerType),
          new StructType()
              .add("in_stock", DataTypes.BooleanType)
              .add("traceability_stamp", DataTypes.BooleanType));

  /** The output: days as {@code unix_date}, then the last day's figures. */
  static final StructType OUTPUT =
      around(
          new StructType()
              .add("first_seen", DataTypes.IntegerType)
              .add("last_seen", DataTypes.IntegerType)
              .add("listed_days", DataTypes.LongType),
          new StructType()
              .add("listing_count", DataTypes.LongType)
              .add("in_stock", DataTypes.BooleanType)
              .add("traceability_stamp", DataTypes.BooleanType));

  /** {@code before}'s fields, the {@link #CHEAPEST} ones, then {@code after}'s. */
  private static StructType around(StructType before, StructType after) {
    StructType all = before;
    for (StructField f : CHEAPEST.fields()) {
      all = all.add(f);
    }
    for (StructField f : after.fields()) {
      all = all.add(f);
    }
    return all;
  }

  /** The staging columns as it takes them ({@link #INPUT}): the day as a number, text as bytes. */
  static Column[] inputs() {
    return Arrays.stream(INPUT.fields())
        .map(f -> staging(f.name()).cast(f.dataType()))
        .toArray(Column[]::new);
  }

  private static Column staging(String name) {
    return name.equals("crawl_day") ? unix_date(col("crawl_date")) : col(name);
  }

  /**
   * The last day's figures of a summary ({@link #OUTPUT}) as the month summaries keep them: led by
   * its date, so that merging months takes the greatest; text back as text.
   */
  static Column lastDay(Column month) {
    Column[] cheapest =
        Arrays.stream(CHEAPEST.fields())
            .map(f -> month.getField(f.name()).cast(stagingType(f)).as(f.name()))
            .toArray(Column[]::new);
    return struct(
        date_from_unix_date(month.getField("last_seen")).as("crawl_date"),
        struct(cheapest).as("cheapest"),
        month.getField("listing_count").as("listing_count"),
        month.getField("in_stock").as("in_stock"),
        month.getField("traceability_stamp").as("traceability_stamp"));
  }

  /** The staging type of a field it takes: text for the bytes it compares, else the same. */
  private static DataType stagingType(StructField f) {
    return f.dataType().equals(DataTypes.BinaryType) ? DataTypes.StringType : f.dataType();
  }

  /**
   * Checks that the staging columns it reads have the types it was written for: a schema that
   * changed one fails here, naming it, instead of being cast into a different ordering.
   *
   * @throws ConfigException naming the column, its type and the one needed
   */
  static void requireTypes(StructType staging) {
    require(staging, "crawl_date", DataTypes.DateType);
    for (StructField f : INPUT.fields()) {
      if (!f.name().equals("crawl_day")) {
        require(staging, f.name(), stagingType(f));
      }
    }
  }

  private static void require(StructType staging, String column, DataType needed) {
    DataType actual =
        Arrays.asList(staging.fieldNames()).contains(column)
            ? staging.apply(column).dataType()
            : null;
    if (!needed.equals(actual)) {
      throw new ConfigException(
          "The OCOP products dataset reads the ocop-listings staging column "
              + column
              + " as "
              + needed.simpleString()
              + ", but it is "
              + (actual == null ? "missing" : actual.simpleString())
              + " (schemas/ocop-listings.yaml)");
    }
  }

  /** The order of the cheapest listing's fields, each as Spark orders it. */
  private static final Comparator<Object[]> CHEAPER = cheaper();

  /** The running value: mutable, as an aggregation buffer may be. */
  public static final class Month implements Serializable {
    private static final long serialVersionUID = 1L;
    int firstSeen = Integer.MAX_VALUE;
    int lastSeen = Integer.MIN_VALUE;

    /** The days' calendar month (year × 12 + month − 1); −1 before the first day. */
    int month = -1;

    /** Bit {@code d} set when the month's day {@code d} (from 1) was listed. */
    long days;

    /** The last day's cheapest listing: {@link #CHEAPEST_FIELDS} values. */
    Object[] cheapest;

    long listingCount;
    Boolean inStock;
    Boolean traceabilityStamp;
  }

  @Override
  public Month zero() {
    return new Month();
  }

  @Override
  public Month reduce(Month month, Row sighting) {
    if (sighting.isNullAt(0)) {
      throw new IllegalStateException("An OCOP sighting without a crawl date reached its summary");
    }
    Month day = new Month();
    int crawlDay = sighting.getInt(0);
    LocalDate date = LocalDate.ofEpochDay(crawlDay);
    day.firstSeen = crawlDay;
    day.lastSeen = crawlDay;
    day.month = date.getYear() * 12 + date.getMonthValue() - 1;
    day.days = 1L << date.getDayOfMonth();
    day.cheapest = new Object[CHEAPEST_FIELDS];
    for (int i = 0; i < CHEAPEST_FIELDS; i++) {
      day.cheapest[i] = sighting.get(i + 1);
    }
    day.listingCount = sighting.isNullAt(2) ? 0 : 1; // count(listing_id) skips nulls
    day.inStock = (Boolean) sighting.get(CHEAPEST_FIELDS + 1);
    day.traceabilityStamp = (Boolean) sighting.get(CHEAPEST_FIELDS + 2);
    return merge(month, day);
  }

  @Override
  public Month merge(Month a, Month b) {
    if (a.month >= 0 && b.month >= 0 && a.month != b.month) {
      // the days bitmask holds one month: a period must be its crawl dates' month
      throw new IllegalStateException(
          "One OCOP month summary got days of two months: its period is not their month");
    }
    a.month = Math.max(a.month, b.month);
    if (b.lastSeen > a.lastSeen) {
      a.cheapest = b.cheapest;
      a.listingCount = b.listingCount;
      a.inStock = b.inStock;
      a.traceabilityStamp = b.traceabilityStamp;
    } else if (b.lastSeen == a.lastSeen && b.cheapest != null) {
      if (CHEAPER.compare(b.cheapest, a.cheapest) < 0) {
        a.cheapest = b.cheapest;
      }
      a.listingCount += b.listingCount;
      a.inStock = greater(a.inStock, b.inStock);
      a.traceabilityStamp = greater(a.traceabilityStamp, b.traceabilityStamp);
    }
    a.firstSeen = Math.min(a.firstSeen, b.firstSeen);
    a.lastSeen = Math.max(a.lastSeen, b.lastSeen);
    a.days |= b.days;
    return a;
  }

  @Override
  public Row finish(Month month) {
    Object[] values = new Object[OUTPUT.size()];
    values[0] = month.firstSeen;
    values[1] = month.lastSeen;
    values[2] = (long) Long.bitCount(month.days);
    System.arraycopy(month.cheapest, 0, values, 3, CHEAPEST_FIELDS);
    values[3 + CHEAPEST_FIELDS] = month.listingCount;
    values[4 + CHEAPEST_FIELDS] = month.inStock;
    values[5 + CHEAPEST_FIELDS] = month.traceabilityStamp;
    return RowFactory.create(values);
  }

  @Override
  public Encoder<Month> bufferEncoder() {
    return Encoders.kryo(Month.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(OUTPUT);
  }

  /** {@code max} over booleans: true above false, null only when both are. */
  private static Boolean greater(Boolean a, Boolean b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Boolean.valueOf(a || b);
  }

  private static Comparator<Object[]> cheaper() {
    Comparator<Object[]> order = null;
    for (int i = 0; i < CHEAPEST_FIELDS; i++) {
      int field = i;
      Comparator<Object[]> next =
          Comparator.comparing(
              values -> values[field], Comparator.nullsFirst(ListingMonth::compare));
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }

  /** Numbers by value; text (as its UTF-8 bytes) byte by byte, unsigned, as Spark orders it. */
  @SuppressWarnings("unchecked")
  private static int compare(Object a, Object b) {
    if (a instanceof byte[] s && b instanceof byte[] t) {
      return Arrays.compareUnsigned(s, t);
    }
    return ((Comparable<Object>) a).compareTo(b);
  }
}
