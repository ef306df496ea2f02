package vn.thanhhoa.opendata.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jar on a real Spark standalone cluster: a Master and a Worker on 127.0.0.1 started from
 * the project's own dependency jars, `nightly` submitted to them with spark-submit, and its
 * datasets compared byte for byte with a local-mode run.
 */
class StandaloneClusterIT {
  @TempDir Path tmp;
  private final List<Process> processes = new ArrayList<>();

  private static List<String> jvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("-XX:+Ignore")
                    || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dfile.encoding")
                    || a.startsWith("-Duser.timezone"))
        .toList();
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Process start(Path sparkHome, Path log, List<String> command) throws IOException {
    ProcessBuilder b =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().put("SPARK_HOME", sparkHome.toString());
    b.environment().put("SPARK_SCALA_VERSION", "2.12");
    b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = b.start();
    processes.add(p);
    return p;
  }

  private static void await(Process p, Path log, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains(text)) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("process ended before '" + text + "':\n" + Files.readString(log));
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "no '" + text + "' after " + seconds + " s:\n" + Files.readString(log));
  }

  private static int finish(Process p, Path log, int seconds) throws Exception {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish in " + seconds + " s:\n" + Files.readString(log));
    }
    return p.exitValue();
  }

  @Test
  void nightlyOnAStandaloneClusterGivesTheSameDatasetsAsLocalMode() throws Exception {
    Path lib = Paths.get("target/lib").toAbsolutePath();
    Path clusterJar = Paths.get("target/pipeline-cluster.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(clusterJar), "run after `mvn package`: " + clusterJar);
    Path sparkHome = Files.createDirectories(tmp.resolve("spark-home"));
    Files.createSymbolicLink(sparkHome.resolve("jars"), lib);
    String classpath = lib + "/*";
    try {
      int masterPort = freePort();
      Path masterLog = tmp.resolve("master.log");
      List<String> master = new ArrayList<>(List.of(java()));
      master.addAll(jvmFlags());
      master.addAll(
          List.of(
              "-cp",
              classpath,
              "org.apache.spark.deploy.master.Master",
              "--host",
              "127.0.0.1",
              "--port",
              String.valueOf(masterPort),
              "--webui-port",
              String.valueOf(freePort())));
      Process m = start(sparkHome, masterLog, master);
      await(m, masterLog, "I have been elected leader", 60);

      Path workerLog = tmp.resolve("worker.log");
      List<String> worker = new ArrayList<>(List.of(java()));
      worker.addAll(jvmFlags());
      worker.addAll(
          List.of(
              "-cp",
              classpath,
              "org.apache.spark.deploy.worker.Worker",
              "spark://127.0.0.1:" + masterPort,
              "--host",
              "127.0.0.1",
              "--cores",
              "2",
              "--memory",
              "3g",
              "--webui-port",
              String.valueOf(freePort()),
              "--work-dir",
              tmp.resolve("work").toString()));
      Process w = start(sparkHome, workerLog, worker);
      await(w, workerLog, "Successfully registered with master", 60);

      Path clusterOut = tmp.resolve("out-cluster");
      Path submitLog = tmp.resolve("submit.log");
      String flags = String.join(" ", jvmFlags());
      List<String> submit = new ArrayList<>(List.of(java()));
      submit.addAll(jvmFlags());
      submit.addAll(
          List.of(
              "-cp",
              classpath,
              "org.apache.spark.deploy.SparkSubmit",
              "--master",
              "spark://127.0.0.1:" + masterPort,
              "--class",
              "vn.thanhhoa.opendata.Main",
              "--driver-java-options",
              flags
                  + " -Dlog4j.configurationFile="
                  + Paths.get("ops/log4j2-cluster.properties").toAbsolutePath(),
              "--conf",
              "spark.executor.extraJavaOptions=" + flags,
              "--conf",
              "spark.executor.memory=1g",
              clusterJar.toString(),
              "nightly",
              "--conf",
              Paths.get("conf/pipeline.yaml").toAbsolutePath().toString(),
              "--output",
              clusterOut.toString()));
      Process s = start(sparkHome, submitLog, submit);
      assertEquals(0, finish(s, submitLog, 900), Files.readString(submitLog));
      assertTrue(
          Files.readString(workerLog).contains("Asked to launch executor"),
          "the work ran on the cluster's executor");

      Path localOut = tmp.resolve("out-local");
      Path localLog = tmp.resolve("local.log");
      List<String> local = new ArrayList<>(List.of(java()));
      local.addAll(jvmFlags());
      local.addAll(
          List.of(
              "-cp",
              Paths.get("target/pipeline.jar").toAbsolutePath() + ":" + classpath,
              "vn.thanhhoa.opendata.Main",
              "nightly",
              "--output",
              localOut.toString()));
      assertEquals(
          0, finish(start(sparkHome, localLog, local), localLog, 900), Files.readString(localLog));

      Map<String, String> onCluster = dataFiles(clusterOut.resolve("current/datasets"));
      assertEquals(24, onCluster.size(), onCluster.keySet().toString()); // 6 datasets × 4 formats
      assertEquals(dataFiles(localOut.resolve("current/datasets")), onCluster);
    } finally {
      for (Process p : processes) {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      // Our own link out of the temporary folder: JUnit would warn when it deletes it.
      Files.deleteIfExists(sparkHome.resolve("jars"));
    }
  }

  private static Map<String, String> dataFiles(Path root) throws IOException {
    return vn.thanhhoa.opendata.testing.Folders.hashes(root, true);
  }
}
