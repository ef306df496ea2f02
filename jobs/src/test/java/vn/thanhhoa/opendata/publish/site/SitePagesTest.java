package vn.thanhhoa.opendata.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.publish.ReleaseValidator;
import vn.thanhhoa.opendata.testing.Chromium;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.SampleRuns;

/**
 * The site of a release built from sample-data/: opened from disk in a real headless Chromium,
 * every link of every page resolving to a file of the release, light pages that load nothing from
 * outside, and screenshots at phone and desktop widths kept in target/.
 */
class SitePagesTest {
  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
  private static final Pattern LOADED =
      Pattern.compile("<(?:link|script|img|iframe|source)[^>]*(?:href|src)=\"([^\"]*)\"");

  @TempDir Path tmp;

  private static Path site() {
    return SampleRuns.release(1).resolve("site");
  }

  @Test
  void theHomePageInChromiumShowsEveryDataset() throws Exception {
    Assumptions.assumeTrue(Chromium.installed(), Chromium.SKIPPED);
    Path release = SampleRuns.release(1);
    String dom = Chromium.run(tmp.resolve("p1"), "--dump-dom", home().toUri().toString());
    for (String name : datasets(release)) {
      String title =
          Files.readString(release.resolve("ckan/packages/" + name + ".json"))
              .replaceAll("(?s).*?\"title\" : \"([^\"]+)\".*", "$1");
      assertTrue(dom.contains(title), "the home page shows " + title);
      assertTrue(dom.contains("href=\"" + DatasetPage.path(name) + "\""), "links " + name);
    }
  }

  @Test
  void everyLinkOfEveryPageResolvesToAFileOfTheRelease() throws IOException {
    Path release = SampleRuns.release(1).toRealPath();
    List<Path> pages = pages();
    assertTrue(pages.size() > 170, "home, 6 datasets, province, list and 166 communes");
    int links = 0;
    for (Path page : pages) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        String href = m.group(1).replaceFirst("#.*$", "");
        assertFalse(href.contains(":") || href.startsWith("/"), page + ": not relative: " + href);
        if (!href.isEmpty()) {
          Path target = page.getParent().resolve(href).normalize();
          assertTrue(target.startsWith(release), page + " leaves the release: " + href);
          assertTrue(Files.isRegularFile(target), page + ": no file " + href);
          links++;
        }
      }
    }
    assertTrue(links > pages.size() * 5, links + " links walked");
  }

  @Test
  void theHomePageAndACommunePageWeighUnder300KbAndLoadNothingFromOutside() throws IOException {
    for (Path page : List.of(home(), communePage())) {
      long bytes = Files.size(page);
      Matcher loaded = LOADED.matcher(Files.readString(page));
      while (loaded.find()) {
        Path file = page.getParent().resolve(loaded.group(1)).normalize();
        assertTrue(file.startsWith(site()), page + " loads from outside the site: " + file);
        bytes += Files.size(file);
        String text = Files.readString(file);
        assertFalse(text.contains("url(") || text.contains("@import"), file + " loads more");
      }
      assertTrue(bytes < 300 * 1024, page + " weighs " + bytes + " bytes with what it loads");
    }
  }

  @Test
  void screenshotsAtPhoneAndDesktopWidths() throws Exception {
    Assumptions.assumeTrue(Chromium.installed(), Chromium.SKIPPED);
    for (String width : List.of("360", "1280")) {
      shot("site-home-" + width + ".png", width, home());
      shot("site-commune-" + width + ".png", width, communePage());
      shot(
          "site-province-" + width + ".png", width, site().resolve("kinh-te-so-cap-xa/index.html"));
      shot(
          "site-dataset-" + width + ".png",
          width,
          site().resolve("du-lieu/kinh-te-so-cap-xa.html"));
    }
  }

  @Test
  void theHomeAndDatasetPagesDescribeGrainsAndColumnsInVietnamese() throws IOException {
    for (String name : datasets(SampleRuns.release(1))) {
      String page = Files.readString(site().resolve(DatasetPage.path(name)));
      assertFalse(page.contains("lang=\"en\""), name + ": a description left in English");
      assertTrue(page.contains("<dt>Mỗi dòng là</dt><dd>"), name + ": its grain");
    }
    String home = Files.readString(home());
    assertFalse(home.contains("lang=\"en\""), "a grain left in English on the home page");
    assertTrue(home.contains("Mỗi dòng là: xã × tháng."), "the grain in Vietnamese");
  }

  @Test
  void aLinkOutOfTheReleaseFailsTheReleaseCheck() throws IOException {
    Path copy = tmp.resolve("release");
    Folders.copy(SampleRuns.release(1), copy);
    Path home = copy.resolve("site/index.html");
    Files.writeString(
        home,
        Files.readString(home)
            .replace("</head>", "<script src=\"https://cdn.example.org/x.js\"></script></head>"));
    Files.delete(copy.resolve("site/du-lieu/don-vi-hanh-chinh.html"));
    List<String> problems = new ReleaseValidator(Paths.get("schemas")).validate(copy);
    assertTrue(
        problems.contains("site/index.html: link leaves the release: https://cdn.example.org/x.js"),
        problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith("site/du-lieu/don-vi-hanh-chinh.html: missing")),
        problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.contains(
                        "link to a file the release does not have:"
                            + " du-lieu/don-vi-hanh-chinh.html")),
        problems.toString());
  }

  @Test
  void everyLinkIsFoundAsARegularExpressionFindsIt() throws IOException {
    Pattern link = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    List<String> pages = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site())) {
      files.filter(f -> f.toString().endsWith(".html")).forEach(f -> pages.add(read(f)));
    }
    pages.add("<a data-href=\"x\" class=\"=\" href=\"\">src=\"a#b\" href=\"y");
    pages.add("href=\"\"src=\"z\"=\"");
    for (String html : pages) {
      List<String> expected = new ArrayList<>();
      Matcher m = link.matcher(html);
      while (m.find()) {
        expected.add(m.group(1));
      }
      assertEquals(expected, SiteCheck.links(html));
    }
    assertTrue(pages.size() > 3, "the sample site's pages");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void shot(String name, String width, Path page) throws Exception {
    Path png = Paths.get("target", name).toAbsolutePath();
    Files.deleteIfExists(png);
    Chromium.run(
        tmp.resolve("shot-" + name),
        "--hide-scrollbars",
        "--window-size=" + width + ",1800",
        "--screenshot=" + png,
        page.toUri().toString());
    assertTrue(Files.size(png) > 10_000, "a screenshot saved at " + png);
  }

  private static Path home() {
    return site().resolve("index.html");
  }

  /** The page of the commune with the most old units merged into it. */
  static Path communePage() {
    return site().resolve("kinh-te-so-cap-xa/14758.html");
  }

  private static List<String> datasets(Path release) throws IOException {
    String list = Files.readString(release.resolve("ckan/package_list.json"));
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\"([a-z0-9-]+)\"").matcher(list);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertEquals(6, names.size());
    return names;
  }

  private static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.walk(site())) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }
}
