package vn.thanhhoa.opendata.ingest;

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

/**
 * Reads a column's months, dates and timestamps in the formats its schema accepts, the first that
 * fits; null where none does. The commonest shapes are read without a formatter.
 */
final class ColumnDates {
  private static final String ISO_OFFSET = "iso-offset";
  private static final DateTimeFormatter ISO_DATE = strict("uuuu-MM-dd");

  private final List<String> formats;
  private final List<DateTimeFormatter> formatters;
  private final ZoneId zone;

  ColumnDates(List<String> formats, ZoneId zone) {
    this.formats = formats;
    this.formatters = formats.stream().map(ColumnDates::formatter).toList();
    this.zone = zone;
  }

  /** The month as {@code yyyy-MM}, or null. */
  String month(String text) {
    for (DateTimeFormatter f : formatters) {
      try {
        return YearMonth.parse(text, f).toString();
      } catch (DateTimeException e) {
        // try the next accepted format
      }
    }
    return null;
  }

  /** The date (ISO where the schema names no format), or null. */
  LocalDate date(String text) {
    if (formatters.isEmpty()) {
      LocalDate plain = plainDate(text);
      if (plain != null) {
        return plain;
      }
    }
    try {
      return LocalDate.parse(text, formatters.isEmpty() ? ISO_DATE : formatters.get(0));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The instant, a local time read in the source's zone; or null. */
  Instant timestamp(String text) {
    if (formats.contains(ISO_OFFSET)) {
      Instant plain = IsoTimestamps.plainOffset(text);
      if (plain != null) {
        return plain;
      }
    }
    for (int i = 0; i < formatters.size(); i++) {
      try {
        return instant(text, formats.get(i), formatters.get(i));
      } catch (DateTimeException e) {
        // try the next accepted format
      }
    }
    return null;
  }

  private Instant instant(String text, String format, DateTimeFormatter formatter) {
    return switch (format) {
      case ISO_OFFSET -> OffsetDateTime.parse(text, formatter).toInstant();
      default -> LocalDateTime.parse(text, formatter).atZone(zone).toInstant();
    };
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

  private static DateTimeFormatter formatter(String format) {
    return switch (format) {
      case ISO_OFFSET -> DateTimeFormatter.ISO_OFFSET_DATE_TIME;
      case "iso-local" -> DateTimeFormatter.ISO_LOCAL_DATE_TIME;
      default -> strict(format.replace('y', 'u'));
    };
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
