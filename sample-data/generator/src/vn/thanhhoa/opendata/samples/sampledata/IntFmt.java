package vn.thanhhoa.opendata.samples.sampledata;

enum IntFmt {
  PLAIN("12345", ""),
  DOT("12.345", "."),
  SPACE("12 345", " ");

  final String label;
  final String separator;

  IntFmt(String label, String separator) {
    this.label = label;
    this.separator = separator;
  }

  String format(long v) {
    String digits = Long.toString(Math.abs(v));
    if (separator.isEmpty() || digits.length() <= 3) {
      return Long.toString(v);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(separator);
      }
      sb.append(digits.charAt(i));
    }
    return (v < 0 ? "-" : "") + sb;
  }
}
