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
    SparkConf conf = new SparkConf()
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
}
