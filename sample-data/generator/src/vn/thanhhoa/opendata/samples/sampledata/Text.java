package vn.thanhhoa.opendata.samples.sampledata;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Small text helpers: NFC/NFD, slugs, number formatting. */
final class Text {
  private Text() {}

  static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  /** ASCII slug: {@code Huyện Quan Sơn -> huyen-quan-son}. */
  static String slug(String s) {
    String plain = nfd(s).replaceAll("\\p{M}", "").replace('\u0111', 'd').replace('\u0110', 'D');
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  /** Drops the unit-type prefix: {@code Xã Hoằng Đạo -> Hoằng Đạo}. */
  static String shortName(String unitName) {
    for (String prefix : List.of("Thị trấn ", "Phường ", "Xã ")) {
      if (unitName.startsWith(prefix)) {
        return unitName.substring(prefix.length());
      }
    }
    return unitName;
  }

  static String thousands(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", "⏎");
  }
}
