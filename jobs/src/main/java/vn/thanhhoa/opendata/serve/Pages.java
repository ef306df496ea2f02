package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import vn.thanhhoa.opendata.core.HtmlText;

/**
 * The human pages: the list of datasets at {@code /} and one page per dataset, readable on a phone.
 */
final class Pages {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final PageTemplate PAGE = PageTemplate.load("/serve/page.html");

  private Pages() {}

  static String home(FeedSnapshot feed, String siteTitle) {
    StringBuilder body =
        new StringBuilder("<p><a href=\"/site/\">Xem biểu đồ và số liệu từng xã</a></p>\n");
    for (JsonNode pkg : feed.packagesByName.values()) {
      body.append(article(pkg));
    }
    return page(
        siteTitle,
        siteTitle,
        "Dữ liệu mở về chuyển đổi số: " + feed.packagesByName.size() + " bộ dữ liệu",
        body.toString(),
        feed.id);
  }

  /** A dataset on the home page: title, date, publisher, first paragraph and downloads. */
  private static String article(JsonNode pkg) {
    return "<article><h2><a href=\"/dataset/"
        + esc(pkg.path("name").asText())
        + "\">"
        + esc(pkg.path("title").asText())
        + "</a></h2>"
        + "<p class=\"meta\">Cập nhật: "
        + esc(local(pkg.path("metadata_modified").asText()))
        + " · "
        + esc(pkg.path("organization").path("title").asText())
        + "</p>"
        + "<p class=\"desc\">"
        + esc(firstParagraph(pkg.path("notes").asText()))
        + "</p>"
        + downloads(pkg)
        + "</article>\n";
  }

  static String dataset(JsonNode pkg, String siteTitle, String release) {
    String body =
        "<article><p class=\"meta\">Cập nhật: "
            + esc(local(pkg.path("metadata_modified").asText()))
            + " · Giấy phép: "
            + esc(pkg.path("license_title").asText())
            + "</p>"
            + downloads(pkg)
            + "<pre>"
            + esc(pkg.path("notes").asText())
            + "</pre></article>";
    return page(
        pkg.path("title").asText() + " · " + siteTitle,
        pkg.path("title").asText(),
        "<a style=\"color:#fff\" href=\"/\">← " + esc(siteTitle) + "</a>",
        body,
        release);
  }

  private static String downloads(JsonNode pkg) {
    StringBuilder links = new StringBuilder("<p>");
    for (JsonNode r : pkg.path("resources")) {
      String url = r.path("url").asText();
      String path = url.substring(url.indexOf("/datasets/"));
      links
          .append("<a class=\"dl\" download href=\"")
          .append(esc(path))
          .append("\">Tải ")
          .append(esc(r.path("format").asText()))
          .append(" <small>(")
          .append(size(r.path("size").asLong()))
          .append(")</small></a>");
    }
    return links.append("</p>").toString();
  }

  private static String page(
      String title, String heading, String subtitle, String body, String release) {
    boolean subtitleIsHtml = subtitle.startsWith("<a ");
    return PAGE.fill(
        Map.of(
            "title", esc(title),
            "heading", esc(heading),
            "subtitle", subtitleIsHtml ? subtitle : esc(subtitle),
            "body", body,
            "release", esc(release)));
  }

  private static String firstParagraph(String notes) {
    int end = notes.indexOf("\n\n");
    return end < 0 ? notes : notes.substring(0, end);
  }

  private static String local(String ckanTime) {
    try {
      return SHOWN.format(
          LocalDateTime.parse(ckanTime).atOffset(ZoneOffset.UTC).atZoneSameInstant(LOCAL));
    } catch (RuntimeException e) {
      return ckanTime;
    }
  }

  private static String size(long bytes) {
    return bytes < 1024
        ? bytes + " B"
        : bytes < 1 << 20
            ? (bytes / 1024) + " KB"
            : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  static String esc(String s) {
    return HtmlText.escape(s);
  }
}
