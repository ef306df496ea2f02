package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Records read = accepted + quarantined, with the read side counted by the reader itself. */
class RowConservationTest {
  private static final String FILE = "commune-reports/f.csv";
  private static final byte[] CSV =
      (LandingFileReaderTest.EN_HEADER
              + "\n"
              + LandingFileReaderTest.ROW
              + "\n"
              + LandingFileReaderTest.ROW.replace("2025-03", "2025-13")
              + "\n"
              + LandingFileReaderTest.ROW.replace("2025-03", "2025-04")
              + "\n")
          .getBytes(StandardCharsets.UTF_8);

  /**
   * The file's outcome after its rows went through classification; {@code accepted} gets the rows
   * passed on.
   */
  private static Map<String, FileOutcome> classified(List<Row> rows, List<Row> accepted) {
    return Parsed.classified(LandingFileReaderTest.REPORTS, rows, accepted);
  }

  @Test
  void theReaderCountsTheRecordsItMadeAndEveryOneIsAcceptedOrQuarantined() {
    Parsed parsed = Parsed.read(LandingFileReaderTest.REPORTS, FILE, CSV);
    assertEquals(3L, parsed.get(parsed.file(), ParsedRecords.RECORDS));
    List<Row> accepted = new ArrayList<>();
    FileOutcome outcome = classified(parsed.rows(), accepted).get(FILE);
    RowConservation.check(Map.of(FILE, outcome), accepted.size());
    assertEquals(3, outcome.report().rowsRead());
    assertEquals(
        outcome.report().rowsRead(),
        outcome.report().rowsAccepted() + outcome.report().rowsQuarantined());
    assertEquals(1, outcome.report().rowsQuarantined(), "2025-13 is not a month");
  }

  @Test
  void aRecordLostOnTheWayStopsTheRunNamingTheFile() {
    List<Row> rows = new ArrayList<>(Parsed.read(LandingFileReaderTest.REPORTS, FILE, CSV).rows());
    rows.remove(0);
    Map<String, FileOutcome> outcomes = classified(rows, new ArrayList<>());
    IllegalStateException lost =
        assertThrows(IllegalStateException.class, () -> RowConservation.check(outcomes, 1));
    assertTrue(
        lost.getMessage()
            .contains(
                FILE + ": its reader read 3 record(s), but 1 were accepted and 1 quarantined"),
        lost.getMessage());
  }

  @Test
  void aRecordDuplicatedOnTheWayStopsTheRunToo() {
    List<Row> rows = new ArrayList<>(Parsed.read(LandingFileReaderTest.REPORTS, FILE, CSV).rows());
    rows.add(0, rows.get(0));
    Map<String, FileOutcome> outcomes = classified(rows, new ArrayList<>());
    IllegalStateException twice =
        assertThrows(IllegalStateException.class, () -> RowConservation.check(outcomes, 3));
    assertTrue(
        twice.getMessage().contains("read 3 record(s), but 3 were accepted and 1 quarantined"),
        twice.getMessage());
  }

  @Test
  void rowsLostOrAddedBetweenTheReaderAndTheStagingTableStopTheRun() {
    List<Row> accepted = new ArrayList<>();
    Map<String, FileOutcome> outcomes =
        classified(Parsed.read(LandingFileReaderTest.REPORTS, FILE, CSV).rows(), accepted);
    RowConservation.check(outcomes, 2);
    IllegalStateException joined =
        assertThrows(IllegalStateException.class, () -> RowConservation.check(outcomes, 3));
    assertTrue(
        joined
            .getMessage()
            .contains(
                "2 record(s) were accepted (not counting those a later row of their file"
                    + " replaced), but 3 reached the staging table"),
        joined.getMessage());
  }
}
