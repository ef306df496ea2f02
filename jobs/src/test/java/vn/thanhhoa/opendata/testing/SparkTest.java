package vn.thanhhoa.opendata.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.nio.file.Paths;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.Sparks;

/**
 * Base of every test that needs Spark: one local[2] session for the whole test JVM, with the
 * pipeline's own settings (time zone, java.time values, few shuffle partitions). It is never
 * stopped between classes; the JVM's exit stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SparkTest extends JavaDataFrameSuiteBase {
  public static final PipelineConfig CONFIG = PipelineConfig.load(Paths.get("conf/pipeline.yaml"));

  @Override
  public SparkConf conf() {
    SparkConf conf =
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("pipeline-tests")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1");
    Sparks.settings(CONFIG).forEach(conf::set);
    return conf.set("spark.sql.shuffle.partitions", "2");
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @BeforeAll
  void startSpark() {
    runBefore();
  }

  /** Rows of {@code values} (in {@code schema}'s column order) as a frame. */
  protected org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> frame(
      org.apache.spark.sql.types.StructType schema, Object[]... values) {
    java.util.List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
    for (Object[] v : values) {
      rows.add(org.apache.spark.sql.RowFactory.create(v));
    }
    return spark().createDataFrame(rows, schema);
  }

  /** The frame with every column nullable and no metadata, to compare content only. */
  protected org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> relaxed(
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> frame) {
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
    for (org.apache.spark.sql.types.StructField f : frame.schema().fields()) {
      schema = schema.add(f.name(), f.dataType(), true);
    }
    return spark().createDataFrame(frame.javaRDD(), schema);
  }
}
