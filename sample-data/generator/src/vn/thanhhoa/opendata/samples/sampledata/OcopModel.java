package vn.thanhhoa.opendata.samples.sampledata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.thanhhoa.opendata.samples.UnitNames;

/** Products, listings and the daily crawls. */
final class OcopModel {
  static final int PRODUCTS = 152;
  static final List<String> PLATFORMS =
      List.of("shopee", "lazada", "tiki", "tiktok_shop", "sendo", "postmart", "voso");
  private static final double[] PLATFORM_WEIGHTS = {0.36, 0.14, 0.11, 0.16, 0.05, 0.12, 0.06};
  private static final Map<String, Double> CRAWL_RATE =
      Map.of(
          "shopee",
          0.42,
          "lazada",
          0.33,
          "tiki",
          0.3,
          "tiktok_shop",
          0.33,
          "sendo",
          0.28,
          "postmart",
          0.3,
          "voso",
          0.28);
  private static final Map<String, LocalTime> CRAWL_TIME =
      Map.of(
          "shopee",
          LocalTime.of(22, 0),
          "lazada",
          LocalTime.of(6, 0),
          "tiki",
          LocalTime.of(12, 0),
          "tiktok_shop",
          LocalTime.of(1, 30),
          "sendo",
          LocalTime.of(9, 0),
          "postmart",
          LocalTime.of(14, 0),
          "voso",
          LocalTime.of(15, 0));

  final List<Product> products;
  final List<Listing> listings;
  final SortedMap<LocalDate, List<Crawl>> days;

  private OcopModel(
      List<Product> products, List<Listing> listings, SortedMap<LocalDate, List<Crawl>> days) {
    this.products = products;
    this.listings = listings;
    this.days = days;
  }

  static OcopModel generate(Reference ref, Random rnd) {
    List<Product> products = OcopCatalogue.products(ref, rnd);
    List<Listing> listings = listings(products, rnd);
    SortedMap<LocalDate, List<Crawl>> days = new TreeMap<>();
    for (LocalDate d = Dates.FIRST_DAY; !d.isAfter(Dates.LAST_DAY); d = d.plusDays(1)) {
      days.put(d, crawlDay(listings, d, rnd));
    }
    return new OcopModel(products, listings, days);
  }

