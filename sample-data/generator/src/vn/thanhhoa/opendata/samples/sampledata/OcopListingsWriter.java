package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Writes {@code ocop-listings/}: one file per day, most gzip-compressed. */
final class OcopListingsWriter {
  static final String SOURCE = "ocop-listings";
  private static final Set<LocalDate> PLAIN =
      Set.of(
          LocalDate.of(2025, 1, 1),
          LocalDate.of(2025, 4, 1),
          LocalDate.of(2025, 7, 1),
          LocalDate.of(2025, 9, 23),
          LocalDate.of(2025, 10, 31));

  /** Written uncompressed under its usual {@code .jsonl.gz} name. */
  static final LocalDate MISNAMED = LocalDate.of(2025, 6, 12);

  /** A plain day written with lone CR line ends (an old Mac export). */
  static final LocalDate CR_ONLY = LocalDate.of(2025, 9, 23);

  /** Uploaded a second time as {@code "<day> (1).jsonl.gz"}, cut off at half its bytes. */
  static final LocalDate CUT_OFF = LocalDate.of(2025, 8, 5);

  private static final java.util.regex.Pattern LINE_END =
      java.util.regex.Pattern.compile("\r\n|\r|\n");

  private final Reference ref;
  private final OcopModel model;
  private final Catalog catalog;
  private final Path dir;
  private final SortedMap<LocalDate, DayFile> files = new TreeMap<>();
  private final Map<String, LocalDate[]> span = new TreeMap<>();
  private final Set<String> used = new HashSet<>();

  OcopListingsWriter(Reference ref, OcopModel model, Catalog catalog, Path root) {
    this.ref = ref;
    this.model = model;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
  }

  OcopSummary writeAll() {
    model.days.forEach(
        (day, crawls) -> {
          DayFile f = new DayFile(day, PLAIN.contains(day));
          crawls.forEach(c -> f.lines.add(OcopLine.of(c)));
          files.put(day, f);
          crawls.forEach(
              c -> span.computeIfAbsent(c.listing().id, k -> new LocalDate[] {day, day})[1] = day);
        });
    trickyCases();
    badRecords();
    emptyLines();
    landingAccidents();
    CutOff cutOff = writeCutOff(files.get(CUT_OFF));
    files.values().forEach(this::write);
    return summary(cutOff);
  }

  // --- what goes wrong on the way to the landing folder ---------------------------------------

  private void landingAccidents() {
    DayFile misnamed = files.get(MISNAMED);
    misnamed.misnamed = true;
    catalog.tricky(
        SOURCE,
        misnamed.name(),
        "",
        "plain uncompressed JSON Lines under the usual " + "`.jsonl.gz` name (no gzip magic bytes)",
        "tell gzip by its magic bytes, not the name: "
            + "read as plain text with the warning `…: named .gz but not gzip-compressed; read as plain "
            + "text`; its bad lines are quarantined with their usual line numbers");
    DayFile mac = files.get(CR_ONLY);
    if (!mac.plain) {
      throw new IllegalStateException("the CR-only day must be a plain .jsonl file");
    }
    mac.eol = "\r";
    catalog.tricky(
        SOURCE,
        mac.name(),
        "",
        "lone CR line ends (an old Mac export), no LF in the file",
        "a CR ends a line: lines are numbered as an editor shows them, so its bad line keeps its "
            + "number");
  }

