package vn.thanhhoa.opendata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.Main;
import vn.thanhhoa.opendata.publish.Checkpoint;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.ObjectStoreFileSystem;
import vn.thanhhoa.opendata.testing.SampleRuns;
import vn.thanhhoa.opendata.testing.SparkTest;

/**
 * Output on a filesystem without symbolic links or atomic rename (an object store): the release
 * is published by {@code current.json}, written last, and a run killed before it leaves the
 * previous release published; the run lock is a lease that a dead run's successor takes over.
 */
class ObjectStoreOutputTest extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void publishesThroughAPointerFileWrittenLastAndSurvivesAKilledRun() throws Exception {
    Path folder = tmp.resolve("bucket");
    String output = ObjectStoreFileSystem.uri(folder);

    CliTest.Result first = CliTest.run("nightly", "--output", output);
    assertEquals(0, first.code(), first.err());
    assertFalse(Files.exists(folder.resolve("current"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "no symbolic link");
    String published = pointer(folder);
    assertEquals(Folders.hashes(SampleRuns.release(1).resolve("datasets"), true),
        Folders.hashes(folder.resolve("releases/" + published + "/datasets"), true),
        "the same datasets as a run into a local folder");
    assertEquals(0, CliTest.run("validate", "--output", output).code());
    assertFalse(Files.exists(folder.resolve("state/run.lock")), "a finished run leaves no lock");

    Path log = tmp.resolve("killed.log");
    Process killed = child(output, log);
    awaitPause(killed, log);
    killed.destroyForcibly(); // SIGKILL: the run's lease stays behind
    killed.waitFor(30, TimeUnit.SECONDS);
    assertEquals(published, pointer(folder), "killed before the pointer was written: the old release stays");
    assertEquals(0, CliTest.run("validate", "--output", output).code());

    CliTest.Result blocked = CliTest.run("build", "--dataset", "don-vi-hanh-chinh", "--output", output);
    assertEquals(75, blocked.code(), blocked.err());
    Assertions.assertTrue(blocked.err().contains("another run holds the lock"), blocked.err());

    // Five minutes without renewal: the lease of the dead run is taken over.
    Assertions.assertTrue(folder.resolve("state/run.lock").toFile().setLastModified(System.currentTimeMillis() - 6 * 60_000));
    CliTest.Result next = CliTest.run("build", "--dataset", "don-vi-hanh-chinh", "--output", output);
    assertEquals(0, next.code(), next.err());
    Assertions.assertTrue(next.err().contains("taking over the lock"), next.err());
    String now = pointer(folder);
    Assertions.assertTrue(now.compareTo(published) > 0, now + " after " + published);
    assertEquals(0, CliTest.run("validate", "--output", output).code());
    CliTest.Result releases = CliTest.run("releases", "--output", output);
    Assertions.assertTrue(releases.out().contains("* " + now), releases.out());
  }

  private static String pointer(Path folder) throws IOException {
    return JSON.readTree(folder.resolve("current.json").toFile()).path("release").asText();
  }

  /** `build --dataset don-vi-hanh-chinh` in a child JVM that stops just before the switch. */
  private static Process child(String output, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect")
            || a.startsWith("-Dfile.encoding") || a.startsWith("-Duser.timezone"))
        .forEach(command::add);
    command.add("-Dpipeline.pauseAt=" + Checkpoint.REPORT_WRITTEN);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of("build", "--dataset", "don-vi-hanh-chinh", "--output", output));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  private static void awaitPause(Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("PAUSED AT " + Checkpoint.REPORT_WRITTEN)) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("child ended early:\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("child never paused:\n" + Files.readString(log));
  }
}
