package vn.thanhhoa.opendata.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, as the page tests drive it; no network of its own. */
public final class Chromium {
  public static final Path BINARY = Paths.get("/usr/bin/chromium");
  public static final String SKIPPED =
      "SKIPPED: no /usr/bin/chromium (Debian's package chromium); .ci/run installs it";

  private Chromium() {}

  /** Whether it is installed; if not, says so on stderr (Maven's log shows only "Skipped"). */
  public static boolean installed() {
    if (!Files.isExecutable(BINARY)) {
      System.err.println(SKIPPED); // Maven's log shows only "Skipped: 1"
      return false;
    }
    return true;
  }

  /** Runs it with a fresh profile; returns what it printed (a DOM with --dump-dom). */
  public static String run(Path profile, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--allow-file-access-from-files",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    return new String(out, StandardCharsets.UTF_8);
  }
}
