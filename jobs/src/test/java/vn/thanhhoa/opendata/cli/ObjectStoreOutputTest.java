package vn.thanhhoa.opendata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Checkpoint;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.ObjectStoreFileSystem;
import vn.thanhhoa.opendata.testing.PausedRun;
import vn.thanhhoa.opendata.testing.SampleRuns;
import vn.thanhhoa.opendata.testing.SparkTest;

/**
 * Output on a filesystem without symbolic links or atomic rename (an object store): the release is
 * published by {@code current.json}, written last, and a run killed before it leaves the previous
 * release published; the run lock is a lease that a dead run's successor takes over.
 */
class ObjectStoreOutputTest extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  /**
   * The test filesystem makes files visible only when closed, as S3A does; the pipeline must be
   * told so.
   */
  private static final String WHOLE_UPLOADS =
      "-Dspark.hadoop." + Store.WHOLE_UPLOAD_SCHEMES + "=" + ObjectStoreFileSystem.SCHEME;

  @Test
  void publishesThroughAPointerFileWrittenLastAndSurvivesKilledRuns() throws Exception {
    Path folder = tmp.resolve("bucket");
    String output = ObjectStoreFileSystem.uri(folder);
    CliTest.Result refused = CliTest.run("nightly", "--output", output);
    assertEquals(2, refused.code(), "a store whose files show while written is refused");
    Assertions.assertTrue(refused.err().contains("cannot be published safely"), refused.err());

    String key = WHOLE_UPLOADS.substring(2, WHOLE_UPLOADS.indexOf('='));
    System.setProperty(key, ObjectStoreFileSystem.SCHEME);
    try {
      CliTest.Result first = CliTest.run("nightly", "--output", output);
      assertEquals(0, first.code(), first.err());
      assertFalse(
          Files.exists(folder.resolve("current"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
          "no symbolic link");
      String published = pointer(folder);
      Map<String, String> datasets =
          Folders.hashes(SampleRuns.release(1).resolve("datasets"), true);
      assertEquals(
          datasets,
          Folders.hashes(folder.resolve("releases/" + published + "/datasets"), true),
          "the same datasets as a run into a local folder");
      assertFalse(Files.exists(folder.resolve("state/run.lock")), "a finished run leaves no lock");

      // Killed with everything written but the pointer: the previous release stays published.
      PausedRun.start(
              log("report"),
              Checkpoint.REPORT_WRITTEN,
              List.of(WHOLE_UPLOADS),
              "build",
              "--dataset",
              "don-vi-hanh-chinh",
              "--output",
              output)
          .kill();
      assertEquals(
          published,
          pointer(folder),
          "killed before the pointer was written: the old release stays");
      assertEquals(0, CliTest.run("validate", "--output", output).code());
      CliTest.Result blocked = CliTest.run("nightly", "--output", output);
      assertEquals(75, blocked.code(), blocked.err());
      Assertions.assertTrue(blocked.err().contains("another run holds the lock"), blocked.err());

      // Killed in the middle of swapping a staging table (copies, on an object store).
      ageLock(folder);
      PausedRun.start(
              log("swap"),
              Checkpoint.STAGING_SWAP,
              List.of(WHOLE_UPLOADS),
              "nightly",
              "--full",
              "--output",
              output)
          .kill();
      // Sources are ingested side by side: whichever reached its swap first has no manifest now.
      Assertions.assertTrue(
          java.util.stream.Stream.of("commune-reports", "payment-accounts", "ocop-listings")
              .anyMatch(s -> !Files.exists(folder.resolve("state/ingest/" + s + ".json"))),
          "a manifest is gone during its swap");

      ageLock(folder);
      CliTest.Result next = CliTest.run("nightly", "--output", output);
      assertEquals(0, next.code(), next.err());
      Assertions.assertTrue(next.err().contains("taking over the lock"), next.err());
      String now = pointer(folder);
      Assertions.assertTrue(now.compareTo(published) > 0, now + " after " + published);
      assertEquals(
          datasets,
          Folders.hashes(folder.resolve("releases/" + now + "/datasets"), true),
          "the interrupted staging table was read again in full, not published partial");
      assertEquals(0, CliTest.run("validate", "--output", output).code());
      CliTest.Result releases = CliTest.run("releases", "--output", output);
      Assertions.assertTrue(releases.out().contains("* " + now), releases.out());
    } finally {
      System.clearProperty(key);
    }
  }

  private Path log(String name) {
    return tmp.resolve(name + ".log");
  }

  /** Five minutes without renewal: the lease of a dead run may be taken over. */
  private static void ageLock(Path folder) {
    Assertions.assertTrue(
        folder
            .resolve("state/run.lock")
            .toFile()
            .setLastModified(System.currentTimeMillis() - 6 * 60_000));
  }

  private static String pointer(Path folder) throws IOException {
    return JSON.readTree(folder.resolve("current.json").toFile()).path("release").asText();
  }
}
