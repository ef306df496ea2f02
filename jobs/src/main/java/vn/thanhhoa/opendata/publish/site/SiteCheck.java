package vn.thanhhoa.opendata.publish.site;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.thanhhoa.opendata.core.Store;

/**
 * The release check of the site: a page per dataset, and every link and every file a page loads
 * ({@code href}, {@code src}) relative and resolving to a file of the same release, so that the
 * folder works as it is and asks nothing from outside.
 */
public final class SiteCheck {

  private SiteCheck() {}

  /** Adds every problem found to {@code problems}, each naming its page. */
  public static void check(
      Store store, String release, List<String> datasets, List<String> problems) {
    Set<String> files = new HashSet<>(store.files(release));
    String home = Site.FOLDER + "/index.html";
    if (!files.contains(home)) {
      problems.add(home + ": missing");
      return;
    }
    for (String dataset : datasets) {
      String page = Site.FOLDER + "/" + DatasetPage.path(dataset);
      if (!files.contains(page)) {
        problems.add(page + ": missing (the site has no page for dataset " + dataset + ")");
      }
    }
    for (String page : files) {
      if (page.startsWith(Site.FOLDER + "/") && page.endsWith(".html")) {
        for (String href : links(store.readString(release + "/" + page))) {
          link(page, href, files, problems);
        }
      }
    }
  }

  /**
   * Every {@code href="…"} and {@code src="…"} value of a page, in order; found by their {@code ="}
   * (a regular expression tried at every character took most of a national site's check).
   */
  static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    int from = 0;
    for (int eq = html.indexOf("=\"", from); eq >= 0; eq = html.indexOf("=\"", from)) {
      int end = html.indexOf('"', eq + 2);
      if (end < 0) {
        break;
      }
      boolean named = html.startsWith("href", eq - 4) || html.startsWith("src", eq - 3);
      from = named ? end + 1 : eq + 2;
      if (named) {
        links.add(html.substring(eq + 2, end));
      }
    }
    return links;
  }

  private static void link(String page, String href, Set<String> files, List<String> problems) {
    String target = target(page, href);
    if (target == null) {
      problems.add(page + ": link leaves the release: " + href);
    } else if (!target.isEmpty() && !files.contains(target)) {
      problems.add(page + ": link to a file the release does not have: " + href);
    }
  }

  /**
   * The release file a link names (without its {@code #fragment}), "" for a link within the page,
   * or null for one that is absolute or climbs out of the release.
   */
  static String target(String page, String href) {
    int fragment = href.indexOf('#');
    String path = fragment < 0 ? href : href.substring(0, fragment);
    if (path.isEmpty()) {
      return "";
    }
    URI uri = URI.create("x:/r/" + page).resolve(path.replace(" ", "%20"));
    if (!"x".equals(uri.getScheme()) || uri.getRawQuery() != null || href.startsWith("/")) {
      return null;
    }
    String resolved = uri.getPath();
    return resolved.startsWith("/r/") ? resolved.substring(3) : null;
  }
}
