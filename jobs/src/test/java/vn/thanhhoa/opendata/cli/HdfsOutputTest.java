package vn.thanhhoa.opendata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.SparkTest;

/**
 * Output on a real HDFS (a NameNode and a DataNode in this JVM): releases published by {@code
 * current.json}, replaced by HDFS's atomic rename; the lease lock created exclusively; the same
 * datasets as a run into a local folder.
 */
class HdfsOutputTest extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void publishesOnHdfsThroughAPointerFileReplacedByRename() throws Exception {
    Path landing = tmp.resolve("landing");
    copy(
        "commune-reports",
        landing,
        List.of("2025-06_huyen-ba-thuoc.csv", "bao-cao-thang-07-2025.csv"));
    copy("payment-accounts", landing, List.of("2025-07.csv"));
    copy("ocop-listings", landing, List.of("2025-07-01.jsonl"));
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    // The client waits 400 ms before re-asking the NameNode whether a closed file's block has
    // arrived; with one in-process DataNode it always arrives sooner.
    String quick = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";
    spark().sparkContext().hadoopConfiguration().set(quick, "20");
    System.setProperty("spark.hadoop." + quick, "20");
    try {
      String output = "hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/opendata";
      CliTest.Result first =
          CliTest.run("nightly", "--input", landing.toString(), "--output", output);
      assertEquals(0, first.code(), first.err());
      String firstRelease = pointer(cluster.getFileSystem());
      CliTest.Result local =
          CliTest.run(
              "nightly",
              "--input",
              landing.toString(),
              "--output",
              tmp.resolve("local").toString());
      assertEquals(0, local.code(), local.err());

      CliTest.Result again =
          CliTest.run("build", "--dataset", "don-vi-hanh-chinh", "--output", output);
      assertEquals(0, again.code(), again.err());
      String second = pointer(cluster.getFileSystem());
      Assertions.assertTrue(second.compareTo(firstRelease) > 0, "current.json replaced: " + second);
      assertEquals(0, CliTest.run("validate", "--output", output).code());

      FileSystem hdfs = cluster.getFileSystem();
      assertFalse(
          hdfs.exists(new org.apache.hadoop.fs.Path("/opendata/current")), "no link on HDFS");
      assertFalse(
          hdfs.exists(new org.apache.hadoop.fs.Path("/opendata/state/run.lock")),
          "the lease is given back");
      Path copied = tmp.resolve("copied");
      hdfs.copyToLocalFile(
          false,
          new org.apache.hadoop.fs.Path("/opendata/releases/" + second + "/datasets"),
          new org.apache.hadoop.fs.Path(copied.toString()),
          true);
      assertEquals(
          Folders.hashes(tmp.resolve("local/current/datasets"), true),
          Folders.hashes(copied, true),
          "the same datasets as a run into a local folder");
    } finally {
      System.clearProperty("spark.hadoop." + quick);
      spark().sparkContext().hadoopConfiguration().unset(quick);
      cluster.shutdown();
    }
  }

  private static String pointer(FileSystem hdfs) throws Exception {
    try (var in = hdfs.open(new org.apache.hadoop.fs.Path("/opendata/current.json"))) {
      return JSON.readTree(in).path("release").asText();
    }
  }

  private static void copy(String source, Path landing, List<String> files) throws Exception {
    Files.createDirectories(landing.resolve(source));
    for (String f : files) {
      Files.copy(Paths.get("sample-data", source, f), landing.resolve(source).resolve(f));
    }
  }
}
