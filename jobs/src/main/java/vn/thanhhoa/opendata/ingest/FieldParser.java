package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.thanhhoa.opendata.core.ColumnSpec;

/**
 * Parses one column's values, from CSV text or a JSON node, into the Java value Spark stores
 * (String, Long, BigDecimal, Boolean, LocalDate, Instant), applying the column's rules from its
 * schema in a fixed order: presence, type, then range, allowed values and pattern.
 */
final class FieldParser {
  private static final Pattern PLAIN_INTEGER = Pattern.compile("[+-]?\\d+");
  // Vietnamese thousands separators: 12.345 or 12 345 (also with no-break spaces), one kind per
  // value.
  private static final Pattern GROUPED_INTEGER =
      Pattern.compile("[+-]?\\d{1,3}(?:([. \u00A0\u202F])\\d{3})(?:\\1\\d{3})*");
  private static final Pattern POINT_DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern ANY_DECIMAL = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

  private static final DateTimeFormatter ISO_DATE = strict("uuuu-MM-dd");

  private final ColumnSpec spec;
  private final ZoneId zone;
  private final List<DateTimeFormatter> formatters;
  private final Pattern pattern;
  private final java.util.Set<String> values;
  private final long minLong;
  private final long maxLong;

  FieldParser(ColumnSpec spec, ZoneId zone) {
    this.spec = spec;
    this.zone = zone;
    this.formatters = spec.formats().stream().map(FieldParser::formatter).toList();
    this.pattern = spec.pattern() == null ? null : Pattern.compile(spec.pattern().regex());
    this.values = java.util.Set.copyOf(spec.values());
    this.minLong = bound(spec.min(), Long.MIN_VALUE, RoundingMode.CEILING);
    this.maxLong = bound(spec.max(), Long.MAX_VALUE, RoundingMode.FLOOR);
  }

  private static final BigDecimal LONG_SAFE = BigDecimal.TEN.pow(18);

  /**
   * A decimal bound as the nearest whole number inside it, so integers compare as longs; a bound
   * too far out for that is kept to the exact comparison (none: {@code none}).
   */
  private static long bound(BigDecimal limit, long none, RoundingMode inward) {
    if (limit == null || limit.abs().compareTo(LONG_SAFE) > 0) {
      return none;
    }
    return limit.setScale(0, inward).longValueExact();
  }

  ColumnSpec spec() {
    return spec;
  }

  /** Normalises text as every text field is: Unicode NFC, surrounding spaces removed. */
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

  /**
   * Parses a CSV cell. {@code blankMeansFalse} is set for a boolean column in a file that uses the
   * x/blank convention for it.
   */
  Object parseText(String raw, boolean blankMeansFalse) throws RuleBreach {
    String text = clean(raw);
    if (text == null || text.isEmpty()) {
      if (blankMeansFalse) {
        return Boolean.FALSE;
      }
      return absent();
    }
    return constrain(typed(text));
  }

