package vn.thanhhoa.opendata.publish.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.HtmlText;

/** Escaping and the Vietnamese way of writing numbers, for text placed in the pages. */
final class Html {
  private static final Locale VI = Locale.forLanguageTag("vi-VN");

  private Html() {}

  /** Text safe inside an element or a quoted attribute. */
  static String esc(String text) {
    return HtmlText.escape(text);
  }

  /** The Vietnamese text, escaped; the English one marked {@code lang="en"} where it is missing. */
  static String forPeople(DatasetSpec.Text text) {
    if (text.hasVi()) {
      return esc(text.vi());
    }
    return "<span lang=\"en\">" + esc(text.en()) + "</span>";
  }

  /** A number as people in Viet Nam write it: {@code 1.234,5}. */
  static String number(BigDecimal value) {
    NumberFormat format = NumberFormat.getNumberInstance(VI);
    format.setMinimumFractionDigits(Math.max(0, value.scale()));
    format.setMaximumFractionDigits(Math.max(0, value.scale()));
    return format.format(value);
  }

  /** A file size in kB or MB, one decimal. */
  static String size(long bytes) {
    BigDecimal kb =
        BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
    if (kb.compareTo(BigDecimal.valueOf(1024)) < 0) {
      return number(kb) + " kB";
    }
    return number(kb.divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP)) + " MB";
  }

  /** {@code 2025-07} as {@code 07/2025}. */
  static String month(String period) {
    return period.length() == 7 ? period.substring(5) + "/" + period.substring(0, 4) : period;
  }
}
