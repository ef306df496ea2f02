package vn.thanhhoa.opendata.publish.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, as the serve page test drives it; no network of its own. */
final class Chromium {
  static final Path BINARY = Paths.get("/usr/bin/chromium");
  static final String SKIPPED =
      "SKIPPED: no /usr/bin/chromium (Debian's package chromium); .ci/run installs it";

  private Chromium() {}

  static boolean installed() {
    if (!Files.isExecutable(BINARY)) {
      System.err.println(SKIPPED); // Maven's log shows only "Skipped: 1"
      return false;
    }
    return true;
  }

  static String run(Path profile, String... args) throws Exception {
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
                "--allow-file-access-from-files",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    return new String(out, StandardCharsets.UTF_8);
  }
}
