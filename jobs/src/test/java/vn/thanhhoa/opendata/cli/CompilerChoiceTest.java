package vn.thanhhoa.opendata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.SampleRuns;
import vn.thanhhoa.opendata.testing.SparkTest;

/**
 * A nightly run the launcher started on the quick compiler stops, untouched, for the optimising one
 * exactly when it will read more landing bytes than the launcher said.
 */
class CompilerChoiceTest extends SparkTest {
  @TempDir Path tmp;
  private Path landing;
  private Path output;
  private long dayBytes;

  /** The sample's landing folder and published output, and one new day of OCOP listings. */
  @BeforeEach
  void oneNewDay() throws IOException {
    landing = tmp.resolve("landing");
    output = tmp.resolve("output");
    Folders.copy(Paths.get("sample-data"), landing);
    Folders.copy(SampleRuns.output(1), output);
    Path day = landing.resolve("ocop-listings/2025-11-01.jsonl");
    String lastDay = Files.readString(landing.resolve("ocop-listings/2025-10-31.jsonl"));
    Files.writeString(day, lastDay.replace("\"2025-10-31T", "\"2025-11-01T"));
    dayBytes = Files.size(day);
  }

  @AfterEach
  void forgetLimit() {
    System.clearProperty(CompilerChoice.LIMIT);
  }

  @Test
  void aRunThatReadsMoreStopsBeforeItChangesAnything() throws Exception {
    Map<String, String> before = Folders.hashes(output, true);
    CliTest.Result big = nightlyWithin(dayBytes - 1, output);
    Assertions.assertEquals(ExitCode.RESTART.code(), big.code(), big.err());
    Assertions.assertTrue(big.err().contains("optimising compiler"), big.err());
    Assertions.assertEquals(before, Folders.hashes(output, true), "nothing changed");

    CliTest.Result full = nightlyWithin(dayBytes, output, "--full");
    Assertions.assertEquals(ExitCode.RESTART.code(), full.code(), "a full run reads every file");
    Path fresh = tmp.resolve("fresh");
    CliTest.Result first = nightlyWithin(dayBytes, fresh);
    Assertions.assertEquals(ExitCode.RESTART.code(), first.code(), "a first run builds everything");
    Assertions.assertFalse(Files.exists(fresh.resolve("current")), "and publishes nothing");
  }

  @Test
  void aRunReadsItsNewFilesOrEveryFileWhenItRebuildsEverything() throws Exception {
    PipelineConfig config =
        PipelineConfig.load(Paths.get(PipelineConfig.DEFAULT_FILE))
            .withInput(landing.toString())
            .withOutput(output.toString());
    Assertions.assertEquals(dayBytes, bytesToRead(config, false), "the new day");
    long all = bytesToRead(config, true);
    Assertions.assertTrue(all > dayBytes, "every file: " + all);

    Files.delete(landing.resolve("ocop-listings/2025-11-01.jsonl"));
    Assertions.assertEquals(0, bytesToRead(config, false), "nothing new");
    CliTest.Result nothing = nightlyWithin(0, output);
    Assertions.assertEquals(0, nothing.code(), nothing.err());
    Assertions.assertTrue(nothing.out().contains("nothing published"), nothing.out());

    // as an ingest not followed by a publish, or a failed build, leaves it
    Files.writeString(output.resolve("state/published-inputs.sha256"), "out of step");
    Assertions.assertEquals(all - dayBytes, bytesToRead(config, false), "everything rebuilt");
  }

  private static long bytesToRead(PipelineConfig config, boolean full) {
    Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(System.err));
    try (PipelineRun run =
        PipelineRun.prepare("nightly", config, List.of(), true, console, false)) {
      return run.landingBytesToRead(full);
    }
  }

  private CliTest.Result nightlyWithin(long limit, Path into, String... more) {
    System.setProperty(CompilerChoice.LIMIT, Long.toString(limit));
    String[] args = {"nightly", "--input", landing.toString(), "--output", into.toString()};
    return CliTest.run(
        Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new));
  }
}
