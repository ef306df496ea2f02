package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/** Writes {@code ocop-listings/}: one file per day, most gzip-compressed. */
final class OcopListingsWriter {
  static final String SOURCE = "ocop-listings";

  private static final Set<LocalDate> PLAIN =
      Set.of(
          LocalDate.of(2025, 1, 1),
          LocalDate.of(2025, 4, 1),
          LocalDate.of(2025, 7, 1),
          LocalDate.of(2025, 9, 23),
          LocalDate.of(2025, 10, 31));

  /** Written uncompressed under its usual {@code .jsonl.gz} name. */
  static final LocalDate MISNAMED = LocalDate.of(2025, 6, 12);

  /** A plain day written with lone CR line ends (an old Mac export). */
  static final LocalDate CR_ONLY = LocalDate.of(2025, 9, 23);

  /** Uploaded a second time as {@code "<day> (1).jsonl.gz"}, cut off at half its bytes. */
  static final LocalDate CUT_OFF = LocalDate.of(2025, 8, 5);

  private final OcopDays days;

  OcopListingsWriter(Reference ref, OcopModel model, Catalog catalog, Path root) {
    this.days = new OcopDays(ref, model, catalog, root, PLAIN);
  }

  OcopSummary writeAll() {
    new OcopTrickyCases(days).write();
    new OcopBadRecords(days).write();
    new OcopAccidents(days).write();
    CutOff cutOff = new OcopCutOffUpload(days).write(days.day(CUT_OFF));
    days.writeAll();
    return days.summary(cutOff);
  }
}
