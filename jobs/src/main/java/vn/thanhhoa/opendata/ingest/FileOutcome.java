package vn.thanhhoa.opendata.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading one landing file gave, apart from its accepted rows (those go on to staging):
 * the file's facts, its counts per rule, its warnings, its quarantined records and the periods
 * (staging partitions) of its accepted ones.
 */
public record FileOutcome(
    String file,
    long bytes,
    long modified,
    String sha256,
    String encoding,
    long rowsRead,
    long rowsAccepted,
    Map<String, Long> quarantinedByRule,
    String rejectedBy,
    String rejection,
    List<String> warnings,
    List<Quarantined> quarantined,
    java.util.Set<String> periods) implements Serializable {

  public FileOutcome {
    quarantinedByRule = new TreeMap<>(quarantinedByRule);
    warnings = List.copyOf(warnings);
    quarantined = List.copyOf(quarantined);
    periods = new java.util.TreeSet<>(periods);
  }

  long rowsQuarantined() {
    return quarantined.size();
  }

  SourceReport.FileReport report() {
    return new SourceReport.FileReport(file, bytes, modified, sha256, encoding, rowsRead, rowsAccepted,
        rowsQuarantined(), rejectedBy, rejection);
  }

  /** One quarantined record: where it is, the rule it broke and its raw text. */
  public record Quarantined(String file, long line, String rule, String column, String message, String raw)
      implements Serializable {}
}
