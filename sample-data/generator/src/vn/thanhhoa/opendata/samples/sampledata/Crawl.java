package vn.thanhhoa.opendata.samples.sampledata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** One crawl of one listing: the values seen and when. */
record Crawl(
    Listing listing,
    Instant at,
    boolean utc,
    long price,
    boolean inStock,
    Double rating,
    long reviews,
    long sold,
    boolean flashSale) {
  LocalDate localDate() {
    return at.atZone(Dates.HCM).toLocalDate();
  }

  String crawledAt() {
    return utc
        ? DateTimeFormatter.ISO_INSTANT.format(at)
        : Dates.ISO_OFFSET.format(at.atOffset(Dates.PLUS7));
  }
}
