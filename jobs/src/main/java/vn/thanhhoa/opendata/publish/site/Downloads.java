package vn.thanhhoa.opendata.publish.site;

import com.fasterxml.jackson.databind.JsonNode;

/** A dataset's files as links relative to the page, from its CKAN package's resources. */
final class Downloads {
  private Downloads() {}

  /** {@code toRelease}: the relative path from the page to the release's folder. */
  static void list(StringBuilder body, String dataset, JsonNode pkg, String toRelease) {
    body.append("<h2>Tải về</h2>\n<ul class=\"downloads\">\n");
    for (JsonNode r : pkg.path("resources")) {
      body.append("<li><a class=\"dl\" href=\"").append(href(dataset, r, toRelease)).append("\">");
      body.append(Html.esc(r.path("name").asText())).append("</a> <span class=\"fmt\">");
      body.append(Html.esc(r.path("format").asText())).append(", ");
      body.append(Html.size(r.path("size").asLong())).append("</span><br><small>");
      body.append(Html.esc(r.path("description").asText())).append("</small></li>\n");
    }
    String folder = toRelease + "datasets/" + dataset + "/";
    body.append("<li><a href=\"").append(folder).append("datapackage.json\">datapackage.json</a>");
    body.append(" <span class=\"fmt\">Frictionless Data Package</span></li>\n<li><a href=\"");
    body.append(toRelease).append("ckan/packages/").append(dataset).append(".json\">");
    body.append(dataset).append(".json</a> <span class=\"fmt\">CKAN package_show</span></li>\n");
    body.append("</ul>\n");
  }

  /** The resource's file, relative: its URL's path after {@code /datasets/}. */
  static String href(String dataset, JsonNode resource, String toRelease) {
    String url = resource.path("url").asText();
    String folder = "/datasets/" + dataset + "/";
    return toRelease + url.substring(url.indexOf(folder) + 1);
  }

  /** A CKAN naive-UTC timestamp for people: {@code 07/12/2026 04:31 (UTC)}. */
  static String when(String timestamp) {
    if (timestamp.length() < 16) {
      return timestamp;
    }
    return timestamp.substring(8, 10)
        + "/"
        + timestamp.substring(5, 7)
        + "/"
        + timestamp.substring(0, 4)
        + " "
        + timestamp.substring(11, 16)
        + " (UTC)";
  }
}