  private static List<Listing> listings(List<Product> products, Random rnd) {
    List<Listing> listings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Product p : products) {
      double r = rnd.nextDouble();
      int count = r < 0.5 ? 1 : r < 0.84 ? 2 : r < 0.96 ? 3 : 4;
      List<String> platforms = new ArrayList<>();
      while (platforms.size() < count) {
        String platform = pickPlatform(rnd);
        if (!platforms.contains(platform)) {
          platforms.add(platform);
        }
      }
      if (rnd.nextDouble() < 0.05) {
        platforms.add(platforms.get(0));
      }
      for (int i = 0; i < platforms.size(); i++) {
        listings.add(listing(p, platforms.get(i), i == 0, ids, rnd));
      }
    }
    listings.sort(Comparator.comparing(l -> l.id));
    return listings;
  }

  private static String pickPlatform(Random rnd) {
    double r = rnd.nextDouble();
    for (int i = 0; i < PLATFORMS.size(); i++) {
      r -= PLATFORM_WEIGHTS[i];
      if (r < 0) {
        return PLATFORMS.get(i);
      }
    }
    return PLATFORMS.get(0);
  }

  private static Listing listing(
      Product p, String platform, boolean main, Set<String> ids, Random rnd) {
    String native_;
    do {
      native_ = nativeId(platform, rnd);
    } while (!ids.add(platform + ":" + native_));
    LocalDate start =
        main
            ? p.listedFrom()
            : min(p.listedFrom().plusDays(rnd.nextInt(120)), LocalDate.of(2025, 10, 15));
    LocalDate end =
        !main && rnd.nextDouble() < 0.25
            ? min(start.plusDays(30 + rnd.nextInt(120)), Dates.LAST_DAY)
            : Dates.LAST_DAY;
    LocalDate gapFrom = null;
    LocalDate gapTo = null;
    if (rnd.nextDouble() < 0.12) {
      gapFrom = start.plusDays(10 + rnd.nextInt(150));
      gapTo = gapFrom.plusDays(3 + rnd.nextInt(9));
    }
    Listing l =
        new Listing(
            platform + ":" + native_,
            platform,
            url(platform, native_, p),
            p,
            start,
            end,
            gapFrom,
            gapTo,
            Seeds.uniform(rnd, 0.05, 0.6));
    l.price = roundPrice(p.price() * Seeds.uniform(rnd, 0.95, 1.08));
    boolean established = start.equals(Dates.FIRST_DAY);
    l.reviews = established ? 5 + rnd.nextInt(400) : 0;
    l.sold = Math.round(l.reviews * Seeds.uniform(rnd, 2, 6));
    l.rating = Seeds.uniform(rnd, 4.3, 4.95);
    return l;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  static long roundPrice(double v) {
    return Math.max(1000, Math.round(v / 1000) * 1000);
  }

  private static String nativeId(String platform, Random rnd) {
    int digits =
        switch (platform) {
          case "shopee" -> 11;
          case "lazada" -> 10;
          case "tiki" -> 9;
          case "tiktok_shop" -> 19;
          case "sendo" -> 8;
          case "postmart" -> 6;
          default -> 7;
        };
    StringBuilder sb = new StringBuilder().append(1 + rnd.nextInt(9));
    while (sb.length() < digits) {
      sb.append(rnd.nextInt(10));
    }
    return sb.toString();
  }

  private static String url(String platform, String id, Product p) {
    String slug = UnitNames.slug(p.name());
    return switch (platform) {
      case "shopee" -> "https://shopee.vn/product/" + id;
      case "lazada" -> "https://www.lazada.vn/products/" + slug + "-i" + id + ".html";
      case "tiki" -> "https://tiki.vn/" + slug + "-p" + id + ".html";
      case "tiktok_shop" -> "https://www.tiktok.com/view/product/" + id;
      case "sendo" -> "https://www.sendo.vn/" + slug + "-" + id + ".html";
      case "postmart" -> "https://postmart.vn/san-pham/" + slug + "-" + id;
      default -> "https://voso.vn/" + slug + "-p" + id + ".html";
    };
  }

  /** Advances every live listing by one day, and crawls some of them. */
  private static List<Crawl> crawlDay(List<Listing> listings, LocalDate day, Random rnd) {
    List<Crawl> crawls = new ArrayList<>();
    for (Listing l : listings) {
      if (day.isBefore(l.start) || day.isAfter(l.end)) {
        continue;
      }
      boolean flash = advance(l, rnd);
      if (l.visible(day) && rnd.nextDouble() < CRAWL_RATE.get(l.platform)) {
        crawls.add(crawl(l, day, flash, rnd));
      }
    }
    crawls.sort(Comparator.comparing(Crawl::at).thenComparing(c -> c.listing().id));
    return crawls;
  }

  private static boolean advance(Listing l, Random rnd) {
    if (rnd.nextDouble() < 1.0 / 45) {
      double change = Seeds.uniform(rnd, 0.03, 0.1) * (rnd.nextBoolean() ? 1 : -1);
      l.price = roundPrice(l.price * (1 + change));
    }
    if (l.outOfStockDays > 0) {
      l.outOfStockDays--;
    } else if (rnd.nextDouble() < 0.008) {
      l.outOfStockDays = 2 + rnd.nextInt(5);
    }
    if (rnd.nextDouble() < l.popularity) {
      l.reviews++;
      l.sold += 2 + rnd.nextInt(5);
      if (rnd.nextDouble() < 0.1) {
        l.rating = Math.max(3.8, Math.min(5.0, l.rating + (rnd.nextBoolean() ? 0.05 : -0.05)));
      }
    }
    l.sold += rnd.nextInt(3);
    return rnd.nextDouble() < 0.015;
  }

  static Crawl crawl(Listing l, LocalDate day, boolean flash, Random rnd) {
    LocalTime t =
        CRAWL_TIME
            .get(l.platform)
            .plusMinutes(rnd.nextInt(l.platform.equals("tiktok_shop") ? 29 : 55))
            .plusSeconds(rnd.nextInt(60));
    Instant at = day.atTime(t).atZone(Dates.HCM).toInstant();
    return snapshot(l, at, flash);
  }

  static Crawl snapshot(Listing l, Instant at, boolean flash) {
    long price = flash ? roundPrice(l.price * 0.85) : l.price;
    Double rating = l.reviews == 0 ? null : Math.round(l.rating * 10) / 10.0;
    return new Crawl(
        l,
        at,
        l.platform.equals("tiktok_shop"),
        price,
        l.outOfStockDays == 0,
        rating,
        l.reviews,
        l.sold,
        flash);
  }
}