  /**
   * {@code "<day> (1).jsonl.gz"}: the gzip of the same text as the day's file, cut off at half its
   * compressed bytes. Decompressed as far as it goes (as the pipeline does), the complete lines are
   * exact repeats of the day's lines and are validated as usual; the fragment after the last line
   * end, and all the rest, is one {@code unreadable-file} record.
   */
  private CutOff writeCutOff(DayFile original) {
    if (original.plain || original.misnamed) {
      throw new IllegalStateException("the cut-off re-upload must be of a gzip day file");
    }
    String name = original.day + " (1).jsonl.gz";
    String text = text(original);
    byte[] full = Output.gzip(text.getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
    Output.write(dir.resolve(name), cut);
    byte[] decoded = Output.gunzipAsFarAsItGoes(cut);
    if (decoded == null) {
      throw new IllegalStateException(name + ": the cut-off gzip data decompresses whole");
    }
    int end = decoded.length;
    while (end > 0 && decoded[end - 1] != '\n' && decoded[end - 1] != '\r') {
      end--;
    }
    String complete = new String(decoded, 0, end, StandardCharsets.UTF_8);
    if (!text.startsWith(complete)) {
      throw new IllegalStateException(
          name + ": the decoded part is not a prefix of the day's text");
    }
    // as the pipeline numbers it: the text up to the last line end has one more (empty) piece
    int unreadableLine = LINE_END.split(complete, -1).length;
    int completeLines = unreadableLine - 1;
    int records = 0;
    int valid = 0;
    int empty = 0;
    for (int i = 0; i < completeLines; i++) {
      OcopLine l = original.lines.get(i);
      if (l.isEmpty()) {
        empty++;
        continue;
      }
      records++;
      if (l.rule != null) {
        catalog.bad(
            SOURCE,
            name,
            i + 1,
            l.rule,
            l.what
                + " (the same line as in "
                + original.name()
                + ", within the part that decodes)");
      } else if (l.valid() && !l.json.get("platform").equals("facebook")) {
        valid++;
      }
    }
    catalog.bad(
        SOURCE,
        name,
        unreadableLine,
        "unreadable-file",
        "re-upload of "
            + original.name()
            + " cut off at "
            + cut.length
            + " of "
            + full.length
            + " compressed bytes: the gzip data "
            + "ends mid-stream; the fragment after the last complete line "
            + completeLines
            + " and all the rest are one record");
    catalog.tricky(
        SOURCE,
        name,
        "1–" + completeLines,
        "re-upload of "
            + original.name()
            + " cut off at half its compressed bytes ("
            + cut.length
            + " of "
            + full.length
            + "): "
            + completeLines
            + " complete lines decode before the damage",
        "read the complete lines and validate them as usual (exact repeats of "
            + original.name()
            + ": no dataset changes), warn that the gzip data is damaged, and "
            + "quarantine the rest as one `unreadable-file` record at line "
            + unreadableLine);
    return new CutOff(
        name, original.name(), cut.length, full.length, completeLines, records + 1, valid, empty);
  }

  // --- tricky but valid -------------------------------------------------------------------------

  private void trickyCases() {
    DayFile first = file(2025, 1, 1);
    tiktok(first)
        .tricky(
            "crawled_at in UTC (`Z`) on 2024-12-31: local date is 2025-01-01",
            "key and unit list use the local date 2025-01-01: valid, old seller code");
    DayFile april = file(2025, 4, 1);
    OcopLine boundary = tiktok(april);
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
    replace(
        april,
        boundary,
        OcopLine.of(exact)
            .tricky(
                "crawled_at `2025-03-31T18:30:00Z`: UTC "
                    + "date 2025-03-31, local date 2025-04-01",
                "counts as a sighting on 2025-04-01"));
    DayFile july = file(2025, 7, 1);
    tiktok(july)
        .tricky(
            "first crawl after the reform, in UTC (`2025-06-30T…Z`)",
            "local date 2025-07-01: seller.commune_code is the new code, valid for that date");
    secondCrawl(file(2025, 2, 10), "shopee", When.LATER, 2);
    secondCrawl(file(2025, 6, 15), "shopee", When.EARLIER, 5);
    secondCrawl(file(2025, 9, 9), "lazada", When.LATER, 1);
    OcopLine extra = loose(file(2025, 5, 2), "postmart", 0);
    extra.tricky(
        "unknown extra field `seller.province` (every postmart record has it)",
        "ignore unknown fields");
    OcopLine flash = firstMatching(l -> l.crawl.flashSale());
    // (flash-sale records carry discount_pct, an unknown field)
    flash.tricky(
        "unknown extra field `discount_pct` on a flash-sale day",
        "ignore unknown fields; the price is the sale price");
    OcopLine hidden = firstMatching(l -> l.crawl.listing().platform.equals("sendo"));
    hidden.tricky(
        "sendo record without `sold_count`; voso records have no rating/review_count",
        "optional fields may be absent");
    OcopLine nullRating =
        firstMatching(l -> l.crawl.rating() == null && !l.crawl.listing().platform.equals("voso"));
    nullRating.tricky("`rating: null` on a listing without reviews", "optional field null");
  }

  private enum When {
    LATER,
    EARLIER
  }

  /** Adds a second crawl of a listing on the same local day; the later instant wins. */
  private void secondCrawl(DayFile f, String platform, When when, int skip) {
    OcopLine regular = pick(f, platform, skip);
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

  // --- deliberately bad -----------------------------------------------------------------------

  private void badRecords() {
    extraRecords();
    badJson();
    badValues();
  }

  private void extraRecords() {
    DayFile first = file(2025, 1, 1);
    OcopLine base = loose(first, "shopee", 3);
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
                "crawled_at 2024-12-31T23:55:00+07:00 (a late crawl of the previous day in this file): "
                    + "local date before 2025-01-01"));
    DayFile aug = file(2025, 8, 14);
    OcopLine template = pick(aug, "shopee", 2);
    OcopLine fb = OcopLine.of(template.crawl);
    fb.json.put("listing_id", "facebook:61552093847");
    fb.json.put("platform", "facebook");
    fb.json.put("url", "https://www.facebook.com/marketplace/item/61552093847");
    aug.lines.add(fb.bad("unknown-value", "platform `facebook` is not a supported platform"));
  }

