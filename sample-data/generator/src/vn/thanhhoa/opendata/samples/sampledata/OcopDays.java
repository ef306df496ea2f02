package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The OCOP day files being written: their lines, the lines already given a special role (so no line
 * gets two), picking lines for a case, and writing each file with its bad and tricky lines booked.
 */
final class OcopDays {
  private static final String SOURCE = OcopListingsWriter.SOURCE;

  final Reference ref;
  private final Catalog catalog;
  private final Path dir;
  private final SortedMap<LocalDate, DayFile> files = new TreeMap<>();
  private final Map<String, LocalDate[]> span = new TreeMap<>();
  private final Set<String> used = new HashSet<>();

  OcopDays(Reference ref, OcopModel model, Catalog catalog, Path root, Set<LocalDate> plain) {
    this.ref = ref;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
    model.days.forEach(
        (day, crawls) -> {
          DayFile f = new DayFile(day, plain.contains(day));
          crawls.forEach(c -> f.lines.add(OcopLine.of(c)));
          files.put(day, f);
          crawls.forEach(
              c -> span.computeIfAbsent(c.listing().id, k -> new LocalDate[] {day, day})[1] = day);
        });
  }

  DayFile day(LocalDate day) {
    return files.get(day);
  }

  void tricky(String file, String lines, String what, String expect) {
    catalog.tricky(SOURCE, file, lines, what, expect);
  }

  void bad(String file, int line, String rule, String what) {
    catalog.bad(SOURCE, file, line, rule, what);
  }

  void writeFile(String name, byte[] bytes) {
    Output.write(dir.resolve(name), bytes);
  }

  /** Writes every day file, booking its bad and tricky lines. */
  void writeAll() {
    files.values().forEach(this::write);
  }

  DayFile file(int y, int m, int d) {
    return files.get(LocalDate.of(y, m, d));
  }

  OcopLine tiktok(DayFile f) {
    return loose(f, "tiktok_shop", 0);
  }

  OcopLine pick(DayFile f, String platform, int skip) {
    return pick(f, platform, skip, x -> true);
  }

  OcopLine pick(DayFile f, String platform, int skip, Predicate<OcopLine> also) {
    return pick(f, platform, skip, also, true);
  }

  /**
   * The skip-th unused record of a platform in a file whose listing is also seen on other days (so
   * that corrupting it never removes a listing's first or last sighting).
   */
  OcopLine pick(DayFile f, String platform, int skip, Predicate<OcopLine> also, boolean strict) {
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

  /** Like {@link #pick} but also on a listing's first or last day (for valid cases). */
  OcopLine loose(DayFile f, String platform, int skip) {
    return pick(f, platform, skip, x -> true, false);
  }

  private boolean inside(String listingId, LocalDate day) {
    LocalDate[] s = span.get(listingId);
    return day.isAfter(s[0]) && day.isBefore(s[1]);
  }

  OcopLine firstMatching(Predicate<OcopLine> p) {
    for (DayFile f : files.values()) {
      for (OcopLine l : f.lines) {
        if (l.crawl != null && l.rule == null && l.tricky == null && p.test(l)) {
          return l;
        }
      }
    }
    throw new IllegalStateException("No line matches");
  }

  void replace(DayFile f, OcopLine old, OcopLine fresh) {
    f.lines.set(f.lines.indexOf(old), fresh);
  }

  static String text(DayFile f) {
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

  /** The figures of the folder, the cut-off re-upload included. */
  OcopSummary summary(CutOff cutOff) {
    OcopSightings sightings = new OcopSightings();
    for (DayFile f : files.values()) {
      f.lines.forEach(sightings::add);
    }
    int plain = (int) files.values().stream().filter(f -> f.plain).count();
    return sightings.summary(files.size() + 1, plain, cutOff);
  }
}
