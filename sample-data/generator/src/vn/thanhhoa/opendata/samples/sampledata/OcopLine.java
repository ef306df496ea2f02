package vn.thanhhoa.opendata.samples.sampledata;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One physical line of a JSON Lines file. */
final class OcopLine {
  final Crawl crawl;
  final Map<String, Object> json;
  String raw;
  String rule;
  String what;
  String tricky;
  String expect;

  private OcopLine(Crawl crawl, Map<String, Object> json) {
    this.crawl = crawl;
    this.json = json;
  }

  static OcopLine of(Crawl c) {
    return new OcopLine(c, OcopLine.toJson(c));
  }

  static OcopLine empty() {
    OcopLine l = new OcopLine(null, null);
    l.raw = "";
    return l;
  }

  boolean isEmpty() {
    return raw != null && raw.isEmpty();
  }

  boolean valid() {
    return crawl != null && rule == null;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> product() {
    return (Map<String, Object>) json.get("product");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> seller() {
    return (Map<String, Object>) json.get("seller");
  }

  OcopLine bad(String ruleId, String description) {
    rule = ruleId;
    what = description;
    return this;
  }

  OcopLine tricky(String description, String expectation) {
    tricky = description;
    expect = expectation;
    return this;
  }

  String text() {
    return raw != null ? raw : Json.render(json);
  }

  static Map<String, Object> toJson(Crawl c) {
    Listing l = c.listing();
    Product p = l.product;
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("name", p.name());
    product.put("ocop_code", p.code());
    product.put("ocop_stars", (long) p.stars());
    product.put("category", p.category());
    product.put("certified_on", p.certifiedOn().toString());
    Map<String, Object> seller = new LinkedHashMap<>();
    seller.put("name", p.seller().name());
    seller.put("type", p.seller().type());
    seller.put("commune_code", p.seller().code(c.localDate()));
    if (l.platform.equals("postmart")) {
      seller.put("province", "Thanh Hóa");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("listing_id", l.id);
    json.put("platform", l.platform);
    json.put("url", l.url);
    json.put("product", product);
    json.put("seller", seller);
    json.put("price_vnd", c.price());
    json.put("unit", p.unit());
    json.put("in_stock", c.inStock());
    optionalFields(json, c);
    json.put("traceability_stamp", p.stamp());
    json.put("crawled_at", c.crawledAt());
    if (c.flashSale()) {
      json.put("discount_pct", 15L);
    }
    if (l.platform.equals("voso")) {
      json.put("crawler", Map.of("version", "1.4.2"));
    }
    return json;
  }

  /** sendo hides sold counts, voso hides ratings; no reviews means a null rating. */
  private static void optionalFields(Map<String, Object> json, Crawl c) {
    String platform = c.listing().platform;
    if (!platform.equals("voso")) {
      json.put(
          "rating",
          c.rating() == null ? null : new RawJson(String.format(Locale.ROOT, "%.1f", c.rating())));
      json.put("review_count", c.reviews());
    }
    if (!platform.equals("sendo")) {
      json.put("sold_count", platform.equals("postmart") ? null : c.sold());
    }
  }
}
