package vn.thanhhoa.opendata.publish.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;

/** The site's home page: the scorecard's pages first, then every dataset with its files. */
final class HomePage {
  private HomePage() {}

  static String html(DatasetCatalog catalog, Map<String, JsonNode> packages, String siteTitle) {
    StringBuilder body = new StringBuilder(16_384);
    body.append("<p class=\"lead\">").append(Html.esc(catalog.organization().title()));
    body.append(" công bố ").append(catalog.datasets().size());
    body.append(" bộ dữ liệu mở, cập nhật theo lịch. Mỗi bộ có trang mô tả các cột, xem trước ");
    body.append("và tải về dạng CSV, Excel, JSON và Parquet.</p>\n");
    body.append("<section class=\"card highlight\"><h2>Kinh tế số cấp xã</h2>\n<ul>\n");
    body.append("<li><a href=\"kinh-te-so-cap-xa/index.html\">Toàn tỉnh theo tháng và xếp hạng ");
    body.append("các xã</a></li>\n<li><a href=\"kinh-te-so-cap-xa/danh-sach-xa.html\">");
    body.append("Trang của từng xã, phường</a></li>\n</ul></section>\n");
    body.append("<h2>Các bộ dữ liệu</h2>\n");
    for (DatasetSpec spec : catalog.datasets()) {
      dataset(body, spec, packages.get(spec.name()));
    }
    return PageShell.page("Dữ liệu mở", "", siteTitle, body.toString());
  }

  private static void dataset(StringBuilder body, DatasetSpec spec, JsonNode pkg) {
    body.append("<section class=\"card dataset\"><h3><a href=\"");
    body.append(DatasetPage.path(spec.name())).append("\">");
    body.append(Html.esc(spec.title().vi())).append("</a></h3>\n<p>");
    body.append("Mỗi dòng là: ").append(Html.forPeople(spec.grainText()));
    body.append(". Cập nhật: ");
    body.append(Html.esc(Downloads.when(pkg.path("metadata_modified").asText())));
    body.append("</p>\n<p class=\"formats\">");
    Set<String> shown = new HashSet<>();
    for (JsonNode r : pkg.path("resources")) {
      // One link per format: the dataset's page lists every file (Parquet has one per year).
      if (shown.add(r.path("format").asText())) {
        body.append("<a class=\"dl\" href=\"").append(Downloads.href(spec.name(), r, "../"));
        body.append("\">").append(Html.esc(r.path("format").asText())).append("</a> ");
      }
    }
    body.append("</p></section>\n");
  }
}
