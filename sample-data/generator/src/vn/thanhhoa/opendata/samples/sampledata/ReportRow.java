package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One record of a commune-report file: canonical cells plus how it deviates (if at all). */
final class ReportRow {
  final String code;
  final YearMonth month;
  final ReportFigures figures;
  final LocalDateTime submitted;
  final Map<String, String> cells = new LinkedHashMap<>();
  final List<String> extraFields = new ArrayList<>();
  int dropFields;
  String extraValue = "";
  String rule;
  String what;
  String tricky;
  String expect;

  ReportRow(String code, YearMonth month, ReportFigures figures, LocalDateTime submitted) {
    this.code = code;
    this.month = month;
    this.figures = figures;
    this.submitted = submitted;
  }

  ReportRow bad(String ruleId, String description) {
    rule = ruleId;
    what = description;
    return this;
  }

  ReportRow tricky(String description, String expectation) {
    tricky = description;
    expect = expectation;
    return this;
  }

  String name() {
    return cells.get(ReportColumns.NAME);
  }

  List<String> fields(ReportStyle style) {
    List<String> fields = new ArrayList<>();
    for (String c : style.columns()) {
      fields.add(cells.getOrDefault(c, ""));
    }
    if (style.extraHeader != null) {
      fields.add(extraValue);
    }
    style.emptyColumns.forEach(c -> fields.add(""));
    for (int i = 0; i < dropFields; i++) {
      fields.remove(fields.size() - 1);
    }
    fields.addAll(extraFields);
    return fields;
  }
}
