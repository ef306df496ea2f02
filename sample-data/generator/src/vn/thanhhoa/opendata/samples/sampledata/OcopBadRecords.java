package vn.thanhhoa.opendata.samples.sampledata;

import java.time.Instant;

/** The deliberately bad OCOP lines: one broken rule each (bad values in {@link OcopBadValues}). */
final class OcopBadRecords {
  private final OcopDays days;

  OcopBadRecords(OcopDays days) {
    this.days = days;
  }

  void write() {
    extraRecords();
    badJson();
    new OcopBadValues(days).write();
  }

  private void extraRecords() {
    DayFile first = days.file(2025, 1, 1);
    OcopLine base = days.loose(first, "shopee", 3);
    Crawl c = base.crawl;
    Crawl early =
        new Crawl(
            c.listing(),
            Instant.parse("2024-12-31T16:55:00Z"),
            false,
            c.price(),
            c.inStock(),
            c.rating(),
            c.reviews(),
            c.sold(),
            false);
    first.lines.add(
        OcopLine.of(early)
            .bad(
                "unit-list-unavailable",
                "crawled_at 2024-12-31T23:55:00+07:00 (a late crawl of the previous day "
                    + "in this file): "
                    + "local date before 2025-01-01"));
    DayFile aug = days.file(2025, 8, 14);
    OcopLine template = days.pick(aug, "shopee", 2);
    OcopLine fb = OcopLine.of(template.crawl);
    fb.json.put("listing_id", "facebook:61552093847");
    fb.json.put("platform", "facebook");
    fb.json.put("url", "https://www.facebook.com/marketplace/item/61552093847");
    aug.lines.add(fb.bad("unknown-value", "platform `facebook` is not a supported platform"));
  }

  private void badJson() {
    OcopLine cut = days.pick(days.file(2025, 1, 15), "lazada", 1);
    String text = cut.text();
    cut.raw = text.substring(0, text.length() * 3 / 5);
    cut.bad("malformed-json", "line truncated mid-object (crawler crash)");
    OcopLine py = days.pick(days.file(2025, 9, 23), "tiki", 0);
    py.raw = py.text().replace('"', '\'');
    py.bad("malformed-json", "single-quoted keys and strings (a Python dict repr), not JSON");
  }
}
