package vn.thanhhoa.opendata.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one timestamp shape nearly every crawler writes, {@code 2025-11-20T22:05:00+07:00}, read
 * without the general formatter. Anything else, valid or not, is left to the formatter, which also
 * words the errors.
 */
final class IsoTimestamps {
  private IsoTimestamps() {}

  /**
   * The instant of {@code yyyy-MM-ddTHH:mm:ss±HH:mm}, or null for any other text or an invalid
   * value.
   */
  static Instant plainOffset(String t) {
    if (t.length() != 25
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || (t.charAt(19) != '+' && t.charAt(19) != '-')
        || t.charAt(22) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    int offsetHours = digits(t, 20, 2);
    int offsetMinutes = digits(t, 23, 2);
    if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
      return null;
    }
    try {
      int sign = t.charAt(19) == '-' ? -1 : 1;
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written with {@code n} ASCII digits at {@code from}, or -1. */
  private static int digits(String t, int from, int n) {
    int value = 0;
    for (int i = from; i < from + n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
