package vn.thanhhoa.opendata.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import vn.thanhhoa.opendata.cli.PipelineCommand;

/**
 * Nightly runs on sample-data/ into one output folder, made once per test JVM and shared by the
 * end-to-end test classes: run 1, and run 2 on the same input (a second release).
 */
public final class SampleRuns {
  private static final List<Path> RELEASES = new ArrayList<>();
  private static Path output;

  private SampleRuns() {}

  /** The output folder after {@code n} nightly runs (n = 1 or 2). */
  public static synchronized Path output(int n) {
    try {
      if (output == null) {
        output = Files.createTempDirectory("sample-runs");
        Runtime.getRuntime().addShutdownHook(new Thread(SampleRuns::delete));
      }
      while (RELEASES.size() < n) {
        StringWriter err = new StringWriter();
        // --full: the second run must rebuild everything (an incremental one would publish
        // nothing).
        String[] args =
            RELEASES.isEmpty()
                ? new String[] {"nightly", "--output", output.toString()}
                : new String[] {"nightly", "--full", "--output", output.toString()};
        int code =
            PipelineCommand.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        RELEASES.add(output.resolve("current").toRealPath());
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The release folder published by run {@code n}. */
  public static synchronized Path release(int n) {
    output(n);
    return RELEASES.get(n - 1);
  }

  private static void delete() {
    try (Stream<Path> all = Files.walk(output)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temporary folder
    }
  }
}
