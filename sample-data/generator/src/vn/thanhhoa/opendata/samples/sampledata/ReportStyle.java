package vn.thanhhoa.opendata.samples.sampledata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import vn.thanhhoa.opendata.samples.Encoding;

/** How one commune-report file is laid out (fluent; one instance per file). */
final class ReportStyle {
  boolean vietnamese;
  List<String> order = ReportColumns.CANONICAL;
  boolean shuffled;
  char delimiter = ',';
  Encoding enc = Encoding.UTF8;
  String eol = "\n";
  PeriodFmt period = PeriodFmt.YM;
  TsFmt ts = TsFmt.ISO_OFFSET;
  IntFmt ints = IntFmt.PLAIN;
  boolean decimalComma;
  BoolFmt bools = BoolFmt.TRUE_FALSE;
  boolean districtColumn = true;
  String extraHeader;

  /** Headers of columns left over after the real ones, empty in every row (Excel's `Cột 16`…). */
  List<String> emptyColumns = List.of();

  static ReportStyle english() {
    return new ReportStyle();
  }

  static ReportStyle vietnamese() {
    ReportStyle s = new ReportStyle();
    s.vietnamese = true;
    s.bools = BoolFmt.CO_KHONG;
    return s;
  }

  ReportStyle shuffle(Random rnd) {
    List<String> cols = new ArrayList<>(ReportColumns.CANONICAL);
    Collections.shuffle(cols, rnd);
    order = List.copyOf(cols);
    shuffled = true;
    return this;
  }

  ReportStyle delimiter(char d) {
    delimiter = d;
    return this;
  }

  ReportStyle enc(Encoding e) {
    enc = e;
    return this;
  }

  ReportStyle crlf() {
    eol = "\r\n";
    return this;
  }

  ReportStyle period(PeriodFmt p) {
    period = p;
    return this;
  }

  ReportStyle ts(TsFmt t) {
    ts = t;
    return this;
  }

  ReportStyle ints(IntFmt i) {
    ints = i;
    return this;
  }

  ReportStyle decimalComma() {
    decimalComma = true;
    return this;
  }

  ReportStyle bools(BoolFmt b) {
    bools = b;
    return this;
  }

  ReportStyle withoutDistrict() {
    districtColumn = false;
    return this;
  }

  ReportStyle extraColumn(String header) {
    extraHeader = header;
    return this;
  }

  /** {@code n} empty columns named as a Vietnamese Excel names columns past the last header. */
  ReportStyle leftoverColumns(int n) {
    int first = header().size() + 1;
    List<String> names = new ArrayList<>();
    for (int c = first; c < first + n; c++) {
      names.add("Cột " + c);
    }
    emptyColumns = List.copyOf(names);
    return this;
  }

  List<String> columns() {
    return order.stream().filter(c -> districtColumn || !c.equals(ReportColumns.DISTRICT)).toList();
  }

  List<String> header() {
    List<String> header = new ArrayList<>();
    for (String c : columns()) {
      header.add(vietnamese ? ReportColumns.VIETNAMESE.get(c) : c);
    }
    if (extraHeader != null) {
      header.add(extraHeader);
    }
    header.addAll(emptyColumns);
    return header;
  }

  String formatPct(int tenths) {
    String s = (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    return decimalComma ? s.replace('.', ',') : s;
  }

  String describe() {
    String delim =
        switch (delimiter) {
          case ';' -> "`;`";
          case '\t' -> "TAB";
          default -> "`,`";
        };
    return String.join(
            ", ",
            List.of(
                (vietnamese ? "Vietnamese" : "English")
                    + " headers"
                    + (shuffled ? " (shuffled)" : ""),
                delim + (districtColumn ? "" : ", no district column"),
                enc.label(),
                eol.equals("\r\n") ? "CRLF" : "LF",
                period.label,
                ts.label,
                "`" + ints.label + "`",
                decimalComma ? "`78,5`" : "`78.5`",
                "`" + bools.label() + "`"))
        + (extraHeader == null ? "" : ", extra column `" + extraHeader + "`")
        + (emptyColumns.isEmpty()
            ? ""
            : ", "
                + emptyColumns.size()
                + " empty extra columns `"
                + emptyColumns.get(0)
                + "`…`"
                + emptyColumns.get(emptyColumns.size() - 1)
                + "`");
  }
}
