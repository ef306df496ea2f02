package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDate;

/** One product listing on one platform and its day-by-day state. */
final class Listing {
  final String id;
  final String platform;
  final String url;
  final Product product;
  final LocalDate start;
  final LocalDate end;
  final LocalDate gapFrom;
  final LocalDate gapTo;
  final double popularity;
  long price;
  int outOfStockDays;
  long reviews;
  long sold;
  double rating;

  Listing(
      String id,
      String platform,
      String url,
      Product product,
      LocalDate start,
      LocalDate end,
      LocalDate gapFrom,
      LocalDate gapTo,
      double popularity) {
    this.id = id;
    this.platform = platform;
    this.url = url;
    this.product = product;
    this.start = start;
    this.end = end;
    this.gapFrom = gapFrom;
    this.gapTo = gapTo;
    this.popularity = popularity;
  }

  boolean visible(LocalDate day) {
    boolean inGap = gapFrom != null && !day.isBefore(gapFrom) && !day.isAfter(gapTo);
    return !day.isBefore(start) && !day.isAfter(end) && !inGap;
  }
}
