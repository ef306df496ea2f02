package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.SourceReport.FileReport;

/**
 * Adds the outcomes of an ingest's files up into the source's report, on top of the files of a
 * previous report (an incremental ingest carries them over).
 */
final class ReportTally {
  private final List<FileReport> files = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Long> byRule = new TreeMap<>();

  /**
   * @param previous the report whose files are carried over; null for none
   */
  ReportTally(SourceReport previous) {
    if (previous != null) {
      files.addAll(previous.fileReports());
      warnings.addAll(previous.warnings());
      byRule.putAll(previous.quarantinedByRule());
    }
  }

  /** Adds the outcomes in their map's order (their warnings in that order). */
  ReportTally add(Map<String, FileOutcome> outcomes) {
    for (FileOutcome f : outcomes.values()) {
      files.add(f.report());
      warnings.addAll(f.warnings());
      if (f.report().rejection() != null) {
        warnings.add(f.report().rejection());
      }
      f.quarantinedByRule().forEach((rule, n) -> byRule.merge(rule, n, Long::sum));
    }
    return this;
  }

  SourceReport report(String source, long staged, String schemaSha256) {
    files.sort(Comparator.comparing(FileReport::file));
    long read = total(FileReport::rowsRead);
    long accepted = total(FileReport::rowsAccepted);
    long quarantined = total(FileReport::rowsQuarantined);
    int rejected = (int) files.stream().filter(f -> f.rejectedBy() != null).count();
    return new SourceReport(
        source,
        files.size(),
        rejected,
        read,
        accepted,
        quarantined,
        byRule,
        accepted - staged,
        staged,
        warnings,
        files,
        schemaSha256);
  }

  private long total(ToLongFunction<FileReport> count) {
    return files.stream().mapToLong(count).sum();
  }
}
