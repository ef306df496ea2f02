package vn.thanhhoa.opendata.publish;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** CKAN's timestamps: Python's isoformat() of naive UTC values, microseconds only when non-zero. */
public final class CkanTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private CkanTime() {}

  public static String format(Instant instant) {
    LocalDateTime utc =
        LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    return (utc.getNano() == 0 ? SECONDS : MICROS).format(utc);
  }
}
