package vn.thanhhoa.opendata.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.testing.Chromium;

/**
 * The page at / in a real headless Chromium: it renders, its download links work, a screenshot is
 * kept.
 */
class ServePageTest {
  @TempDir Path tmp;

  @Test
  void theHomePageRendersInChromiumAndItsDownloadLinksWork() throws Exception {
    Assumptions.assumeTrue(Chromium.installed(), Chromium.SKIPPED);
    try (ServeFixture serve = new ServeFixture(tmp)) {
      String dom = Chromium.run(tmp.resolve("profile-1"), "--dump-dom", serve.base() + "/");
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
      assertEquals(Sha256.of(original), Sha256.of(file));

      Path screenshot = Paths.get("target/serve-page.png").toAbsolutePath();
      Files.deleteIfExists(screenshot);
      Chromium.run(
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
