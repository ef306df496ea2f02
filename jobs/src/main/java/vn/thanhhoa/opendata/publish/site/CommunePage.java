package vn.thanhhoa.opendata.publish.site;

import java.util.List;
import java.util.Map;

/**
 * One post-reform commune: its own series by month and the old units merged into it on 1 July 2025,
 * from the crosswalk {@code don-vi-hanh-chinh} of the same release.
 */
final class CommunePage {
  static final String CROSSWALK = "don-vi-hanh-chinh";

  private CommunePage() {}

  static String html(
      Scorecard scorecard, String code, List<Map<String, String>> oldUnits, String siteTitle) {
    List<Map<String, String>> rows = scorecard.communes().get(code);
    String name = ScorecardPages.name(rows.get(0));
    StringBuilder body = new StringBuilder(32_768);
    body.append("<p class=\"lead\">Mã ").append(Html.esc(code)).append(". Số liệu theo tháng ");
    body.append("của ").append(Html.esc(name)).append("; trước 01/7/2025 là tổng của các đơn vị ");
    body.append("cũ nay thuộc xã, phường này.</p>\n<p><a href=\"index.html\">Toàn tỉnh</a> · ");
    body.append("<a href=\"danh-sach-xa.html\">Các xã, phường</a></p>\n");
    for (Series s : series(scorecard, code)) {
      body.append(ChartFigure.line(s, ScorecardPages.DATA));
    }
    oldUnits(body, oldUnits);
    return PageShell.page(name, "../", siteTitle, body.toString());
  }

  static List<Series> series(Scorecard scorecard, String code) {
    return List.of(
        scorecard.commune(
            code,
            "tai-khoan",
            "accounts_total",
            "Tài khoản thanh toán không dùng tiền mặt",
            "tài khoản"),
        scorecard.commune(
            code, "niem-yet-ocop", "ocop_listings", "Niêm yết sản phẩm OCOP trên sàn", "niêm yết"),
        scorecard.commune(
            code,
            "ho-so-dung-han",
            "online_on_time_pct",
            "Tỷ lệ hồ sơ trực tuyến giải quyết đúng hạn",
            "%"));
  }

  private static void oldUnits(StringBuilder body, List<Map<String, String>> units) {
    body.append("<h2 id=\"don-vi-cu\">Các đơn vị cũ hợp thành</h2>\n");
    if (units.isEmpty()) {
      body.append("<p>Không có đơn vị cũ nào trong bảng chuyển đổi.</p>\n");
      return;
    }
    body.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=")
        .append("\"don-vi-cu\"><table class=\"data\">\n<thead><tr><th scope=\"col\">Mã cũ</th>")
        .append("<th scope=\"col\">Tên</th><th scope=\"col\">Huyện cũ</th>")
        .append("<th scope=\"col\">Phạm vi chuyển</th><th scope=\"col\">Số liệu tính vào đây")
        .append("</th></tr></thead>\n<tbody>\n");
    for (Map<String, String> u : units) {
      body.append("<tr><td>").append(Html.esc(u.get("old_commune_code"))).append("</td><th ");
      body.append("scope=\"row\">").append(Html.esc(u.get("old_commune_name"))).append("</th><td>");
      body.append(Html.esc(u.get("old_district_name"))).append("</td><td>");
      body.append("whole".equals(u.get("transfer")) ? "toàn bộ" : "một phần");
      body.append("true".equals(u.get("old_unit_split")) ? " (đơn vị bị chia tách)" : "");
      body.append("</td><td>").append("true".equals(u.get("figures_assigned")) ? "có" : "không");
      body.append("</td></tr>\n");
    }
    body.append("</tbody></table></div>\n<p><a href=\"../../datasets/").append(CROSSWALK);
    body.append('/').append(CROSSWALK).append(".csv\">Tải bảng chuyển đổi đơn vị (CSV)</a></p>\n");
  }
}
