package vn.thanhhoa.opendata.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ingesting one source did, in the run report's terms: for the source and for every file, rows
 * read = rows accepted + rows quarantined.
 */
public record SourceReport(
    String source,
    int files,
    int filesRejected,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    Map<String, Long> quarantinedByRule,
    long rowsSuperseded,
    long rowsStaged,
    List<String> warnings,
    List<FileReport> fileReports,
    String schemaSha256) {

  public SourceReport {
    quarantinedByRule = new TreeMap<>(quarantinedByRule);
    warnings = List.copyOf(warnings);
    fileReports = List.copyOf(fileReports);
  }

  /** The counts of one landing file. */
  public record FileReport(
      String file,
      long bytes,
      long modified,
      String sha256,
      String encoding,
      long rowsRead,
      long rowsAccepted,
      long rowsQuarantined,
      String rejectedBy,
      String rejection)
      implements Serializable {}

  /** The same report with {@code more} warnings (each once). */
  public SourceReport withWarnings(List<String> more) {
    List<String> all = new ArrayList<>(warnings);
    more.stream().filter(w -> !all.contains(w)).forEach(all::add);
    return new SourceReport(
        source,
        files,
        filesRejected,
        rowsRead,
        rowsAccepted,
        rowsQuarantined,
        quarantinedByRule,
        rowsSuperseded,
        rowsStaged,
        all,
        fileReports,
        schemaSha256);
  }

  /** Rules by descending count, then by name: what the summary shows first. */
  public List<Map.Entry<String, Long>> topRules(int n) {
    return quarantinedByRule.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .toList();
  }
}
