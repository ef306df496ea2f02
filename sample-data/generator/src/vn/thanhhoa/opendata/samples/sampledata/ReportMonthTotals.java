package vn.thanhhoa.opendata.samples.sampledata;

import java.time.YearMonth;

/** Province totals of one month of the commune-report dataset (after resubmissions). */
record ReportMonthTotals(
    YearMonth month,
    int communes,
    long population,
    long households,
    long teams,
    long members,
    long received,
    long onTime,
    long dtCompleted) {}
