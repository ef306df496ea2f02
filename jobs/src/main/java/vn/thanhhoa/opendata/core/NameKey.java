package vn.thanhhoa.opendata.core;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Folds a Vietnamese unit name into a key for matching by name: NFC, lower case, spaces collapsed,
 * the type prefix ("Xã", "Phường", "Huyện"…) split off, and the tone mark of each word moved to the
 * end of the word, so that "Hóa" and "Hoá" (two placements seen in the official registers) give the
 * same key.
 */
public final class NameKey {
  private static final List<String> PREFIXES =
      List.of("thị trấn", "thị xã", "thành phố", "đặc khu", "phường", "huyện", "quận", "xã");
  private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

  private NameKey() {}

  /** The unit type named at the start of {@code name} ("xã", "phường"…), or null. */
  public static String type(String name) {
    String folded = lower(name);
    for (String prefix : PREFIXES) {
      if (folded.startsWith(prefix + " ")) {
        return prefix;
      }
    }
    return null;
  }

  /** The folded name without its type prefix. */
  public static String base(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return foldTones(withoutType(lower(name)));
  }

  private static String withoutType(String folded) {
    String type = type(folded);
    return type == null ? folded : folded.substring(type.length()).trim();
  }

  /** The words of {@code name}, each with its tone mark moved to its end. */
  private static String foldTones(String name) {
    StringBuilder key = new StringBuilder();
    for (String word : name.split(" ")) {
      if (key.length() > 0) {
        key.append(' ');
      }
      key.append(foldTone(word));
    }
    return key.toString();
  }

  private static String lower(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC)
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  private static String foldTone(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder letters = new StringBuilder();
    char tone = 0;
    for (char c : decomposed.toCharArray()) {
      if (TONES.indexOf(c) >= 0) {
        tone = c;
      } else {
        letters.append(c);
      }
    }
    String base = Normalizer.normalize(letters, Normalizer.Form.NFC);
    return tone == 0 ? base : base + "#" + (TONES.indexOf(tone) + 1);
  }
}
