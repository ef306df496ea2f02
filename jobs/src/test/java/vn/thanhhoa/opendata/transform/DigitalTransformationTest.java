package vn.thanhhoa.opendata.transform;

import static vn.thanhhoa.opendata.testing.TinyProvince.report;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.testing.SparkTest;
import vn.thanhhoa.opendata.testing.TinyProvince;

/** chuyen-doi-so-cap-xa: names of the period's own units, the new commune, rates from counts. */
class DigitalTransformationTest extends SparkTest {
  private static final StructType RESULT =
      new StructType()
          .add("period", DataTypes.StringType)
          .add("commune_code", DataTypes.StringType)
          .add("commune_name", DataTypes.StringType)
          .add("commune_code_2025", DataTypes.StringType)
          .add("members_per_team", DataTypes.createDecimalType(9, 2))
          .add("online_on_time_pct", DataTypes.createDecimalType(5, 2))
          .add("smartphone_users_pct", DataTypes.createDecimalType(5, 2));

  @Test
  void aReusedCodeGetsTheNameOfItsPeriodAndRatesComeFromCounts() {
    List<Row> reports =
        List.of(
            report("2025-06", "00001", 1000, 3, 2, "78.555", true),
            report("2025-06", "00006", 1000, 0, 0, "10", true),
            report("2025-07", "00001", 1000, 7, 7, "80", true));
    Dataset<Row> actual =
        DigitalTransformation.from(
                spark().createDataFrame(reports, TinyProvince.stagingSchema("commune-reports")),
                TinyProvince.UNITS.dimension(spark()))
            .select(
                "period",
                "commune_code",
                "commune_name",
                "commune_code_2025",
                "members_per_team",
                "online_on_time_pct",
                "smartphone_users_pct");
    assertDataFrameNoOrderEquals(
        frame(
            RESULT,
            // 7 members / 2 teams; 2 of 3 on time = 66.67 (half-up); 78.555 % rounds to 78.56
            new Object[] {
              "2025-06",
              "00001",
              "Xã A",
              "00001",
              new BigDecimal("3.50"),
              new BigDecimal("66.67"),
              new BigDecimal("78.56")
            },
            // no dossiers received: no on-time rate rather than a division by zero
            new Object[] {
              "2025-06",
              "00006",
              "Xã F",
              "00006",
              new BigDecimal("3.50"),
              null,
              new BigDecimal("10.00")
            },
            new Object[] {
              "2025-07",
              "00001",
              "Xã Một",
              "00001",
              new BigDecimal("3.50"),
              new BigDecimal("100.00"),
              new BigDecimal("80.00")
            }),
        relaxed(actual));
  }
}
