package vn.thanhhoa.opendata.samples.landing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.thanhhoa.opendata.samples.JsonText;
import vn.thanhhoa.opendata.samples.UnitNames;

/**
 * One listing (a product on one platform), with the parts of its JSON line that never change
 * pre-encoded: everything up to the price (one per unit list, since the seller's commune code
 * depends on the date), and the fixed pieces between the daily values.
 */
final class Listing {
  /** Length of the platform's own ids, in OcopCatalog.PLATFORMS order. */
  private static final int[] ID_DIGITS = {10, 10, 8, 19, 9, 8, 8};

  final OcopCatalog.Product product;
  final int platformIndex;
  final String platform;
  final String nativeId;
  final byte[][] head;
  final byte[] unitAndStock;
  final byte[] ratingAndReviews;
  final byte[] soldKey;
  final byte[] tail;
  final int basePrice;
  final long reviews;
  final long sold;
  final int soldPerDay;

  Listing(long seed, OcopCatalog.Product p, int platformIndex, int eraCount) {
    this.product = p;
    this.platformIndex = platformIndex;
    this.platform = OcopCatalog.PLATFORMS[platformIndex];
    this.nativeId = nativeId(platformIndex, p.index());
    SplittableRandom rnd = Seeds.rng(seed, "listing/" + platform, p.index());
    this.head = new byte[eraCount][];
    for (int e = 0; e < eraCount; e++) {
      head[e] = head(p, p.sellerCommune()[e]).getBytes(StandardCharsets.UTF_8);
    }
    this.unitAndStock =
        (",\"unit\":" + JsonText.quote(p.unit()) + ",\"in_stock\":")
            .getBytes(StandardCharsets.UTF_8);
    int rating = 38 + rnd.nextInt(13);
    // voso lists neither rating nor reviews; sendo has no sold count; postmart reports it as null.
    this.ratingAndReviews =
        platform.equals("voso")
            ? new byte[0]
            : (",\"rating\":" + rating / 10 + "." + rating % 10 + ",\"review_count\":")
                .getBytes(StandardCharsets.UTF_8);
    this.soldKey =
        platform.equals("sendo")
            ? new byte[0]
            : (platform.equals("postmart") ? ",\"sold_count\":null" : ",\"sold_count\":")
                .getBytes(StandardCharsets.UTF_8);
    this.tail =
        (",\"traceability_stamp\":" + p.stamp() + ",\"crawled_at\":\"")
            .getBytes(StandardCharsets.UTF_8);
    this.basePrice = (int) Math.round(p.priceK() * (0.92 + 0.16 * rnd.nextDouble())) * 1000;
    this.reviews = rnd.nextInt(400);
    this.sold = reviews * (3 + rnd.nextInt(6));
    this.soldPerDay = rnd.nextInt(12);
  }

  boolean hasReviews() {
    return ratingAndReviews.length > 0;
  }

  boolean hasSoldNumber() {
    return soldKey.length > 0 && !platform.equals("postmart");
  }

  private String head(OcopCatalog.Product p, String commune) {
    return "{\"listing_id\":\""
        + platform
        + ":"
        + nativeId
        + "\",\"platform\":\""
        + platform
        + "\",\"url\":"
        + JsonText.quote(url(p))
        + ",\"product\":{\"name\":"
        + JsonText.quote(p.name())
        + ",\"ocop_code\":\""
        + p.code()
        + "\",\"ocop_stars\":"
        + p.stars()
        + ",\"category\":\""
        + p.kind().category()
        + "\",\"certified_on\":\""
        + p.certifiedOn()
        + "\"},\"seller\":{\"name\":"
        + JsonText.quote(p.sellerName())
        + ",\"type\":\""
        + p.sellerType()
        + "\",\"commune_code\":\""
        + commune
        + "\"},\"price_vnd\":";
  }

  private String url(OcopCatalog.Product p) {
    String slug = UnitNames.slug(p.name());
    return switch (platform) {
      case "shopee" ->
          "https://shopee.vn/" + slug + "-i." + (100_000 + p.index() % 900_000) + "." + nativeId;
      case "lazada" -> "https://www.lazada.vn/products/" + slug + "-i" + nativeId + ".html";
      case "tiki" -> "https://tiki.vn/" + slug + "-p" + nativeId + ".html";
      case "tiktok_shop" -> "https://www.tiktok.com/view/product/" + nativeId;
      case "sendo" -> "https://www.sendo.vn/" + slug + "-" + nativeId + ".html";
      case "postmart" -> "https://postmart.vn/san-pham/" + slug + "-" + nativeId;
      default -> "https://voso.vn/" + slug + "-p" + nativeId + ".html";
    };
  }

  /**
   * A platform-style id, distinct per product on each platform (an odd multiplier is a bijection
   * mod 10^k).
   */
  private static String nativeId(int platformIndex, int productIndex) {
    int digits = ID_DIGITS[platformIndex];
    // The first (up to) 12 digits are (a·i + b) mod 9·10^(k-1), offset by 10^(k-1): a bijection,
    // since a is coprime with 9·10^(k-1), so ids are distinct; tiktok's 19 digits get 7 more.
    long first = (long) Math.pow(10, Math.min(digits, 12) - 1);
    long id =
        first
            + Math.floorMod(
                (productIndex + 1L) * 2_654_435_761L + platformIndex * 7919L, 9 * first);
    return digits <= 12
        ? Long.toString(id)
        : id + String.format(Locale.ROOT, "%07d", Seeds.mix(productIndex) & 0xFFFFF);
  }
}
