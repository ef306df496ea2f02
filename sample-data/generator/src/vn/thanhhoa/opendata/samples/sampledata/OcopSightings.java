package vn.thanhhoa.opendata.samples.sampledata;

import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts what the OCOP day files hold, for the README. */
final class OcopSightings {
  private int records;
  private int empty;
  private int valid;
  private final Set<String> keys = new HashSet<>();
  private final Set<String> products = new HashSet<>();
  private final Set<String> october = new HashSet<>();
  private final SortedMap<String, Set<String>> byPlatform = new TreeMap<>();
  private final SortedMap<String, Set<String>> platformsOf = new TreeMap<>();
  private final SortedMap<String, Set<String>> listingsOf = new TreeMap<>();

  void add(OcopLine l) {
    if (l.isEmpty()) {
      empty++;
      return;
    }
    records++;
    if (!l.valid() || l.json.get("platform").equals("facebook")) {
      return;
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

  OcopSummary summary(int files, int plainFiles, CutOff cutOff) {
    int multi = (int) platformsOf.values().stream().filter(v -> v.size() > 1).count();
    int twins = (int) listingsOf.values().stream().filter(v -> v.size() > 1).count();
    SortedMap<String, Integer> listingCounts = new TreeMap<>();
    byPlatform.forEach((k, v) -> listingCounts.put(k, v.size()));
    int listings = listingCounts.values().stream().mapToInt(i -> i).sum();
    return new OcopSummary(
        files,
        plainFiles,
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
