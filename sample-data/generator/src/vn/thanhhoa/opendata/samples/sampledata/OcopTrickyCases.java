package vn.thanhhoa.opendata.samples.sampledata;

import java.time.Instant;

/** Valid but tricky OCOP lines: time zones, re-crawls, spellings the pipeline must accept. */
final class OcopTrickyCases {
  private final OcopDays days;

  OcopTrickyCases(OcopDays days) {
    this.days = days;
  }

  void write() {
    timeZones();
    secondCrawls();
    optionalFields();
  }

  /** Crawl times in UTC whose local date is another day. */
  private void timeZones() {
    DayFile first = days.file(2025, 1, 1);
    days.tiktok(first)
        .tricky(
            "crawled_at in UTC (`Z`) on 2024-12-31: local date is 2025-01-01",
            "key and unit list use the local date 2025-01-01: valid, old seller code");
    DayFile april = days.file(2025, 4, 1);
    OcopLine boundary = days.tiktok(april);
    Crawl c = boundary.crawl;
    Crawl exact =
        new Crawl(
            c.listing(),
            Instant.parse("2025-03-31T18:30:00Z"),
            true,
            c.price(),
            c.inStock(),
            c.rating(),
            c.reviews(),
            c.sold(),
            c.flashSale());
    days.replace(
        april,
        boundary,
        OcopLine.of(exact)
            .tricky(
                "crawled_at `2025-03-31T18:30:00Z`: UTC "
                    + "date 2025-03-31, local date 2025-04-01",
                "counts as a sighting on 2025-04-01"));
    DayFile july = days.file(2025, 7, 1);
    days.tiktok(july)
        .tricky(
            "first crawl after the reform, in UTC (`2025-06-30T…Z`)",
            "local date 2025-07-01: seller.commune_code is the new code, valid for that date");
  }

  private void secondCrawls() {
    secondCrawl(days.file(2025, 2, 10), "shopee", When.LATER, 2);
    secondCrawl(days.file(2025, 6, 15), "shopee", When.EARLIER, 5);
    secondCrawl(days.file(2025, 9, 9), "lazada", When.LATER, 1);
  }

  private void optionalFields() {
    OcopLine extra = days.loose(days.file(2025, 5, 2), "postmart", 0);
    extra.tricky(
        "unknown extra field `seller.province` (every postmart record has it)",
        "ignore unknown fields");
    OcopLine flash = days.firstMatching(l -> l.crawl.flashSale());
    // (flash-sale records carry discount_pct, an unknown field)
    flash.tricky(
        "unknown extra field `discount_pct` on a flash-sale day",
        "ignore unknown fields; the price is the sale price");
    OcopLine hidden = days.firstMatching(l -> l.crawl.listing().platform.equals("sendo"));
    hidden.tricky(
        "sendo record without `sold_count`; voso records have no rating/review_count",
        "optional fields may be absent");
    OcopLine nullRating =
        days.firstMatching(
            l -> l.crawl.rating() == null && !l.crawl.listing().platform.equals("voso"));
    nullRating.tricky("`rating: null` on a listing without reviews", "optional field null");
  }

  private enum When {
    LATER,
    EARLIER
  }

  /** Adds a second crawl of a listing on the same local day; the later instant wins. */
  private void secondCrawl(DayFile f, String platform, When when, int skip) {
    OcopLine regular = days.pick(f, platform, skip);
    Crawl c = regular.crawl;
    Instant at =
        when == When.LATER
            ? c.at().plusSeconds(40 * 60)
            : f.day.atTime(8, 5).atZone(Dates.HCM).toInstant();
    long price = OcopModel.roundPrice(c.price() * (when == When.LATER ? 0.9 : 1.1));
    Crawl again =
        new Crawl(
            c.listing(), at, c.utc(), price, c.inStock(), c.rating(), c.reviews(), c.sold(), false);
    String winner =
        when == When.LATER
            ? "this later line wins (price " + price + ")"
            : "loses to the 22:xx line above it (price " + c.price() + ")";
    f.lines.add(
        OcopLine.of(again)
            .tricky(
                "second crawl of "
                    + c.listing().id
                    + " on "
                    + f.day
                    + ", appended at the end of the file",
                winner));
    regular.tricky(
        "first of two crawls of " + c.listing().id + " on " + f.day,
        when == When.LATER
            ? "replaced by the later crawl at the end of the file"
            : "wins over the 08:05 re-crawl appended below, though that line comes later");
  }
}
