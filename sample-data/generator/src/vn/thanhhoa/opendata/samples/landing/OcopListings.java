package vn.thanhhoa.opendata.samples.landing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import vn.thanhhoa.opendata.samples.JsonText;

/**
 * ocop-listings/: one JSON Lines file per day (every Nth gzipped), platform by platform in crawl
 * order, a few listings crawled again late in the evening at another price, and a fraction of bad
 * lines; or one big file (--single-file-gb). Days are written in parallel, each from its own random
 * stream, so the bytes do not depend on the thread count.
 */
final class OcopListings {
  enum Fault {
    MALFORMED("malformed-json"),
    PRICE_AS_STRING("wrong-json-type"),
    STOCK_AS_YES("wrong-json-type"),
    BAD_PLATFORM("unknown-value"),
    BAD_CATEGORY("unknown-value"),
    BAD_STARS("unknown-value"),
    BAD_OCOP_CODE("bad-ocop-code"),
    PLATFORM_MISMATCH("listing-platform-mismatch"),
    UNKNOWN_COMMUNE("unknown-commune-code"),
    ZERO_PRICE("out-of-range"),
    NEGATIVE_PRICE("out-of-range"),
    HTTP_URL("bad-url"),
    NO_NAME("missing-value"),
    NO_OFFSET("bad-timestamp"),
    BAD_DATE("bad-date");

    final String rule;

    Fault(String rule) {
      this.rule = rule;
    }
  }

  private static final double RECRAWL_RATE = 0.001;
  private final Options options;
  private final Scope scope;
  private final OcopCatalog catalog;

  OcopListings(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
    this.catalog = new OcopCatalog(options, scope);
  }

  List<Tally> write(Path landing, Path extra) throws Exception {
    Tally tally = new Tally("ocop-listings", "landing");
    Tally held = new Tally("ocop-listings", "extra");
    boolean daily = options.singleFileGb() == null || options.days() != null;
    if (daily) {
      writeDays(landing, extra, tally, held);
    }
    if (options.singleFileGb() != null) {
      LocalDate date = scope.ocopStart.plusDays(options.days() == null ? 0 : options.days());
      tally.add(writeBigFile(landing.resolve("big-" + date + ".jsonl"), date));
    }
    return held.files == 0 ? List.of(tally) : List.of(tally, held);
  }

