package vn.thanhhoa.opendata.samples.sampledata;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

enum PeriodFmt {
  YM("YYYY-MM", "yyyy-MM"),
  MY("MM/YYYY", "MM/yyyy");

  final String label;
  final DateTimeFormatter formatter;

  PeriodFmt(String label, String pattern) {
    this.label = label;
    this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
  }

  String format(YearMonth m) {
    return formatter.format(m);
  }
}
