package vn.thanhhoa.opendata.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.thanhhoa.opendata.core.SourceReport;

/**
 * What reading one landing file gave, apart from its accepted rows (those go on to staging): the
 * file's report, its counts per rule, its warnings, its quarantined records and the periods
 * (staging partitions) of its accepted ones.
 */
public record FileOutcome(
    SourceReport.FileReport report,
    Map<String, Long> quarantinedByRule,
    List<String> warnings,
    List<Quarantined> quarantined,
    Set<String> periods)
    implements Serializable {

  public FileOutcome {
    quarantinedByRule = new TreeMap<>(quarantinedByRule);
    warnings = List.copyOf(warnings);
    quarantined = List.copyOf(quarantined);
    periods = new TreeSet<>(periods);
  }

  /**
   * One quarantined record: where it is (a workbook's also names its sheet, the line being the
   * sheet's row number), the rule it broke and its raw text.
   */
  public record Quarantined(
      String file, String sheet, long line, String rule, String column, String message, String raw)
      implements Serializable {}
}
