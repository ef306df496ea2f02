package vn.thanhhoa.opendata.publish.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * A dataset's page: what it is, its grain, its columns with their Vietnamese labels, its first
 * rows, every file to download, its last update and its licence.
 */
final class DatasetPage {
  static final int PREVIEW_ROWS = 10;

  private DatasetPage() {}

  /** The page's path in the site. */
  static String path(String dataset) {
    return "du-lieu/" + dataset + ".html";
  }

  /**
   * @param head the dataset's first rows (at least {@link #PREVIEW_ROWS} where it has them)
   * @param rows how many rows the dataset has
   */
  static String html(
      DatasetSpec spec, JsonNode pkg, ReleaseTable head, long rows, String siteTitle) {
    StringBuilder body = new StringBuilder(32_768);
    body.append("<p class=\"lead\">").append(Html.esc(spec.description().vi())).append("</p>\n");
    facts(body, spec, pkg);
    columns(body, spec);
    preview(body, spec, head, rows);
    Downloads.list(body, spec.name(), pkg, "../../");
    return PageShell.page(spec.title().vi(), "../", siteTitle, body.toString());
  }

  private static void facts(StringBuilder body, DatasetSpec spec, JsonNode pkg) {
    body.append("<dl class=\"facts\">\n");
    body.append("<dt>Mỗi dòng là</dt><dd>").append(Html.forPeople(spec.grainText()));
    body.append("</dd>\n");
    fact(body, "Khóa", String.join(", ", spec.key()));
    fact(body, "Tần suất cập nhật", frequency(spec.frequency()));
    fact(body, "Cập nhật lần cuối", Downloads.when(pkg.path("metadata_modified").asText()));
    String license = pkg.path("license_title").asText();
    String url = pkg.path("license_url").asText();
    fact(body, "Giấy phép", url.isEmpty() ? license : license + " – " + url);
    body.append("</dl>\n");
  }

  private static void fact(StringBuilder body, String term, String value) {
    body.append("<dt>").append(Html.esc(term)).append("</dt><dd>").append(Html.esc(value));
    body.append("</dd>\n");
  }

  private static String frequency(String frequency) {
    return switch (frequency) {
      case "daily" -> "hằng ngày";
      case "weekly" -> "hằng tuần";
      case "monthly" -> "hằng tháng";
      case "annual" -> "hằng năm";
      default -> "không định kỳ";
    };
  }

  private static void columns(StringBuilder body, DatasetSpec spec) {
    body.append("<h2 id=\"cot\">Các cột</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\"")
        .append(" aria-labelledby=\"cot\"><table class=\"data\">\n<thead><tr>")
        .append("<th scope=\"col\">Nhãn</th><th scope=\"col\">Tên cột</th>")
        .append("<th scope=\"col\">Kiểu</th><th scope=\"col\">Đơn vị</th>")
        .append("<th scope=\"col\">Mô tả</th></tr></thead>\n<tbody>\n");
    for (DatasetSpec.Column c : spec.columns()) {
      body.append("<tr><th scope=\"row\">").append(Html.esc(c.label())).append("</th><td><code>");
      body.append(Html.esc(c.name())).append("</code></td><td>").append(Html.esc(c.type()));
      body.append("</td><td>").append(Html.esc(c.unit())).append("</td><td>");
      body.append(Html.forPeople(c.descriptionText())).append("</td></tr>\n");
    }
    body.append("</tbody></table></div>\n");
  }

  private static void preview(StringBuilder body, DatasetSpec spec, ReleaseTable head, long all) {
    List<List<String>> rows = head.rows().subList(0, Math.min(PREVIEW_ROWS, head.rows().size()));
    body.append("<h2 id=\"xem-truoc\">Xem trước ").append(rows.size()).append(" dòng đầu (trên ");
    body.append(Html.number(BigDecimal.valueOf(all)));
    body.append(" dòng)</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" ");
    body.append("aria-labelledby=\"xem-truoc\"><table class=\"data preview\">\n<thead><tr>");
    for (DatasetSpec.Column c : spec.columns()) {
      body.append("<th scope=\"col\">").append(Html.esc(c.label())).append("</th>");
    }
    body.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      body.append("<tr>");
      row.forEach(v -> body.append("<td>").append(Html.esc(v)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</tbody></table></div>\n");
  }
}
