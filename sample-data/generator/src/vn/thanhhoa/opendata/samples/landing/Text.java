package vn.thanhhoa.opendata.samples.landing;

import java.util.List;
import vn.thanhhoa.opendata.samples.CsvText;
import vn.thanhhoa.opendata.samples.UnitNames;

/** Text helpers: a coarse name key, number and CSV spellings. */
final class Text {
  private Text() {}

  /**
   * Coarser than the pipeline's name folding (no diacritics at all, no type prefix): a name unique
   * under this key is certainly unique, and so resolvable, for the pipeline.
   */
  static String coarseKey(String name, String district) {
    return UnitNames.slug(UnitNames.bare(name))
        + "|"
        + (district == null ? "" : UnitNames.slug(district));
  }

  static String twoDigits(int v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }

  static String grouped(long v, char separator) {
    String digits = Long.toString(Math.abs(v));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        b.append(separator);
      }
      b.append(digits.charAt(i));
    }
    return (v < 0 ? "-" : "") + b;
  }

  /** A CSV line ending in LF. */
  static String csvLine(List<String> fields, char delimiter) {
    return CsvText.line(fields, delimiter) + "\n";
  }
}
