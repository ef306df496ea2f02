package vn.thanhhoa.opendata.ingest;

import java.util.Map;
import vn.thanhhoa.opendata.core.SourceReport.FileReport;

/**
 * Rows read = rows accepted + rows quarantined, for every file, with the read side counted by the
 * reader itself; and the accepted rows, less those a later row of their own file replaced, are
 * exactly those that reached the staging write. A record lost or duplicated on the way (a join, a
 * filter) stops the run.
 */
final class RowConservation {
  private RowConservation() {}

  static void check(Map<String, FileOutcome> outcomes, long arrived) {
    long accepted = 0;
    for (FileOutcome outcome : outcomes.values()) {
      check(outcome.report());
      accepted += outcome.passedOn();
    }
    if (accepted != arrived) {
      throw new IllegalStateException(
          "Row conservation failed: "
              + accepted
              + " record(s) were accepted (not counting those a later row of their file"
              + " replaced), but "
              + arrived
              + " reached the staging table; nothing was written");
    }
  }

  private static void check(FileReport f) {
    if (f.rowsRead() != f.rowsAccepted() + f.rowsQuarantined()) {
      throw new IllegalStateException(
          "Row conservation failed for "
              + f.file()
              + ": its reader read "
              + f.rowsRead()
              + " record(s), but "
              + f.rowsAccepted()
              + " were accepted and "
              + f.rowsQuarantined()
              + " quarantined; nothing was written");
    }
  }
}
