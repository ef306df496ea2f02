package vn.thanhhoa.opendata.samples.landing;

import java.time.LocalDateTime;
import java.time.YearMonth;

/** One report, typed; formatted only once the file's layout is known. */
record Report(
    YearMonth period,
    Commune commune,
    boolean blankCode,
    LocalDateTime submitted,
    long population,
    long households,
    long teams,
    long members,
    long received,
    long onTime,
    int pctTenths,
    long fiber,
    boolean completed,
    String notes,
    ReportFault fault) {}
