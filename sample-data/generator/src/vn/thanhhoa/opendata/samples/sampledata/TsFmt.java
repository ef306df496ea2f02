package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

enum TsFmt {
  ISO_OFFSET("ISO-8601 +07:00", "yyyy-MM-dd'T'HH:mm:ss'+07:00'"),
  ISO_LOCAL("ISO-8601 without offset", "yyyy-MM-dd'T'HH:mm:ss"),
  DMY_HM("dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm");

  final String label;
  final DateTimeFormatter formatter;

  TsFmt(String label, String pattern) {
    this.label = label;
    this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
  }

  String format(LocalDateTime t) {
    return formatter.format(t);
  }
}
