package vn.thanhhoa.opendata.samples.sampledata;

import java.text.Normalizer;
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
