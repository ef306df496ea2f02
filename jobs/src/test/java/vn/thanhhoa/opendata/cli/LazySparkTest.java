package vn.thanhhoa.opendata.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.testing.SparkTest;

/**
 * The session started on one thread (a source's ingest) is the active one of every thread that asks
 * for it: outside a query Spark takes its settings from there, else from its defaults.
 */
class LazySparkTest extends SparkTest {
  @Test
  void everyThreadThatAsksGetsTheSessionActive() throws Exception {
    LazySpark lazy =
        new LazySpark(
            PipelineConfig.load(Paths.get(PipelineConfig.DEFAULT_FILE)),
            new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    Thread source = new Thread(lazy::session);
    source.start();
    source.join();
    SparkSession.clearActiveSession();
    SparkSession session = lazy.session();
    Assertions.assertSame(session, SparkSession.getActiveSession().get());
    lazy.close(); // the test's session is not this run's to stop
    Assertions.assertFalse(session.sparkContext().isStopped());
  }
}
