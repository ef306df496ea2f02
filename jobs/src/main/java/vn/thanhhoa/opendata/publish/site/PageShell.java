package vn.thanhhoa.opendata.publish.site;

/**
 * The frame every page shares: Vietnamese, phone-first, one stylesheet of the site and nothing
 * loaded from outside the release. {@code root} is the relative path from the page to the site's
 * folder ({@code ""} or {@code "../"}).
 */
final class PageShell {
  private PageShell() {}

  static String page(String title, String root, String siteTitle, String body) {
    return "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + Html.esc(title)
        + " – "
        + Html.esc(siteTitle)
        + "</title>\n<link rel=\"stylesheet\" href=\""
        + root
        + "style.css\">\n</head>\n<body>\n"
        + "<a class=\"skip\" href=\"#noi-dung\">Bỏ qua, tới nội dung chính</a>\n"
        + "<header><p class=\"site\"><a href=\""
        + root
        + "index.html\">"
        + Html.esc(siteTitle)
        + "</a></p></header>\n<main id=\"noi-dung\">\n<h1>"
        + Html.esc(title)
        + "</h1>\n"
        + body
        + "</main>\n<footer><p>Trang tĩnh tạo từ chính các tệp dữ liệu của bản phát hành này."
        + "</p></footer>\n</body>\n</html>\n";
  }
}
