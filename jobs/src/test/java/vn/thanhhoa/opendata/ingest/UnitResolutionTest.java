package vn.thanhhoa.opendata.ingest;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.testing.SparkTest;

/** Codes and names are looked up on the unit list valid at the row's period, across the reform. */
class UnitResolutionTest extends SparkTest {
  private static final AdminUnits UNITS = AdminUnits.load(CONFIG.adminUnits());
  private static final StructType RESULT = new StructType()
      .add(ParsedRecords.LINE, DataTypes.LongType)
      .add("commune_code", DataTypes.StringType)
      .add(ParsedRecords.RULE, DataTypes.StringType);

  private static String row(String period, String code, String name, String district) {
    return period + "," + code + "," + name + "," + district
        + ",05/08/2025 10:00,1000,300,3,9,10,10,80,100,Có,";
  }

  private Dataset<Row> resolve(String... rows) {
    String text = LandingFileReaderTest.EN_HEADER + "\n" + String.join("\n", rows) + "\n";
    Parsed parsed = Parsed.read(LandingFileReaderTest.REPORTS, "commune-reports/t.csv", text.getBytes(StandardCharsets.UTF_8));
    Dataset<Row> frame = spark().createDataFrame(parsed.rows(), parsed.schema());
    return UnitResolution.apply(frame, UNITS.dimension(spark()), LandingFileReaderTest.REPORTS, UNITS.earliest())
        .filter(col(ParsedRecords.KIND).equalTo(ParsedRecords.KIND_RECORD))
        .select(ParsedRecords.LINE, "commune_code", ParsedRecords.RULE);
  }

  private Dataset<Row> expected(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark().createDataFrame(list, RESULT);
  }

  @Test
  void aCodeIsValidOnlyWithTheListOfItsPeriod() {
    Dataset<Row> actual = resolve(
        row("2025-06", "14758", "Phường Đông Thọ", "Thành phố Thanh Hóa"),
        row("2025-07", "14758", "Phường Hàm Rồng", ""),
        row("2025-07", "14755", "Phường Hàm Rồng", ""),
        row("2025-02", "16387", "Xã Đông Khê", "Thành phố Thanh Hóa"),
        row("2024-12", "14755", "Phường Hàm Rồng", "Thành phố Thanh Hóa"),
        row("2024-12", "", "Phường Hàm Rồng", "Thành phố Thanh Hóa"));
    assertDataFrameNoOrderEquals(expected(
        new Object[] {2L, "14758", null},
        new Object[] {3L, "14758", null},
        new Object[] {4L, "14755", "unknown-commune-code"},
        new Object[] {5L, "16387", "unknown-commune-code"},
        new Object[] {6L, "14755", "unit-list-unavailable"},
        new Object[] {7L, null, "unit-list-unavailable"}), actual);
  }

  @Test
  void aBlankCodeIsResolvedByNameAndDistrictOnTheRightList() {
    Dataset<Row> actual = resolve(
        row("2025-07", "", "Phường Hàm Rồng", ""),
        row("2025-06", "", "Phường Hàm Rồng", "Thành phố Thanh Hóa"),
        row("2025-03", "", "Xã Xuân Lộc", "Huyện Triệu Sơn"),
        row("2025-03", "", "Xuân Lộc", "Triệu Sơn"),
        row("2025-03", "", "Xã Xuân Lộc", ""),
        row("2025-03", "", "Xã Xuân Lộc", "Huyện Thọ Xuân"),
        row("2025-09", "", "Xã Thiệu Hoá", ""),
        row("2025-09", "", "Xã Không Có", ""),
        row("2025-09", "", "", ""));
    assertDataFrameNoOrderEquals(expected(
        new Object[] {2L, "14758", null},
        new Object[] {3L, "14755", null},
        new Object[] {4L, "15736", null},
        new Object[] {5L, "15736", null},
        new Object[] {6L, null, "ambiguous-commune-name"},
        new Object[] {7L, null, "unresolved-commune-name"},
        new Object[] {8L, "15772", null},
        new Object[] {9L, null, "unresolved-commune-name"},
        new Object[] {10L, null, "unresolved-commune-name"}), actual);
  }

  @Test
  void rowsThatAlreadyBrokeARuleKeepIt() {
    Dataset<Row> actual = resolve(row("2025-07", "14755", "Phường Hàm Rồng", "").replace(",1000,", ",-1,"));
    assertDataFrameNoOrderEquals(expected(new Object[] {2L, null, "out-of-range"}), actual);
  }
}
