package vn.thanhhoa.opendata.samples.landing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Vietnamese text helpers: slugs for file names and URLs, and a coarse name key. */
final class Text {
  private Text() {}

  /** ASCII, lower case, dashes: "Huyện Bá Thước" → "huyen-ba-thuoc". */
  static String slug(String s) {
    String ascii =
        Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** Name without its type prefix: "Xã Trung Hạ" → "Trung Hạ". */
  static String bare(String name) {
    for (String prefix : List.of("Xã ", "Phường ", "Thị trấn ", "Đặc khu ")) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  /**
   * Coarser than the pipeline's name folding (no diacritics at all, no type prefix): a name unique
   * under this key is certainly unique, and so resolvable, for the pipeline.
   */
  static String coarseKey(String name, String district) {
    return slug(bare(name)) + "|" + (district == null ? "" : slug(district));
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

  /** A CSV field, quoted when it holds the delimiter, a quote or a line break. */
  static String csvField(String v, char delimiter) {
    if (v.indexOf(delimiter) >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  static String csvLine(List<String> fields, char delimiter) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(delimiter);
      }
      b.append(csvField(fields.get(i), delimiter));
    }
    return b.append('\n').toString();
  }
}
