package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/** OCOP lines with one bad value each (type, code, URL, id, date, range, enumeration, blank). */
final class OcopBadValues {
  private final OcopDays days;
  private final Reference ref;

  OcopBadValues(OcopDays days) {
    this.days = days;
    this.ref = days.ref;
  }

  void write() {
    wrongJsonTypes();
    badCommuneCodes();
    badCodesAndUrls();
    badListingIds();
    badDates();
    outOfRange();
    unknownValues();
    missingValues();
  }

  private void wrongJsonTypes() {
    value(
        2025,
        2,
        3,
        "shopee",
        l -> l.json.put("price_vnd", Long.toString(l.crawl.price())),
        "wrong-json-type",
        "price_vnd given as a string");
    value(
        2025,
        6,
        12,
        "tiktok_shop",
        l -> l.json.put("in_stock", "yes"),
        "wrong-json-type",
        "in_stock `\"yes\"` instead of true");
    value(
        2025,
        8,
        5,
        "lazada",
        l -> l.product().put("ocop_stars", l.product().get("ocop_stars").toString()),
        "wrong-json-type",
        "product.ocop_stars given as a string");
  }

  private void badCommuneCodes() {
    value(
        2025,
        2,
        17,
        "postmart",
        l -> l.seller().put("commune_code", "16387"),
        "unknown-commune-code",
        "seller.commune_code 16387 (disputed snapshot code) is not in " + "units_pre2025.csv");
    value(
        2025,
        7,
        8,
        "shopee",
        l -> l.seller().put("commune_code", oldCodeOf(l)),
        "unknown-commune-code",
        "seller.commune_code still the pre-reform code after 2025-07-01");
    value(
        2025,
        9,
        15,
        "tiki",
        l -> l.seller().put("commune_code", "1604"),
        "bad-commune-code",
        "seller.commune_code `1604` has 4 digits");
  }

  private void badCodesAndUrls() {
    value(
        2025,
        3,
        5,
        "shopee",
        l -> l.product().put("ocop_code", l.product().get("ocop_code").toString().substring(0, 16)),
        "bad-ocop-code",
        "product.ocop_code with a 3-digit serial");
    value(
        2025,
        3,
        20,
        "lazada",
        l -> l.json.put("url", l.json.get("url").toString().replace("https://", "http://")),
        "bad-url",
        "url is http, not https");
    value(
        2025,
        10,
        12,
        "shopee",
        l -> l.json.put("url", l.json.get("url").toString().replace("https://", "")),
        "bad-url",
        "url without scheme (not absolute)");
  }

  private void badListingIds() {
    value(
        2025,
        4,
        1,
        "lazada",
        l -> l.json.put("listing_id", "lazada:"),
        "bad-listing-id",
        "listing_id `lazada:` has no platform id");
    value(
        2025,
        10,
        12,
        "tiki",
        l ->
            l.json.put(
                "listing_id", l.json.get("listing_id").toString().replaceFirst("(\\d{4})", "$1 ")),
        "bad-listing-id",
        "listing_id with a space inside the platform id");
    value(
        2025,
        4,
        22,
        "shopee",
        l ->
            l.json.put(
                "listing_id", l.json.get("listing_id").toString().replace("shopee:", "lazada:")),
        "listing-platform-mismatch",
        "listing_id prefix `lazada:` but platform `shopee`");
  }

  private void badDates() {
    value(
        2025,
        5,
        10,
        "sendo",
        l -> l.json.put("crawled_at", l.json.get("crawled_at").toString().replace("+07:00", "")),
        "bad-timestamp",
        "crawled_at without offset");
    value(
        2025,
        5,
        28,
        "shopee",
        l -> l.product().put("certified_on", dmy(l)),
        "bad-date",
        "product.certified_on written dd/MM/yyyy");
    value(
        2025,
        10,
        30,
        "postmart",
        l ->
            l.product()
                .put("certified_on", l.product().get("certified_on").toString().replace('-', '/')),
        "bad-date",
        "product.certified_on written YYYY/MM/DD");
  }

  private void outOfRange() {
    value(
        2025,
        6,
        12,
        "shopee",
        l -> l.json.put("review_count", -1L),
        "out-of-range",
        "review_count -1 < 0");
    value(
        2025,
        7,
        19,
        "tiktok_shop",
        l -> l.json.put("price_vnd", 0L),
        "out-of-range",
        "price_vnd 0 (minimum 1)");
    value(
        2025,
        10,
        20,
        "lazada",
        l -> l.json.put("rating", new RawJson("9.6")),
        "out-of-range",
        "rating 9.6 > 5 (a 10-point scale)");
  }

  private void unknownValues() {
    value(
        2025,
        8,
        26,
        "shopee",
        l -> l.product().put("category", "thuc-pham"),
        "unknown-value",
        "product.category `thuc-pham` (hyphen) is not an allowed value");
    value(
        2025,
        9,
        2,
        "postmart",
        l -> l.seller().put("type", "hop_tac_xa"),
        "unknown-value",
        "seller.type `hop_tac_xa` is not htx/doanh_nghiep/ho_kinh_doanh");
    value(
        2025,
        6,
        3,
        "tiki",
        l -> l.product().put("ocop_stars", 2L),
        "unknown-value",
        "product.ocop_stars 2 (allowed: 3, 4, 5)");
  }

  private void missingValues() {
    value(
        2025,
        9,
        2,
        "shopee",
        l -> l.product().put("name", null),
        "missing-value",
        "product.name null");
    value(
        2025,
        10,
        4,
        "lazada",
        l -> l.seller().remove("commune_code"),
        "missing-value",
        "seller.commune_code absent");
  }

  private String oldCodeOf(OcopLine l) {
    String old = l.crawl.listing().product.seller().oldCode();
    if (ref.isNew(old)) {
      throw new IllegalStateException("Seller code " + old + " is still valid after the reform");
    }
    return old;
  }

  private static String dmy(OcopLine l) {
    LocalDate d = LocalDate.parse(l.product().get("certified_on").toString());
    return DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT).format(d);
  }

  private void value(
      int y, int m, int d, String platform, Consumer<OcopLine> change, String rule, String what) {
    OcopLine l =
        days.pick(
            days.file(y, m, d),
            platform,
            0,
            rule.equals("unknown-commune-code") && m >= 7
                ? x -> !ref.isNew(x.crawl.listing().product.seller().oldCode())
                : x -> true);
    change.accept(l);
    l.bad(rule, what);
  }
}
