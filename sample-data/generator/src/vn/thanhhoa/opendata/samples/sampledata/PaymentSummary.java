package vn.thanhhoa.opendata.samples.sampledata;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/** Province figures of the payment dataset, for the README. */
record PaymentSummary(
    List<FileInfo> files,
    SortedMap<String, Long> communeTotals,
    SortedMap<YearMonth, Long> totals,
    SortedMap<YearMonth, Integer> rows,
    int smallCellsOctober,
    int communesOneSmallOctober,
    int communesTwoSmallOctober,
    int smallCellsJune,
    int communesOneSmallJune) {}