  private void badJson() {
    OcopLine cut = pick(file(2025, 1, 15), "lazada", 1);
    String text = cut.text();
    cut.raw = text.substring(0, text.length() * 3 / 5);
    cut.bad("malformed-json", "line truncated mid-object (crawler crash)");
    OcopLine py = pick(file(2025, 9, 23), "tiki", 0);
    py.raw = py.text().replace('"', '\'');
    py.bad("malformed-json", "single-quoted keys and strings (a Python dict repr), not JSON");
  }

  private void badValues() {
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
      int y,
      int m,
      int d,
      String platform,
      java.util.function.Consumer<OcopLine> change,
      String rule,
      String what) {
    OcopLine l =
        pick(
            file(y, m, d),
            platform,
            0,
            rule.equals("unknown-commune-code") && m >= 7
                ? x -> !ref.isNew(x.crawl.listing().product.seller().oldCode())
                : x -> true);
    change.accept(l);
    l.bad(rule, what);
  }

  private void emptyLines() {
    DayFile april = file(2025, 4, 1);
    april.lines.add(april.lines.size() / 2, OcopLine.empty());
    april.lines.add(OcopLine.empty());
    DayFile last = file(2025, 10, 31);
    last.lines.add(3, OcopLine.empty());
    last.lines.add(4, OcopLine.empty());
    DayFile gz = file(2025, 7, 19);
    gz.lines.add(1, OcopLine.empty());
    catalog.tricky(
        SOURCE,
        april.name(),
        "",
        "an empty line mid-file and one at the end",
        "empty lines are counted as lines but are not records");
    catalog.tricky(
        SOURCE,
        last.name(),
        "",
        "two consecutive empty lines",
        "not records; later line numbers still count them");
    catalog.tricky(
        SOURCE,
        gz.name(),
        "2",
        "an empty line inside a gzip-compressed file",
        "line numbers refer to the decompressed text");
  }

  // --- picking lines --------------------------------------------------------------------------

  private DayFile file(int y, int m, int d) {
    return files.get(LocalDate.of(y, m, d));
  }

  private OcopLine tiktok(DayFile f) {
    return loose(f, "tiktok_shop", 0);
  }

  private OcopLine pick(DayFile f, String platform, int skip) {
    return pick(f, platform, skip, x -> true);
  }

  /** Like {@link #pick} but also on a listing's first or last day (for valid cases). */
  private OcopLine loose(DayFile f, String platform, int skip) {
    return pick(f, platform, skip, x -> true, false);
  }

  private OcopLine pick(
      DayFile f, String platform, int skip, java.util.function.Predicate<OcopLine> also) {
    return pick(f, platform, skip, also, true);
  }

