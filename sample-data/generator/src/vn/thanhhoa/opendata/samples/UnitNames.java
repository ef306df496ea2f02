package vn.thanhhoa.opendata.samples;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Unit names turned into file names, URLs and short place names. */
public final class UnitNames {
  private static final List<String> PREFIXES = List.of("Xã ", "Phường ", "Thị trấn ", "Đặc khu ");

  private UnitNames() {}

  /** ASCII, lower case, dashes: "Huyện Bá Thước" → "huyen-ba-thuoc". */
  public static String slug(String s) {
    String ascii =
        Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** The name without its type prefix: "Xã Trung Hạ" → "Trung Hạ". */
  public static String bare(String name) {
    for (String prefix : PREFIXES) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }
}
