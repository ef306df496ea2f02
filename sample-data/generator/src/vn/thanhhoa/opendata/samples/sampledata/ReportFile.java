package vn.thanhhoa.opendata.samples.sampledata;

import java.util.ArrayList;
import java.util.List;

/** A commune-report file being assembled. */
final class ReportFile {
  final String name;
  final ReportStyle style;
  final List<ReportRow> rows = new ArrayList<>();
  String fileRule;
  String fileWhat;

  ReportFile(String name, ReportStyle style) {
    this.name = name;
    this.style = style;
  }

  ReportRow row(String code) {
    return rows.stream()
        .filter(r -> r.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no row for " + code));
  }

  /** The code of the i-th row (used to pick ordinary communes for deliberate errors). */
  String codeAt(int index) {
    return rows.get(index).code;
  }

  void rejectWhole(String rule, String what) {
    fileRule = rule;
    fileWhat = what;
  }
}