  /**
   * The skip-th unused record of a platform in a file whose listing is also seen on other days (so
   * that corrupting it never removes a listing's first or last sighting).
   */
  private OcopLine pick(
      DayFile f,
      String platform,
      int skip,
      java.util.function.Predicate<OcopLine> also,
      boolean strict) {
    List<OcopLine> candidates =
        f.lines.stream()
            .filter(l -> l.crawl != null && l.raw == null && l.rule == null && l.tricky == null)
            .filter(l -> l.crawl.listing().platform.equals(platform))
            .filter(l -> !used.contains(l.crawl.listing().id))
            .filter(l -> !strict || inside(l.crawl.listing().id, f.day))
            .filter(also)
            .toList();
    OcopLine l = candidates.get(skip);
    used.add(l.crawl.listing().id);
    return l;
  }

  private boolean inside(String listingId, LocalDate day) {
    LocalDate[] s = span.get(listingId);
    return day.isAfter(s[0]) && day.isBefore(s[1]);
  }

  private OcopLine firstMatching(java.util.function.Predicate<OcopLine> p) {
    for (DayFile f : files.values()) {
      for (OcopLine l : f.lines) {
        if (l.crawl != null && l.rule == null && l.tricky == null && p.test(l)) {
          return l;
        }
      }
    }
    throw new IllegalStateException("No line matches");
  }

  private void replace(DayFile f, OcopLine old, OcopLine fresh) {
    f.lines.set(f.lines.indexOf(old), fresh);
  }

  // --- writing --------------------------------------------------------------------------------

  private static String text(DayFile f) {
    StringBuilder sb = new StringBuilder();
    for (OcopLine l : f.lines) {
      sb.append(l.text()).append(f.eol);
    }
    return sb.toString();
  }

  private void write(DayFile f) {
    for (int i = 0; i < f.lines.size(); i++) {
      OcopLine l = f.lines.get(i);
      int line = i + 1;
      if (l.rule != null) {
        catalog.bad(SOURCE, f.name(), line, l.rule, l.what);
      }
      if (l.tricky != null) {
        catalog.tricky(SOURCE, f.name(), Integer.toString(line), l.tricky, l.expect);
      }
    }
    byte[] bytes = text(f).getBytes(StandardCharsets.UTF_8);
    Output.write(dir.resolve(f.name()), f.plain || f.misnamed ? bytes : Output.gzip(bytes));
  }

  private OcopSummary summary(CutOff cutOff) {
    int records = 0;
    int empty = 0;
    int valid = 0;
    Set<String> keys = new HashSet<>();
    Set<String> products = new HashSet<>();
    Set<String> october = new HashSet<>();
    SortedMap<String, Set<String>> byPlatform = new TreeMap<>();
    SortedMap<String, Set<String>> platformsOf = new TreeMap<>();
    SortedMap<String, Set<String>> listingsOf = new TreeMap<>();
    for (DayFile f : files.values()) {
      for (OcopLine l : f.lines) {
        if (l.isEmpty()) {
          empty++;
          continue;
        }
        records++;
        if (!l.valid() || l.json.get("platform").equals("facebook")) {
          continue;
        }
        valid++;
        Crawl c = l.crawl;
        keys.add(c.listing().id + "|" + c.localDate());
        products.add(c.listing().product.code());
        if (!c.localDate().isBefore(Dates.LAST.atDay(1))) {
          october.add(c.listing().product.code());
        }
        byPlatform.computeIfAbsent(c.listing().platform, k -> new TreeSet<>()).add(c.listing().id);
        String product = c.listing().product.code();
        platformsOf.computeIfAbsent(product, k -> new TreeSet<>()).add(c.listing().platform);
        listingsOf
            .computeIfAbsent(product + "|" + c.listing().platform, k -> new TreeSet<>())
            .add(c.listing().id);
      }
    }
    int multi = (int) platformsOf.values().stream().filter(v -> v.size() > 1).count();
    int twins = (int) listingsOf.values().stream().filter(v -> v.size() > 1).count();
    SortedMap<String, Integer> listingCounts = new TreeMap<>();
    byPlatform.forEach((k, v) -> listingCounts.put(k, v.size()));
    int listings = listingCounts.values().stream().mapToInt(i -> i).sum();
    return new OcopSummary(
        files.size() + 1,
        (int) files.values().stream().filter(f -> f.plain).count(),
        records + cutOff.records(),
        empty + cutOff.emptyLines(),
        listings,
        products.size(),
        october.size(),
        listingCounts,
        valid + cutOff.validRecords(),
        keys.size(),
        multi,
        twins,
        cutOff);
  }
}