  /** Parses a JSON value: its JSON type must match the column's type. */
  Object parseJson(JsonNode node) throws RuleBreach {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return absent();
    }
    Object value =
        switch (spec.type()) {
          case INTEGER -> {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
              throw wrongType(node, "an integer");
            }
            yield node.longValue();
          }
          case DECIMAL -> {
            if (!node.isNumber()) {
              throw wrongType(node, "a number");
            }
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
              throw breach(Rules.OUT_OF_RANGE, "value " + node + " is not a finite number");
            }
            yield decimal(node.decimalValue());
          }
          case BOOLEAN -> {
            if (!node.isBoolean()) {
              throw wrongType(node, "true or false");
            }
            yield node.booleanValue();
          }
          default -> {
            if (!node.isTextual()) {
              throw wrongType(node, "a string");
            }
            String text = clean(node.textValue());
            if (text.isEmpty()) {
              yield absent();
            }
            yield typed(text);
          }
        };
    return value == null ? null : constrain(value);
  }

  private Object absent() throws RuleBreach {
    if (spec.isRequired()) {
      throw breach(Rules.MISSING_VALUE, "required value is blank");
    }
    return null;
  }

  private Object typed(String text) throws RuleBreach {
    return switch (spec.type()) {
      case STRING -> text;
      case INTEGER -> integer(text);
      case DECIMAL -> decimalText(text);
      case BOOLEAN -> bool(text);
      case MONTH -> month(text);
      case DATE -> date(text);
      case TIMESTAMP -> timestamp(text);
    };
  }

  private Long integer(String text) throws RuleBreach {
    boolean plain = PLAIN_INTEGER.matcher(text).matches();
    boolean grouped = spec.thousandsSeparators() && GROUPED_INTEGER.matcher(text).matches();
    if (!plain && !grouped) {
      throw bad(
          text,
          spec.thousandsSeparators() ? "an integer (12345, 12.345 or 12 345)" : "a plain integer");
    }
    try {
      return Long.parseLong(text.replaceAll("[. \u00A0\u202F+]", ""));
    } catch (NumberFormatException e) {
      throw bad(text, "an integer in range");
    }
  }

  private BigDecimal decimalText(String text) throws RuleBreach {
    Pattern shape = spec.decimalComma() ? ANY_DECIMAL : POINT_DECIMAL;
    if (!shape.matcher(text).matches()) {
      throw bad(text, spec.decimalComma() ? "a decimal (78,5 or 78.5)" : "a decimal (78.5)");
    }
    return decimal(new BigDecimal(text.replace(',', '.')));
  }

  /** Rounds half-up to the declared scale; a value too large for the precision is out of range. */
  private BigDecimal decimal(BigDecimal value) throws RuleBreach {
    // Checked before rounding: setScale on 1e999999999 or 1e-999999999 would build a huge number.
    if (value.signum() != 0
        && value.precision() - value.scale() > spec.precision() - spec.scale()) {
      throw breach(Rules.OUT_OF_RANGE, "value " + value.toString() + " is too large");
    }
    if (value.scale() - value.precision() > spec.scale()) {
      return BigDecimal.ZERO.setScale(spec.scale());
    }
    BigDecimal scaled = value.setScale(spec.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > spec.precision() - spec.scale()) {
      throw breach(Rules.OUT_OF_RANGE, "value " + value.toPlainString() + " is too large");
    }
    return scaled;
  }

  private Boolean bool(String text) throws RuleBreach {
    String folded = text.toLowerCase(Locale.ROOT);
    if (spec.trueValues().contains(folded)) {
      return Boolean.TRUE;
    }
    if (spec.falseValues().contains(folded)) {
      return Boolean.FALSE;
    }
    throw bad(text, "one of " + spec.trueValues() + " / " + spec.falseValues());
  }

  private String month(String text) throws RuleBreach {
    for (DateTimeFormatter f : formatters) {
      try {
        return YearMonth.parse(text, f).toString();
      } catch (DateTimeException e) {
        // try the next accepted format
      }
    }
    throw bad(text, "a month as " + String.join(" or ", spec.formats()));
  }

  private LocalDate date(String text) throws RuleBreach {
    if (formatters.isEmpty()) {
      LocalDate plain = plainDate(text);
      if (plain != null) {
        return plain;
      }
    }
    try {
      return formatters.isEmpty()
          ? LocalDate.parse(text, ISO_DATE)
          : LocalDate.parse(text, formatters.get(0));
    } catch (DateTimeException e) {
      throw bad(text, "a date as YYYY-MM-DD");
    }
  }

  /** {@code yyyy-MM-dd} read without the formatter; null for any other text or an invalid date. */
  private static LocalDate plainDate(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return null;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
        return null;
      }
    }
    try {
      return LocalDate.of(
          Integer.parseInt(t, 0, 4, 10),
          Integer.parseInt(t, 5, 7, 10),
          Integer.parseInt(t, 8, 10, 10));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private Instant timestamp(String text) throws RuleBreach {
    if (spec.formats().contains("iso-offset")) {
      Instant plain = IsoTimestamps.plainOffset(text);
      if (plain != null) {
        return plain;
      }
    }
    for (int i = 0; i < formatters.size(); i++) {
      try {
        return switch (spec.formats().get(i)) {
          case "iso-offset" -> OffsetDateTime.parse(text, formatters.get(i)).toInstant();
          default -> LocalDateTime.parse(text, formatters.get(i)).atZone(zone).toInstant();
        };
      } catch (DateTimeException e) {
        // try the next accepted format
      }
    }
    throw bad(text, "a timestamp as " + String.join(" or ", spec.formats()));
  }

  private Object constrain(Object value) throws RuleBreach {
    if (value instanceof Long l && values.isEmpty() && pattern == null && exactBounds()) {
      if (l >= minLong && l <= maxLong) {
        return value; // inside the bounds; outside, the message below says by how much
      }
    }
    if (value instanceof Long || value instanceof BigDecimal) {
      BigDecimal number = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
      if ((spec.min() != null && number.compareTo(spec.min()) < 0)
          || (spec.max() != null && number.compareTo(spec.max()) > 0)) {
        throw breach(
            Rules.OUT_OF_RANGE, "value " + number.toPlainString() + " is outside " + range());
      }
    }
    if (values.isEmpty() && pattern == null) {
      return value;
    }
    String shown = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    if (!values.isEmpty() && !values.contains(shown)) {
      throw breach(Rules.UNKNOWN_VALUE, "'" + shown + "' is not one of " + spec.values());
    }
    if (pattern != null && !pattern.matcher(shown).matches()) {
      throw breach(
          spec.pattern().rule(), "'" + shown + "' does not match " + spec.pattern().regex());
    }
    return value;
  }

  /** Whether both bounds are within the range where longs stand in for them exactly. */
  private boolean exactBounds() {
    return (spec.min() == null || minLong != Long.MIN_VALUE)
        && (spec.max() == null || maxLong != Long.MAX_VALUE);
  }

  private String range() {
    return "["
        + (spec.min() == null ? "" : spec.min().toPlainString())
        + ", "
        + (spec.max() == null ? "" : spec.max().toPlainString())
        + "]";
  }

  private RuleBreach bad(String text, String expected) {
    String type = spec.type().name().toLowerCase(Locale.ROOT);
    return breach(Rules.badValue(type), "'" + text + "' is not " + expected);
  }

  private RuleBreach wrongType(JsonNode node, String expected) {
    return breach(
        Rules.WRONG_JSON_TYPE,
        "JSON "
            + node.getNodeType().name().toLowerCase(Locale.ROOT)
            + " "
            + node
            + " where "
            + expected
            + " is required");
  }

  private RuleBreach breach(String rule, String message) {
    return new RuleBreach(rule, spec.name(), spec.name() + ": " + message);
  }

  private static DateTimeFormatter formatter(String format) {
    return switch (format) {
      case "iso-offset" -> DateTimeFormatter.ISO_OFFSET_DATE_TIME;
      case "iso-local" -> DateTimeFormatter.ISO_LOCAL_DATE_TIME;
      default -> strict(format.replace('y', 'u'));
    };
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
