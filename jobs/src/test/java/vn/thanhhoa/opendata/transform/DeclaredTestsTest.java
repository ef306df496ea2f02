package vn.thanhhoa.opendata.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.testing.SparkTest;
import vn.thanhhoa.opendata.testing.TinyProvince;

/** The declared tests pass on good rows, and each fails on rows that break it. */
class DeclaredTestsTest extends SparkTest {
  private static final DatasetSpec SPEC =
      new DatasetSpec(
          "toy",
          new DatasetSpec.Text("vi", "en"),
          new DatasetSpec.Text("vi", "en"),
          List.of(),
          List.of(),
          "monthly",
          "cc-by",
          "Toy",
          List.of(),
          "commune × month",
          "xã × tháng",
          List.of("period", "commune_code"),
          null,
          List.of(
              column("period", "month", null, null),
              column("commune_code", "string", null, "period"),
              column("commune_name", "string", true, null),
              column("commune_code_2025", "string", null, "today")));

  private static final Row A_JUNE = RowFactory.create("2025-06", "00001", "Xã A", "00001");
  private static final Row B_JUNE = RowFactory.create("2025-06", "00002", "Xã B", "00001");
  private static final Row SIX_JULY = RowFactory.create("2025-07", "00006", "Xã Sáu", "00006");

  private static DatasetSpec.Column column(String name, String type, Boolean required, String on) {
    return new DatasetSpec.Column(name, type, null, name, name, null, required, on);
  }

  private long verify(Row... rows) {
    Dataset<Row> frame = spark().createDataFrame(List.of(rows), SPEC.schema());
    return tests().verify(DatasetFiles.conform(frame, SPEC));
  }

  private static DeclaredTests tests() {
    return new DeclaredTests(SPEC, new UnitCodes(TinyProvince.UNITS));
  }

  private String failure(Row... rows) {
    return assertThrows(IllegalStateException.class, () -> verify(rows)).getMessage();
  }

  @Test
  void rowsThatKeepEveryRulePassAndAreCounted() {
    assertEquals(3, verify(A_JUNE, B_JUNE, SIX_JULY));
  }

  @Test
  void noRowsPass() {
    assertEquals(0, verify());
  }

  @Test
  void keysRepeatedFarApartAreFoundAndEveryRowSharingOneIsCounted() {
    assertEquals(
        "Cannot publish toy: key period, commune_code: unique: 5 rows share a key, e.g. "
            + "(2025-06, 00001) (2025-06, 00002)",
        failure(B_JUNE, A_JUNE, SIX_JULY, A_JUNE, B_JUNE, A_JUNE));
  }

  @Test
  void rowsNotGatheredInKeyOrderAreRefused() {
    Dataset<Row> spread =
        spark().createDataFrame(List.of(A_JUNE, B_JUNE), SPEC.schema()).repartition(2);
    assertThrows(IllegalStateException.class, () -> tests().verify(spread));
  }

  @Test
  void aRepeatedKeyFailsUnique() {
    assertEquals(
        "Cannot publish toy: key period, commune_code: unique: 2 rows share a key, e.g. "
            + "(2025-06, 00002)",
        failure(A_JUNE, B_JUNE, B_JUNE));
  }

  @Test
  void aNullInARequiredColumnFailsNotNull() {
    assertEquals(
        "Cannot publish toy: column commune_name: not_null: 1 rows, e.g. (2025-06, 00002)",
        failure(A_JUNE, RowFactory.create("2025-06", "00002", null, "00001")));
  }

  @Test
  void aNullInAKeyColumnFailsNotNull() {
    assertEquals(
        "Cannot publish toy: column period: not_null: 1 rows, e.g. (null, 00001)",
        failure(RowFactory.create(null, "00001", "Xã A", "00001"), B_JUNE));
  }

  @Test
  void aCodeNotValidInItsMonthFailsUnitExists() {
    assertEquals(
        "Cannot publish toy: column commune_code: unit_exists: 1 rows, e.g. (00002, 2025-07)",
        failure(A_JUNE, SIX_JULY, RowFactory.create("2025-07", "00002", "Xã B", "00001")));
  }

  @Test
  void aCodeThatIsNoUnitOfTodayFailsUnitExists() {
    assertEquals(
        "Cannot publish toy: column commune_code_2025: unit_exists: 2 rows, e.g. (00002) (00004)",
        failure(
            RowFactory.create("2025-06", "00002", "Xã B", "00002"),
            RowFactory.create("2025-06", "00004", "Xã D", "00004"),
            SIX_JULY));
  }

  @Test
  void everyBrokenRuleIsNamed() {
    String message = failure(B_JUNE, B_JUNE, RowFactory.create("2025-07", "00002", null, "x"));
    assertEquals(
        List.of(
            "Cannot publish toy: key period, commune_code: unique: 2 rows share a key, e.g. "
                + "(2025-06, 00002)",
            "column commune_name: not_null: 1 rows, e.g. (2025-07, 00002)",
            "column commune_code: unit_exists: 1 rows, e.g. (00002, 2025-07)",
            "column commune_code_2025: unit_exists: 1 rows, e.g. (x)"),
        List.of(message.split("; ")));
  }
}
