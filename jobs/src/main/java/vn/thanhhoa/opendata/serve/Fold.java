package vn.thanhhoa.opendata.serve;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text folded for search: no diacritics, đ as d, lower case ("chuyển đổi số" → "chuyen
 * doi so").
 */
final class Fold {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Fold() {}

  static String fold(String text) {
    if (text == null) {
      return "";
    }
    String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return bare.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
  }
}
