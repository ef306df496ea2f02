package vn.thanhhoa.opendata.core;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession of a run, at the edge; jobs receive it, never create it. */
public final class Sparks {
  private Sparks() {}

  /** Settings every session of the pipeline needs, whatever the master. */
  public static Map<String, String> settings(PipelineConfig config) {
    Map<String, String> s = new TreeMap<>();
    s.put("spark.sql.session.timeZone", config.timezone().getId());
    // java.time values in Rows: no JVM-zone shifts between Instant/LocalDate and Spark values.
    s.put("spark.sql.datetime.java8API.enabled", "true");
    s.put("spark.sql.shuffle.partitions", String.valueOf(config.spark().shufflePartitions()));
    s.put("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    s.put("spark.sql.parquet.compression.codec", "zstd");
    s.put("spark.sql.sources.partitionOverwriteMode", "static");
    s.put("spark.ui.showConsoleProgress", "false");
    // Typed aggregates (the OCOP month summary) fold rows into a hash map of objects where they are
    // read, and sort the rest of the input once the map holds this many keys: Spark's default,
    // 128, would sort nearly every row. Half a million summaries are about 300 MB of heap a task
    // (a national full run: ~230 k a task); pipeline.yaml's spark settings can lower it.
    s.put("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", String.valueOf(1 << 19));
    s.putAll(config.spark().settings());
    return s;
  }

  /**
   * A session with the pipeline's settings. What spark-submit sets ({@code --master}, {@code
   * --conf}) wins over the configuration file, as operators expect.
   */
  public static SparkSession session(PipelineConfig config) {
    SparkConf conf = new SparkConf().setAppName("thanhhoa-opendata-pipeline");
    settings(config).forEach(conf::setIfMissing);
    if (!conf.contains("spark.master")) {
      conf.setMaster(config.spark().master());
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
