package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.SourceSchema;

/** Cross-column checks, derived columns and the first-rule-wins order. */
class RecordValidatorTest {
  private static final SourceSchema REPORTS =
      SourceSchema.load(Paths.get("schemas"), "commune-reports");
  private static final SourceSchema PAYMENTS =
      SourceSchema.load(Paths.get("schemas"), "payment-accounts");
  private static final SourceSchema OCOP = SourceSchema.load(Paths.get("schemas"), "ocop-listings");

  /** A valid report row in schema column order. */
  private static String[] report() {
    return new String[] {
      "2025-03",
      "14755",
      "Phường Hàm Rồng",
      "Thành phố Thanh Hóa",
      "05/04/2025 10:00",
      "12.345",
      "3000",
      "10",
      "30",
      "100",
      "98",
      "78,5",
      "2000",
      "Có",
      null
    };
  }

  private static String reportRule(int column, String value) {
    String[] cells = report();
    cells[column] = value;
    return assertThrows(
            RuleBreach.class,
            () -> new RecordValidator(REPORTS).fromText(cells, new boolean[cells.length]))
        .rule();
  }

  @Test
  void aValidReportPasses() throws RuleBreach {
    Object[] values = new RecordValidator(REPORTS).fromText(report(), new boolean[15]);
    assertEquals(12345L, values[5]);
  }

  @Test
  void reportChecks() {
    assertEquals("members-below-teams", reportRule(8, "9"));
    assertEquals("on-time-exceeds-received", reportRule(10, "101"));
    assertEquals("fiber-exceeds-households", reportRule(12, "3.001"));
  }

  @Test
  void theFirstRuleBrokenIsReported() {
    String[] cells = report();
    cells[5] = "abc"; // population: bad-integer
    cells[8] = "1"; // members below teams: checked after every column
    assertEquals(
        "bad-integer",
        assertThrows(
                RuleBreach.class,
                () -> new RecordValidator(REPORTS).fromText(cells, new boolean[15]))
            .rule());
  }

  @Test
  void paymentChecks() {
    String[] row = {
      "2025-08", "14758", "bank", "Agribank", "100", "5", "50", "2025-09-02T09:00:00+07:00"
    };
    String[] opened = Arrays.copyOf(row, row.length);
    opened[5] = "101";
    assertEquals(
        "opened-exceeds-total",
        assertThrows(
                RuleBreach.class,
                () -> new RecordValidator(PAYMENTS).fromText(opened, new boolean[8]))
            .rule());
    String[] active = Arrays.copyOf(row, row.length);
    active[6] = "101";
    assertEquals(
        "active-exceeds-total",
        assertThrows(
                RuleBreach.class,
                () -> new RecordValidator(PAYMENTS).fromText(active, new boolean[8]))
            .rule());
  }

  @Test
  void listingIdMustCarryItsPlatformAndCrawlDateIsLocal() throws Exception {
    ObjectNode listing = (ObjectNode) new ObjectMapper().readTree(LandingFileReaderTest.LISTING);
    listing.put("crawled_at", "2025-03-31T18:30:00Z");
    Object[] values = new RecordValidator(OCOP).fromJson(listing);
    assertEquals(
        LocalDate.of(2025, 4, 1),
        values[OCOP.stagingNames().indexOf("crawl_date")],
        "18:30 UTC is already the next day in Asia/Ho_Chi_Minh");
    assertEquals("2025-04", values[OCOP.stagingNames().indexOf("period")]);
    listing.put("listing_id", "lazada:123");
    assertEquals(
        "listing-platform-mismatch",
        assertThrows(RuleBreach.class, () -> new RecordValidator(OCOP).fromJson(listing)).rule());
  }
}
