package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

  private final ColumnSpec spec;
  private final ColumnDates dates;
  private final ColumnConstraints constraints;

  FieldParser(ColumnSpec spec, ZoneId zone) {
    this.spec = spec;
    this.dates = new ColumnDates(spec.formats(), zone);
    this.constraints = new ColumnConstraints(spec);
  }

  ColumnSpec spec() {
    return spec;
  }

  /**
   * Parses a CSV cell. {@code blankMeansFalse} is set for a boolean column in a file that uses the
   * x/blank convention for it.
   */
  Object parseText(String raw, boolean blankMeansFalse) throws RuleBreach {
    String text = FieldText.clean(raw);
    if (text == null || text.isEmpty()) {
      if (blankMeansFalse) {
        return Boolean.FALSE;
      }
      return absent();
    }
    return constraints.check(typed(text));
  }

  /** Parses a JSON value: its JSON type must match the column's type. */
  Object parseJson(JsonNode node) throws RuleBreach {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return absent();
    }
    Object value =
        switch (spec.type()) {
          case INTEGER -> jsonInteger(node);
          case DECIMAL -> jsonDecimal(node);
          case BOOLEAN -> jsonBoolean(node);
          default -> jsonText(node);
        };
    return value == null ? null : constraints.check(value);
  }

  private Long jsonInteger(JsonNode node) throws RuleBreach {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw wrongType(node, "an integer");
    }
    return node.longValue();
  }

  private BigDecimal jsonDecimal(JsonNode node) throws RuleBreach {
    if (!node.isNumber()) {
      throw wrongType(node, "a number");
    }
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      throw RuleBreach.in(spec, Rules.OUT_OF_RANGE, "value " + node + " is not a finite number");
    }
    return decimal(node.decimalValue());
  }

  private Boolean jsonBoolean(JsonNode node) throws RuleBreach {
    if (!node.isBoolean()) {
      throw wrongType(node, "true or false");
    }
    return node.booleanValue();
  }

  /** A JSON string, read as CSV text is (blank: absent). */
  private Object jsonText(JsonNode node) throws RuleBreach {
    if (!node.isTextual()) {
      throw wrongType(node, "a string");
    }
    String text = FieldText.clean(node.textValue());
    return text.isEmpty() ? absent() : typed(text);
  }

  private Object absent() throws RuleBreach {
    if (spec.isRequired()) {
      throw RuleBreach.in(spec, Rules.MISSING_VALUE, "required value is blank");
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
    if (value.signum() != 0 && wholeDigits(value) > spec.precision() - spec.scale()) {
      throw RuleBreach.in(spec, Rules.OUT_OF_RANGE, "value " + value + " is too large");
    }
    if (value.scale() - value.precision() > spec.scale()) {
      return BigDecimal.ZERO.setScale(spec.scale());
    }
    BigDecimal scaled = value.setScale(spec.scale(), RoundingMode.HALF_UP);
    if (wholeDigits(scaled) > spec.precision() - spec.scale()) {
      throw RuleBreach.in(
          spec, Rules.OUT_OF_RANGE, "value " + value.toPlainString() + " is too large");
    }
    return scaled;
  }

  private static int wholeDigits(BigDecimal value) {
    return value.precision() - value.scale();
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
    String month = dates.month(text);
    return month != null ? month : notA(text, "a month as " + String.join(" or ", spec.formats()));
  }

  private LocalDate date(String text) throws RuleBreach {
    LocalDate date = dates.date(text);
    return date != null ? date : notA(text, "a date as YYYY-MM-DD");
  }

  private Instant timestamp(String text) throws RuleBreach {
    Instant instant = dates.timestamp(text);
    return instant != null
        ? instant
        : notA(text, "a timestamp as " + String.join(" or ", spec.formats()));
  }

  /** Throws {@link #bad}: the value a parse gives up on (typed as the parse's result). */
  private <T> T notA(String text, String expected) throws RuleBreach {
    throw bad(text, expected);
  }

  private RuleBreach bad(String text, String expected) {
    String type = spec.type().name().toLowerCase(Locale.ROOT);
    return RuleBreach.in(spec, Rules.badValue(type), "'" + text + "' is not " + expected);
  }

  private RuleBreach wrongType(JsonNode node, String expected) {
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    return RuleBreach.in(
        spec,
        Rules.WRONG_JSON_TYPE,
        "JSON " + type + " " + node + " where " + expected + " is required");
  }
}
