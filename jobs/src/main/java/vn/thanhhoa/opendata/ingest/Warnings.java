package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warnings about one file or folder, grouped by kind: the first {@value #PER_KIND} of a kind are
 * kept word for word, the rest counted in one closing line ("… and 3,990 more unknown columns"), so
 * a report stays small whatever the input.
 */
final class Warnings {
  static final int PER_KIND = 10;

  private final String subject;
  private final List<String> kept = new ArrayList<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  /**
   * @param subject what the closing lines are about (a file or folder name)
   */
  Warnings(String subject) {
    this.subject = subject;
  }

  /**
   * @param kind the plural noun the closing line counts, e.g. "unknown columns"
   */
  void add(String kind, String warning) {
    int seen = counts.merge(kind, 1, Integer::sum);
    if (seen <= PER_KIND) {
      kept.add(warning);
    }
  }

  List<String> list() {
    List<String> all = new ArrayList<>(kept);
    counts.forEach(
        (kind, n) -> {
          if (n > PER_KIND) {
            all.add(closing(kind, n - PER_KIND));
          }
        });
    return all;
  }

  /** "… and 3,990 more unknown columns" */
  private String closing(String kind, int more) {
    return subject + ": … and " + String.format(Locale.ROOT, "%,d", more) + " more " + kind;
  }
}
