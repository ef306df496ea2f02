package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick reading of the common timestamp shape never disagrees with the ISO formatter. */
class IsoTimestampsTest {
  @Test
  void whereItReadsAValueTheFormatterReadsTheSameInstant() {
    List<String> samples =
        List.of(
            "2025-11-20T22:05:00+07:00",
            "2025-02-29T10:00:00+07:00",
            "2024-02-29T10:00:00+07:00",
            "2025-12-31T23:59:59-00:00",
            "2025-06-31T00:00:00+07:00",
            "2025-01-01T24:00:00+07:00",
            "2025-01-01T00:00:60+07:00",
            "2025-01-01T00:00:00+19:00",
            "2025-01-01T00:00:00+07:60",
            "2025-01-01 00:00:00+07:00",
            "2025-01-01T00:00:00Z",
            "2025-01-01T00:00:00.5+07:00",
            "0000-01-01T00:00:00+00:00",
            "2025-13-01T00:00:00+07:00");
    samples.forEach(IsoTimestampsTest::agrees);
    Random random = new Random(11);
    char[] alphabet = "0123456789-+:T ".toCharArray();
    for (int n = 0; n < 50_000; n++) {
      char[] t = "2025-11-20T22:05:00+07:00".toCharArray();
      for (int k = random.nextInt(3); k >= 0; k--) {
        t[random.nextInt(t.length)] = alphabet[random.nextInt(alphabet.length)];
      }
      agrees(new String(t));
    }
  }

  private static void agrees(String text) {
    Instant quick = IsoTimestamps.plainOffset(text);
    Instant formatted;
    try {
      formatted = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      assertNull(quick, text);
      return;
    }
    if (quick != null) {
      assertEquals(formatted, quick, text);
    }
  }
}
