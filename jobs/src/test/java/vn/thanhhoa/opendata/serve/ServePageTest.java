package vn.thanhhoa.opendata.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page at / in a real headless Chromium: it renders, its download links work, a screenshot is
 * kept.
 */
class ServePageTest {
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

  @TempDir Path tmp;

  private static String chromium(Path profile, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void theHomePageRendersInChromiumAndItsDownloadLinksWork() throws Exception {
    String skipped =
        "ServePageTest SKIPPED: no "
            + CHROMIUM
            + " on this machine (Debian's package chromium: "
            + "apt-get install chromium); .ci/run installs it";
    if (!Files.isExecutable(CHROMIUM)) {
      System.err.println(
          skipped); // Maven's log shows only "Skipped: 1", not the assumption's message
    }
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), skipped);
    try (ServeFixture serve = new ServeFixture(tmp)) {
      String dom = chromium(tmp.resolve("profile-1"), "--dump-dom", serve.base() + "/");
      assertTrue(
          dom.contains("Chuyển đổi số cấp xã tỉnh Thanh Hóa theo tháng"),
          dom.length() > 2000 ? dom.substring(0, 2000) : dom);
      assertTrue(dom.contains("href=\"/site/\""), "the home page links the static site");
      assertEquals(200, serve.get("/site/").statusCode());
      Matcher link = Pattern.compile("class=\"dl\"[^>]*href=\"([^\"]+\\.csv)\"").matcher(dom);
      assertTrue(link.find(), "a CSV download link on the page");
      var download = serve.get(link.group(1));
      assertEquals(200, download.statusCode());
      Path file = tmp.resolve("download.csv");
      Files.write(file, download.body());
      String dataset = link.group(1).split("/")[2];
      Path original =
          serve.output.resolve("current/datasets").resolve(dataset).resolve(dataset + ".csv");
      assertEquals(
          vn.thanhhoa.opendata.core.Sha256.of(original), vn.thanhhoa.opendata.core.Sha256.of(file));

      Path screenshot = Paths.get("target/serve-page.png").toAbsolutePath();
      Files.deleteIfExists(screenshot);
      chromium(
          tmp.resolve("profile-2"),
          "--hide-scrollbars",
          "--window-size=412,915",
          "--screenshot=" + screenshot,
          serve.base() + "/");
      assertTrue(
          Files.size(screenshot) > 10_000, "a phone-sized screenshot saved at " + screenshot);
    }
  }
}
