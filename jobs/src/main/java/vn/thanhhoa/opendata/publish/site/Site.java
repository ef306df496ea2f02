package vn.thanhhoa.opendata.publish.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.Store;

/**
 * The release's static site, {@code site/}: pages for people, written from the release's own files
 * and CKAN packages, so the release's switch publishes them with the data they describe. Links are
 * relative and nothing is loaded from outside the release: the folder works as it is on any web
 * server. Plain string templates, no Spark: thousands of commune pages take seconds.
 */
public final class Site {
  /** The site's folder in a release. */
  public static final String FOLDER = "site";

  /** The datasets the scorecard's pages draw from, read whole; of the others only the head. */
  private static final Set<String> WHOLE = Set.of(Scorecard.NAME, CommunePage.CROSSWALK);

  private final DatasetCatalog catalog;
  private final String siteTitle;
  private final Store store;

  public Site(DatasetCatalog catalog, String siteTitle, Store store) {
    this.catalog = catalog;
    this.siteTitle = siteTitle;
    this.store = store;
  }

  /**
   * Writes the site into {@code release}; {@code packages} are its CKAN packages by name, {@code
   * rows} each dataset's row count.
   */
  public void write(String release, Map<String, JsonNode> packages, Map<String, Long> rows) {
    String site = release + "/" + FOLDER + "/";
    store.write(site + "style.css", stylesheet());
    page(site + "index.html", HomePage.html(catalog, packages, siteTitle));
    Map<String, ReleaseTable> tables = new HashMap<>();
    for (DatasetSpec spec : catalog.datasets()) {
      String name = spec.name();
      ReleaseTable table =
          WHOLE.contains(name)
              ? ReleaseTable.read(store, release, name)
              : ReleaseTable.head(store, release, name, DatasetPage.PREVIEW_ROWS);
      tables.put(name, table);
      page(
          site + DatasetPage.path(name),
          DatasetPage.html(spec, packages.get(name), table, rows.get(name), siteTitle));
    }
    if (tables.containsKey(Scorecard.NAME)) {
      scorecard(tables, site);
    }
  }

  /** The scorecard's pages, from the whole tables read for the dataset pages. */
  private void scorecard(Map<String, ReleaseTable> tables, String site) {
    Scorecard scorecard = new Scorecard(tables.get(Scorecard.NAME).records());
    ScorecardPages pages = new ScorecardPages(scorecard, siteTitle);
    String folder = site + ScorecardPages.FOLDER;
    page(folder + "index.html", pages.province());
    page(folder + "danh-sach-xa.html", pages.communeList());
    Map<String, List<Map<String, String>>> merged = oldUnits(tables.get(CommunePage.CROSSWALK));
    for (String code : scorecard.communes().keySet()) {
      page(
          folder + code + ".html",
          CommunePage.html(scorecard, code, merged.getOrDefault(code, List.of()), siteTitle));
    }
  }

  /** The crosswalk's edges by the new commune they lead to (none without the crosswalk). */
  private static Map<String, List<Map<String, String>>> oldUnits(ReleaseTable crosswalk) {
    Map<String, List<Map<String, String>>> byNew = new HashMap<>();
    if (crosswalk != null) {
      for (Map<String, String> edge : crosswalk.records()) {
        byNew.computeIfAbsent(edge.get("commune_code_2025"), c -> new ArrayList<>()).add(edge);
      }
    }
    return byNew;
  }

  private void page(String file, String html) {
    store.write(file, html.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] stylesheet() {
    try (InputStream css = Site.class.getResourceAsStream("/site/style.css")) {
      if (css == null) {
        throw new IllegalStateException("Cannot build the site: style.css is not in the jar");
      }
      return css.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the site's style.css", e);
    }
  }
}
