package vn.thanhhoa.opendata.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.core.SourceReport;

/**
 * {@code chat-luong-du-lieu}: rows per source and rule from the ingest counts. Its run id is a hash
 * of the landing files' names and contents, so the same input publishes the same rows.
 */
final class DataQuality implements DatasetTransform {
  @Override
  public Dataset<Row> build(TransformInputs in) {
    return from(in.spark(), in.ingestReports());
  }

  private static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("rule", DataTypes.StringType)
          .add("rows", DataTypes.LongType)
          .add("rows_read", DataTypes.LongType)
          .add("share_pct", DataTypes.createDecimalType(5, 2))
          .add("files", DataTypes.LongType);

  static Dataset<Row> from(SparkSession spark, List<SourceReport> sources) {
    String runId = inputId(sources);
    List<Row> rows = new ArrayList<>();
    for (SourceReport s : sources) {
      Map<String, Long> byRule = new TreeMap<>(s.quarantinedByRule());
      byRule.put("accepted", s.rowsAccepted());
      byRule.forEach(
          (rule, n) ->
              rows.add(
                  RowFactory.create(
                      runId,
                      s.source(),
                      rule,
                      n,
                      s.rowsRead(),
                      share(n, s.rowsRead()),
                      (long) s.files())));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static BigDecimal share(long n, long total) {
    return total == 0
        ? null
        : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
  }

  /** "in-" and 16 hex digits of the sha256 of every file's name and sha256, in name order. */
  public static String inputId(List<SourceReport> sources) {
    MessageDigest digest = Sha256.digest();
    Map<String, String> files = new TreeMap<>();
    sources.forEach(s -> s.fileReports().forEach(f -> files.put(f.file(), f.sha256())));
    files.forEach((name, sha) -> Sha256.line(digest, name + " " + sha));
    return "in-" + Sha256.hex(digest).substring(0, 16);
  }
}
