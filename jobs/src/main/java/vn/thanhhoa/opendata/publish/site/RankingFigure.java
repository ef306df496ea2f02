package vn.thanhhoa.opendata.publish.site;

import java.util.List;

/** The ranking of communes in the latest month: bars, the communes left out, the table. */
final class RankingFigure {
  static final String ID = "xep-hang";

  private RankingFigure() {}

  static void append(
      StringBuilder body, String period, List<BarChart.Bar> bars, List<String> without) {
    String title = "Số tài khoản thanh toán trên 1.000 dân, tháng " + Html.month(period);
    body.append("<h2>Xếp hạng các xã, phường</h2>\n<figure class=\"chart\" id=\"").append(ID);
    body.append("\" data-period=\"").append(period).append("\">\n<figcaption>");
    body.append(Html.esc(title)).append("</figcaption>\n");
    body.append(new BarChart(ID + "-svg", title, bars).svg());
    if (!without.isEmpty()) {
      body.append("<p class=\"note\">Không xếp hạng (không có số liệu hoặc số bị ẩn, không phải ");
      body.append("số 0): ").append(Html.esc(String.join(", ", without))).append(".</p>\n");
    }
    body.append("<details><summary>Bảng xếp hạng</summary>\n<table class=\"data\"><caption>");
    body.append(Html.esc(title)).append("</caption>\n<thead><tr><th scope=\"col\">Hạng</th>");
    body.append("<th scope=\"col\">Xã, phường</th><th scope=\"col\">Tài khoản/1.000 dân</th>");
    body.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < bars.size(); i++) {
      BarChart.Bar b = bars.get(i);
      body.append("<tr data-commune=\"").append(b.code()).append("\" data-value=\"");
      body.append(b.value().toPlainString()).append("\"><td class=\"num\">").append(i + 1);
      body.append("</td><th scope=\"row\"><a href=\"").append(b.href()).append("\">");
      body.append(Html.esc(b.name())).append("</a></th><td class=\"num\">");
      body.append(Html.number(b.value())).append("</td></tr>\n");
    }
    body.append("</tbody></table></details>\n<p><a href=\"").append(ScorecardPages.DATA);
    body.append("\">Tải số liệu của biểu đồ (CSV)</a></p>\n</figure>\n");
  }
}
