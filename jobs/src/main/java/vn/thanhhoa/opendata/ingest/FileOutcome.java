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
    Set<String> periods,
    InFile inFile)
    implements Serializable {

  public FileOutcome {
    quarantinedByRule = new TreeMap<>(quarantinedByRule);
    warnings = List.copyOf(warnings);
    quarantined = List.copyOf(quarantined);
    periods = new TreeSet<>(periods);
  }

  /**
   * The accepted rows that went on to staging: those a later row of the same file did not replace.
   */
  public long passedOn() {
    return report.rowsAccepted() - inFile.replaced();
  }

  /**
   * How the file's accepted rows were resolved in the file ({@link LatestInFile}): whether no key
   * occurs twice among those passed on, how many a later row of the file replaced, and the key
   * dates of them all.
   */
  public record InFile(boolean resolved, long replaced, Set<String> keyDates)
      implements Serializable {
    /** A file whose rows were passed on as read. */
    public static final InFile AS_READ = new InFile(false, 0, Set.of());

    public InFile {
      keyDates = new TreeSet<>(keyDates);
    }
  }

  /**
   * One quarantined record: where it is (a workbook's also names its sheet, the line being the
   * sheet's row number), the rule it broke and its raw text.
   */
  public record Quarantined(
      String file, String sheet, long line, String rule, String column, String message, String raw)
      implements Serializable {}
}
