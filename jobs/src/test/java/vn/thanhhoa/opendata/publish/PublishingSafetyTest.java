package vn.thanhhoa.opendata.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.cli.CliTestAccess;
import vn.thanhhoa.opendata.core.Checkpoint;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.PausedRun;
import vn.thanhhoa.opendata.testing.SampleRuns;

/**
 * Runs in child processes, killed with SIGKILL at each point of publishing: the published feed is
 * never half-written, a dead run's lock is taken over, a concurrent run exits 75.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishingSafetyTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final ReleaseValidator VALIDATOR = new ReleaseValidator(Paths.get("schemas"));
  @TempDir static Path tmp;
  private Path output;

  @BeforeAll
  void anOutputFolderWithPublishedReleases() throws IOException {
    output = tmp.resolve("output");
    Folders.copy(SampleRuns.output(2), output);
  }

  /** `./pipeline build --dataset don-vi-hanh-chinh` in a child JVM, stopped at {@code pauseAt}. */
  private PausedRun child(String pauseAt, Path log) throws Exception {
    return PausedRun.start(
        log,
        pauseAt,
        List.of(),
        "build",
        "--dataset",
        "don-vi-hanh-chinh",
        "--output",
        output.toString());
  }

  private Path current() throws IOException {
    return output.resolve("current").toRealPath();
  }

  @Test
  void aRunKilledAtAnyPointOfPublishingLeavesACompleteValidReleaseCurrent() throws Exception {
    Path previous = current();
    for (String point :
        List.of(
            Checkpoint.DATASETS_WRITTEN,
            Checkpoint.FEED_WRITTEN,
            Checkpoint.VALIDATED,
            Checkpoint.REPORT_WRITTEN)) {
      Path log = tmp.resolve("kill-" + point + ".log");
      child(point, log).kill();
      assertEquals(previous, current(), "killed at " + point);
      assertEquals(List.of(), VALIDATOR.validate(current()), "killed at " + point);
      assertEquals(0, CliTestAccess.run("validate", "--output", output.toString()));
    }
    Path log = tmp.resolve("kill-switched.log");
    child(Checkpoint.SWITCHED, log).kill();
    assertTrue(!previous.equals(current()), "killed after the switch: the new release is current");
    assertEquals(List.of(), VALIDATOR.validate(current()));

    String[] next = CliTestAccess.runFull("build", "--output", output.toString());
    assertEquals("0", next[0], next[2]);
    assertTrue(next[2].contains("taking over the lock left by a run that died"), next[2]);
    assertTrue(
        new Releases(Store.local(), new Layout(output.toString()))
            .list().stream().allMatch(Releases.Info::complete),
        "releases left incomplete by killed runs are removed");
  }

  @Test
  void aConcurrentRunExits75OrWaitsAndRollbackRestoresThePreviousRelease() throws Exception {
    Path log = tmp.resolve("holder.log");
    PausedRun holder = child(Checkpoint.FEED_WRITTEN, log);
    String[] second = CliTestAccess.runFull("build", "--output", output.toString());
    assertEquals("75", second[0]);
    assertTrue(second[2].contains("another run holds the lock"), second[2]);
    assertEquals("75", CliTestAccess.runFull("rollback", "--output", output.toString())[0]);

    CompletableFuture<Integer> waiting =
        CompletableFuture.supplyAsync(
            () ->
                CliTestAccess.run(
                    "build",
                    "--dataset",
                    "don-vi-hanh-chinh",
                    "--wait",
                    "--output",
                    output.toString()));
    Thread.sleep(3000);
    assertTrue(!waiting.isDone(), "--wait waits for the lock");
    holder.kill();
    assertEquals(0, waiting.get(300, TimeUnit.SECONDS));

    List<Releases.Info> complete =
        new Releases(Store.local(), new Layout(output.toString()))
            .list().stream().filter(Releases.Info::complete).toList();
    String before = complete.get(complete.size() - 2).id();
    String last = complete.get(complete.size() - 1).id();
    assertEquals(last, current().getFileName().toString());
    assertEquals(0, CliTestAccess.run("rollback", "--output", output.toString()));
    Path restored = current();
    assertTrue(
        restored.getFileName().toString().compareTo(last) > 0,
        "a rollback publishes a new release");
    assertEquals(
        before,
        JSON.readTree(restored.resolve("run-report.json").toFile()).path("restores").asText());
    assertEquals(
        Folders.hashes(output.resolve("releases/" + before + "/datasets"), true),
        Folders.hashes(restored.resolve("datasets"), true),
        "the datasets of the release rolled back to");
    for (Path pkg : Files.list(restored.resolve("ckan/packages")).toList()) {
      String now = JSON.readTree(pkg.toFile()).path("metadata_modified").asText();
      String was =
          JSON.readTree(
                  output
                      .resolve("releases/" + last + "/ckan/packages/" + pkg.getFileName())
                      .toFile())
              .path("metadata_modified")
              .asText();
      assertTrue(
          now.compareTo(was) >= 0, pkg.getFileName() + ": metadata_modified never goes backwards");
    }
    assertEquals(0, CliTestAccess.run("validate", "--output", output.toString()));

    assertEquals(0, CliTestAccess.run("rollback", "--to", last, "--output", output.toString()));
    assertEquals(
        last,
        JSON.readTree(current().resolve("run-report.json").toFile()).path("restores").asText());
    assertEquals(
        Folders.hashes(output.resolve("releases/" + last + "/datasets"), true),
        Folders.hashes(current().resolve("datasets"), true));
    // Rolling back from a restored release goes before the release it restores (older releases
    // may have been pruned meanwhile: the newest complete one left before it).
    String expected =
        new Releases(Store.local(), new Layout(output.toString()))
            .list().stream()
                .filter(Releases.Info::complete)
                .map(Releases.Info::id)
                .filter(id -> id.compareTo(last) < 0)
                .reduce((a, b) -> b)
                .orElseThrow();
    assertEquals(0, CliTestAccess.run("rollback", "--output", output.toString()));
    assertEquals(
        expected,
        JSON.readTree(current().resolve("run-report.json").toFile()).path("restores").asText());
    String[] quiet = CliTestAccess.runFull("nightly", "--output", output.toString());
    assertEquals("0", quiet[0], quiet[2]);
    assertTrue(
        quiet[1].contains("nothing published"),
        "a rollback holds while nothing changes: " + quiet[1]);
  }
}
