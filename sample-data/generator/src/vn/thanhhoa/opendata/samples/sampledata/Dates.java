package vn.thanhhoa.opendata.samples.sampledata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The covered months and the reform date. */
final class Dates {
  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final ZoneOffset PLUS7 = ZoneOffset.ofHours(7);
  static final YearMonth FIRST = YearMonth.of(2025, 1);
  static final YearMonth LAST = YearMonth.of(2025, 10);
  static final YearMonth REFORM = YearMonth.of(2025, 7);
  static final LocalDate FIRST_DAY = FIRST.atDay(1);
  static final LocalDate LAST_DAY = LAST.atEndOfMonth();
  static final DateTimeFormatter ISO_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private Dates() {}

  static List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  static boolean preReform(YearMonth m) {
    return m.isBefore(REFORM);
  }

  static boolean preReform(LocalDate d) {
    return d.isBefore(REFORM.atDay(1));
  }

  static Instant local(LocalDateTime t) {
    return t.atZone(HCM).toInstant();
  }
}
