package vn.thanhhoa.opendata.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.testing.SparkTest;

/**
 * Later submissions replace earlier ones; ties go to the later file name; duplicates count once.
 */
class KeyResolutionTest extends SparkTest {
  private static final SourceSchema.KeySpec KEY =
      new SourceSchema.KeySpec(List.of("commune_code", "period"), "submitted_at");
  private static final StructType SCHEMA =
      new StructType()
          .add("commune_code", DataTypes.StringType)
          .add("period", DataTypes.StringType)
          .add("submitted_at", DataTypes.TimestampType)
          .add("population", DataTypes.LongType)
          .add(ParsedRecords.FILE, DataTypes.StringType)
          .add(ParsedRecords.LINE, DataTypes.LongType);

  private Dataset<Row> frame(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark().createDataFrame(list, SCHEMA);
  }

  private static Object[] r(
      String code, String period, String at, long population, String file, long line) {
    return new Object[] {code, period, Instant.parse(at), population, file, line};
  }

  @Test
  void theLatestSubmissionWinsWhateverTheFileOrder() {
    Dataset<Row> input =
        frame(
            r("14758", "2025-08", "2025-09-05T03:00:00Z", 100, "b.csv", 2),
            r("14758", "2025-08", "2025-09-06T03:00:00Z", 120, "a-correction.csv", 2),
            r("14758", "2025-09", "2025-10-05T03:00:00Z", 130, "b.csv", 3));
    assertDataFrameNoOrderEquals(
        frame(
            r("14758", "2025-08", "2025-09-06T03:00:00Z", 120, "a-correction.csv", 2),
            r("14758", "2025-09", "2025-10-05T03:00:00Z", 130, "b.csv", 3)),
        KeyResolution.latest(input, KEY));
  }

  @Test
  void anExactTieGoesToTheLaterFileNameThenTheLaterLine() {
    Dataset<Row> input =
        frame(
            r("14758", "2025-08", "2025-09-05T03:00:00Z", 100, "2025-08_a.csv", 9),
            r("14758", "2025-08", "2025-09-05T03:00:00Z", 110, "2025-08_b.csv", 2),
            r("14797", "2025-08", "2025-09-05T03:00:00Z", 200, "x.csv", 2),
            r("14797", "2025-08", "2025-09-05T03:00:00Z", 201, "x.csv", 5));
    assertDataFrameNoOrderEquals(
        frame(
            r("14758", "2025-08", "2025-09-05T03:00:00Z", 110, "2025-08_b.csv", 2),
            r("14797", "2025-08", "2025-09-05T03:00:00Z", 201, "x.csv", 5)),
        KeyResolution.latest(input, KEY));
  }

  @Test
  void exactDuplicatesCountOnce() {
    Dataset<Row> input =
        frame(
            r("14758", "2025-08", "2025-09-05T03:00:00Z", 100, "a.csv", 2),
            r("14758", "2025-08", "2025-09-05T03:00:00Z", 100, "a.csv", 3));
    assertDataFrameNoOrderEquals(
        frame(r("14758", "2025-08", "2025-09-05T03:00:00Z", 100, "a.csv", 3)),
        KeyResolution.latest(input, KEY));
  }
}
