package vn.thanhhoa.opendata.publish.site;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scorecard's pages: the province by month with the ranking of communes in the latest month,
 * the list of communes, and one page per commune.
 */
final class ScorecardPages {
  static final String FOLDER = "kinh-te-so-cap-xa/";
  static final String DATA = "../../datasets/" + Scorecard.NAME + "/" + Scorecard.NAME + ".csv";
  static final String RANKED = "accounts_per_1000_inhabitants";

  /** Bars drawn at most: nationally (3,321 communes) the whole ranking would weigh megabytes. */
  static final int RANKED_SHOWN = 200;

  private final Scorecard scorecard;
  private final String siteTitle;

  ScorecardPages(Scorecard scorecard, String siteTitle) {
    this.scorecard = scorecard;
    this.siteTitle = siteTitle;
  }

  /** The province page: trends by month and the latest ranking. */
  String province() {
    StringBuilder body = new StringBuilder(65_536);
    body.append("<p class=\"lead\">Tổng của các xã, phường theo tháng, tính từ bảng điểm ");
    body.append("kinh tế số cấp xã của bản phát hành này (tổng của các số được công bố).</p>\n");
    body.append("<p><a href=\"danh-sach-xa.html\">Trang của từng xã, phường</a> · ");
    body.append("<a href=\"../").append(DatasetPage.path(Scorecard.NAME)).append("\">");
    body.append("Mô tả bộ dữ liệu</a></p>\n");
    for (Series s : provinceSeries()) {
      body.append(ChartFigure.line(s, DATA));
    }
    ranking(body);
    return PageShell.page("Kinh tế số cấp xã: toàn tỉnh", "../", siteTitle, body.toString());
  }

  List<Series> provinceSeries() {
    return List.of(
        scorecard.provinceSum(
            "tai-khoan", "accounts_total", "Tài khoản thanh toán không dùng tiền mặt", "tài khoản"),
        scorecard.provinceSum(
            "niem-yet-ocop", "ocop_listings", "Niêm yết sản phẩm OCOP trên sàn", "niêm yết"),
        scorecard.provinceRate(
            "ho-so-dung-han",
            "online_dossiers_on_time",
            "online_dossiers_received",
            "Tỷ lệ hồ sơ trực tuyến giải quyết đúng hạn"));
  }

  private void ranking(StringBuilder body) {
    String latest = latestWith(RANKED);
    if (latest == null) {
      return;
    }
    int m = scorecard.periods().indexOf(latest);
    List<BarChart.Bar> bars = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, String>>> e : scorecard.communes().entrySet()) {
      Map<String, String> r = e.getValue().get(m);
      if (r.get(RANKED).isEmpty()) {
        without.add(name(r));
      } else {
        bars.add(
            new BarChart.Bar(
                e.getKey(), name(r), new BigDecimal(r.get(RANKED)), e.getKey() + ".html"));
      }
    }
    bars.sort(Comparator.comparing(BarChart.Bar::value).reversed());
    if (bars.size() > RANKED_SHOWN) {
      body.append("<p class=\"note\">Biểu đồ và bảng cho ").append(RANKED_SHOWN);
      body.append(" xã, phường cao nhất trong ").append(bars.size());
      body.append("; thứ hạng đầy đủ có trong tệp dữ liệu.</p>\n");
    }
    RankingFigure.append(
        body, latest, bars.subList(0, Math.min(RANKED_SHOWN, bars.size())), without);
  }

  /** The latest month in which some commune has a value of {@code column}. */
  private String latestWith(String column) {
    List<String> periods = scorecard.periods();
    for (int m = periods.size() - 1; m >= 0; m--) {
      int month = m;
      if (scorecard.communes().values().stream()
          .anyMatch(rows -> !rows.get(month).get(column).isEmpty())) {
        return periods.get(m);
      }
    }
    return null;
  }

  static String name(Map<String, String> row) {
    String type = row.get("commune_type");
    String name = row.get("commune_name");
    return name.toLowerCase(Locale.ROOT).startsWith(type.toLowerCase(Locale.ROOT))
        ? name
        : capital(type) + " " + name;
  }

  private static String capital(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /** The list of communes, each linking to its page. */
  String communeList() {
    StringBuilder body = new StringBuilder(32_768);
    body.append("<p class=\"lead\">").append(scorecard.communes().size());
    body.append(
        " xã, phường sau sắp xếp đơn vị hành chính ngày 01/7/2025.</p>\n<ul class=\"cols\">\n");
    for (Map.Entry<String, List<Map<String, String>>> e : scorecard.communes().entrySet()) {
      body.append("<li><a href=\"").append(e.getKey()).append(".html\">");
      body.append(Html.esc(name(e.getValue().get(0)))).append("</a></li>\n");
    }
    body.append("</ul>\n");
    return PageShell.page("Các xã, phường", "../", siteTitle, body.toString());
  }
}
