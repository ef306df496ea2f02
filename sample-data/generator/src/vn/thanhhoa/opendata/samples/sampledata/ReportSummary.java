package vn.thanhhoa.opendata.samples.sampledata;

import java.util.List;
import java.util.SortedMap;

/** What the commune-report files hold, for the README. */
record ReportSummary(
    List<FileInfo> files, List<ReportMonthTotals> months, SortedMap<String, ReportFigures> rows) {}