  private void writeDays(Path landing, Path extra, Tally tally, Tally held) throws Exception {
    List<Listing> listings = listings();
    int days = scope.days;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
    try {
      List<Future<Tally>> results = new ArrayList<>();
      for (int d = 0; d < days; d++) {
        int day = d;
        Path folder = options.holdBackLastDay() && d == days - 1 ? extra : landing;
        results.add(pool.submit(() -> writeDay(folder, day, listings)));
      }
      for (int d = 0; d < days; d++) {
        (options.holdBackLastDay() && d == days - 1 ? held : tally).add(results.get(d).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Listing> listings() {
    List<OcopCatalog.Product> products = new ArrayList<>();
    for (int i = 0; i < scope.products; i++) {
      products.add(catalog.product(i));
    }
    List<Listing> listings = new ArrayList<>();
    for (int platform = 0; platform < OcopCatalog.PLATFORMS.length; platform++) {
      for (OcopCatalog.Product p : products) {
        if (Arrays.binarySearch(p.platforms(), platform) >= 0) {
          listings.add(new Listing(options.seed(), p, platform, scope.eras.size()));
        }
      }
    }
    return listings;
  }

  private Tally writeDay(Path folder, int dayIndex, List<Listing> listings) throws IOException {
    LocalDate date = scope.ocopStart.plusDays(dayIndex);
    int era = scope.eraIndexOn(date);
    SplittableRandom rnd = Seeds.rng(options.seed(), "ocop-day", dayIndex);
    Tally tally = new Tally("ocop-listings", "day");
    Bytes out = new Bytes(listings.size() * 600 + 1024);
    Bytes line = new Bytes(1024);
    byte[] datePrefix = (date + "T").getBytes(StandardCharsets.US_ASCII);
    Map<String, Integer> perPlatform = new HashMap<>();
    listings.forEach(l -> perPlatform.merge(l.platform, 1, Integer::sum));
    List<Listing> recrawled = new ArrayList<>();
    Map<String, Long> bad = new TreeMap<>();
    String platform = "";
    int position = 0;
    long rows = 0;
    for (Listing l : listings) {
      position = l.platform.equals(platform) ? position + 1 : 0;
      platform = l.platform;
      if (rnd.nextDouble() >= scope.crawlRate) {
        continue;
      }
      // Each platform's crawl runs two hours, from 06:00 (shopee) to 20:00 (voso).
      int second =
          (6 + 2 * l.platformIndex) * 3600
              + (int) ((long) position * 7200 / perPlatform.get(l.platform));
      line.len = 0;
      buildLine(line, l, era, dayIndex, datePrefix, second, rnd, false);
      appendMaybeBroken(out, line, l, date, rnd, bad);
      rows++;
      if (rnd.nextDouble() < RECRAWL_RATE) {
        recrawled.add(l);
      }
    }
    for (int i = 0; i < recrawled.size(); i++) {
      line.len = 0;
      buildLine(
          line, recrawled.get(i), era, dayIndex, datePrefix, 22 * 3600 + i * 7 % 7000, rnd, true);
      out.put(line);
      rows++;
    }
    tally.resubmitted = recrawled.size();
    boolean gzip = options.gzipEvery() > 0 && (dayIndex + 1) % options.gzipEvery() == 0;
    Path file = folder.resolve(date + (gzip ? ".jsonl.gz" : ".jsonl"));
    long onDisk = save(file, out, gzip);
    tally.file("ocop-listings/" + file.getFileName(), rows, onDisk, out.len, bad);
    return tally;
  }

  /** A listing's line for one day: the price moves on promotion days, the counts grow. */
  private static void buildLine(
      Bytes line,
      Listing l,
      int era,
      int day,
      byte[] datePrefix,
      int second,
      SplittableRandom rnd,
      boolean recrawl) {
    boolean promotion = rnd.nextDouble() < 0.1;
    int price = promotion ? l.basePrice * 9 / 10 / 1000 * 1000 : l.basePrice;
    if (recrawl) {
      price = price + 1000 * (1 + rnd.nextInt(9));
    }
    line.put(l.head[era]).number(price).put(l.unitAndStock).bool(rnd.nextDouble() < 0.95);
    if (l.hasReviews()) {
      line.put(l.ratingAndReviews).number(l.reviews + day / 3);
    }
    line.put(l.soldKey);
    if (l.hasSoldNumber()) {
      line.number(l.sold + (long) day * l.soldPerDay);
    }
    line.put(l.tail)
        .put(datePrefix)
        .twoDigits(second / 3600)
        .ascii(":")
        .twoDigits(second / 60 % 60)
        .ascii(":")
        .twoDigits(second % 60)
        .ascii("+07:00\"}\n");
  }

  private void appendMaybeBroken(
      Bytes out,
      Bytes line,
      Listing l,
      LocalDate date,
      SplittableRandom rnd,
      Map<String, Long> bad) {
    if (rnd.nextDouble() >= options.bad()) {
      out.put(line);
      return;
    }
    Fault fault = Seeds.pick(rnd, Fault.values());
    String text = line.text();
    out.put(
        broken(fault, text.substring(0, text.length() - 1), l, date, rnd)
            .concat("\n")
            .getBytes(StandardCharsets.UTF_8));
    Tally.count(bad, fault.rule);
  }

  /** The line with exactly one rule broken (the fault's); every other field stays valid. */
  private String broken(Fault fault, String json, Listing l, LocalDate date, SplittableRandom rnd) {
    OcopCatalog.Product p = l.product;
    return switch (fault) {
      case MALFORMED -> json.substring(0, json.length() / 2);
      case PRICE_AS_STRING -> json.replaceFirst("\"price_vnd\":(\\d+)", "\"price_vnd\":\"$1\"");
      case STOCK_AS_YES -> json.replaceFirst("\"in_stock\":(true|false)", "\"in_stock\":\"yes\"");
      case BAD_PLATFORM ->
          json.replace("\"listing_id\":\"" + l.platform + ":", "\"listing_id\":\"facebook:")
              .replace("\"platform\":\"" + l.platform + "\"", "\"platform\":\"facebook\"");
      case BAD_CATEGORY ->
          json.replace("\"category\":\"" + p.kind().category() + "\"", "\"category\":\"dac_san\"");
      case BAD_STARS -> json.replace("\"ocop_stars\":" + p.stars(), "\"ocop_stars\":6");
      case BAD_OCOP_CODE -> json.replace(p.code(), p.code().replace("-20", "-"));
      case PLATFORM_MISMATCH ->
          json.replace(
              "\"platform\":\"" + l.platform + "\"",
              "\"platform\":\"" + (l.platform.equals("shopee") ? "lazada" : "shopee") + "\"");
      case UNKNOWN_COMMUNE ->
          json.replace(
              "\"commune_code\":\"" + p.sellerCommune()[scope.eraIndexOn(date)] + "\"",
              "\"commune_code\":\"" + scope.unknownCodeFor(scope.eraOn(date), rnd) + "\"");
      case ZERO_PRICE -> json.replaceFirst("\"price_vnd\":\\d+", "\"price_vnd\":0");
      case NEGATIVE_PRICE -> json.replaceFirst("\"price_vnd\":(\\d+)", "\"price_vnd\":-$1");
      case HTTP_URL -> json.replace("\"url\":\"https://", "\"url\":\"http://");
      case NO_NAME ->
          json.replace("\"product\":{\"name\":" + JsonText.quote(p.name()) + ",", "\"product\":{");
      case NO_OFFSET -> json.replace("+07:00\"}", "\"}");
      case BAD_DATE ->
          json.replace(
              "\"certified_on\":\"" + p.certifiedOn() + "\"",
              "\"certified_on\":\"" + p.certifiedOn().getYear() + "-02-30\"");
    };
  }

  private static long save(Path file, Bytes content, boolean gzip) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
      content.writeTo(out);
    }
    return Files.size(file);
  }

  /**
   * One file of about X GB, all crawled on {@code date}: products are made one after another (never
   * all held in memory) until the file reaches its size, every listing crawled once.
   */
  private Tally writeBigFile(Path file, LocalDate date) throws IOException {
    long target = (long) (options.singleFileGb() * 1e9);
    long expectedLines = Math.max(1, target / 560);
    int era = scope.eraIndexOn(date);
    SplittableRandom rnd = Seeds.rng(options.seed(), "ocop-big", date.toEpochDay());
    Tally tally = new Tally("ocop-listings", "big");
    byte[] datePrefix = (date + "T").getBytes(StandardCharsets.US_ASCII);
    Files.createDirectories(file.getParent());
    long rows = 0;
    long written = 0;
    Bytes out = new Bytes(16 << 20);
    Bytes line = new Bytes(1024);
    Map<String, Long> bad = new TreeMap<>();
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (int i = 0; written + out.len < target; i++) {
        OcopCatalog.Product p = catalog.product(i);
        for (int platform : p.platforms()) {
          Listing l = new Listing(options.seed(), p, platform, scope.eras.size());
          int second =
              (int) Math.min(21 * 3600 + 3599, 6 * 3600 + rows * (15L * 3600) / expectedLines);
          line.len = 0;
          buildLine(line, l, era, 0, datePrefix, second, rnd, false);
          appendMaybeBroken(out, line, l, date, rnd, bad);
          rows++;
        }
        if (out.len > (15 << 20)) {
          out.writeTo(stream);
          written += out.len;
          out.len = 0;
        }
      }
      out.writeTo(stream);
      written += out.len;
    }
    tally.file("ocop-listings/" + file.getFileName(), rows, written, written, bad);
    return tally;
  }
}
