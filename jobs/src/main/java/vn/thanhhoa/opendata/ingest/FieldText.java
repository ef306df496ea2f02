package vn.thanhhoa.opendata.ingest;

import java.text.Normalizer;

/** Text as every text field and header cell is read: Unicode NFC, surrounding spaces removed. */
final class FieldText {
  private FieldText() {}

  static String clean(String text) {
    if (text == null) {
      return null;
    }
    String nfc = isNfc(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    int start = 0;
    int end = nfc.length();
    while (start < end && isSpace(nfc.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(nfc.charAt(end - 1))) {
      end--;
    }
    return nfc.substring(start, end);
  }

  /**
   * Text with nothing from U+0300 (the combining marks) up is NFC as it is; the rest is checked.
   */
  private static boolean isNfc(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= '\u0300') {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC);
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\uFEFF';
  }
}
