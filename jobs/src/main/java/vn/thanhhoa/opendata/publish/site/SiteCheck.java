package vn.thanhhoa.opendata.publish.site;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.thanhhoa.opendata.core.Store;

/**
 * The release check of the site: a page per dataset, and every link and every file a page loads
 * ({@code href}, {@code src}) relative and resolving to a file of the same release, so that the
 * folder works as it is and asks nothing from outside.
 */
public final class SiteCheck {
  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

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
        links(page, store.readString(release + "/" + page), files, problems);
      }
    }
  }

  private static void links(String page, String html, Set<String> files, List<String> problems) {
    Matcher link = LINK.matcher(html);
    while (link.find()) {
      String target = target(page, link.group(1));
      if (target == null) {
        problems.add(page + ": link leaves the release: " + link.group(1));
      } else if (!target.isEmpty() && !files.contains(target)) {
        problems.add(page + ": link to a file the release does not have: " + link.group(1));
      }
    }
  }

  /**
   * The release file a link names (without its {@code #fragment}), "" for a link within the page,
   * or null for one that is absolute or climbs out of the release.
   */
  static String target(String page, String href) {
    String path = href.replaceFirst("#.*$", "");
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
