package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.testing.SparkTest;
import vn.thanhhoa.opendata.testing.TinyProvince;

/** Records read = accepted + quarantined, with the read side counted by the reader itself. */
class RowConservationTest extends SparkTest {
  private static final String FILE = "commune-reports/f.csv";
  private static final byte[] CSV = (LandingFileReaderTest.EN_HEADER + "\n" + LandingFileReaderTest.ROW + "\n"
      + LandingFileReaderTest.ROW.replace("2025-03", "2025-13") + "\n" + LandingFileReaderTest.ROW.replace("2025-03", "2025-04")
      + "\n").getBytes(StandardCharsets.UTF_8);

  private final SourceIngest ingest = new SourceIngest(spark(), LandingFileReaderTest.REPORTS, TinyProvince.UNITS);

  private SourceReport.FileReport counted(List<Row> rows) {
    var frame = spark().createDataFrame(rows, ParsedRecords.schema(LandingFileReaderTest.REPORTS));
    return ingest.report(ingest.counted(frame), 0, null).fileReports().get(0);
  }

  @Test
  void theReaderCountsTheRecordsItMadeAndEveryOneIsAcceptedOrQuarantined() {
    Parsed parsed = Parsed.read(LandingFileReaderTest.REPORTS, FILE, CSV);
    assertEquals(3L, parsed.get(parsed.file(), ParsedRecords.RECORDS));
    SourceReport.FileReport report = counted(parsed.rows());
    assertEquals(3, report.rowsRead());
    assertEquals(report.rowsRead(), report.rowsAccepted() + report.rowsQuarantined());
    assertEquals(1, report.rowsQuarantined(), "2025-13 is not a month");
  }

  @Test
  void aRecordLostOnTheWayStopsTheRunNamingTheFile() {
    List<Row> rows = new ArrayList<>(Parsed.read(LandingFileReaderTest.REPORTS, FILE, CSV).rows());
    rows.remove(0);
    IllegalStateException lost = assertThrows(IllegalStateException.class, () -> counted(rows));
    Assertions.assertTrue(lost.getMessage().contains(FILE + ": its reader read 3 record(s), but 1 were accepted and 1 quarantined"),
        lost.getMessage());
  }

  @Test
  void aRecordDuplicatedOnTheWayStopsTheRunToo() {
    List<Row> rows = new ArrayList<>(Parsed.read(LandingFileReaderTest.REPORTS, FILE, CSV).rows());
    rows.add(rows.get(0)); // as a join matching two units would
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> counted(rows));
    Assertions.assertTrue(twice.getMessage().contains("read 3 record(s), but 3 were accepted and 1 quarantined"),
        twice.getMessage());
  }
}
