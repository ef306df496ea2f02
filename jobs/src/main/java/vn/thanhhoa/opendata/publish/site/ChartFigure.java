package vn.thanhhoa.opendata.publish.site;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A chart with what goes with it: its caption, the note on its gaps, its numbers as a table (the
 * text alternative for people who cannot see it) and a link to the data it draws.
 */
final class ChartFigure {
  static final String GAP_NOTE =
      "Khoảng trống trên biểu đồ là tháng không có số liệu hoặc số bị ẩn, không phải số 0: ";

  private ChartFigure() {}

  static String line(Series series, String dataHref) {
    String unit = series.unit() == null ? "" : " (" + series.unit() + ")";
    StringBuilder html = new StringBuilder(8192);
    html.append("<figure class=\"chart\" id=\"").append(series.id()).append("\">\n<figcaption>");
    html.append(Html.esc(series.title() + unit)).append("</figcaption>\n");
    html.append(new LineChart(series).svg());
    List<Series.Point> gaps = series.gaps();
    if (!gaps.isEmpty()) {
      html.append("<p class=\"note\">").append(GAP_NOTE);
      html.append(
          gaps.stream()
              .map(p -> Html.month(p.period()) + " (" + p.note() + ")")
              .map(Html::esc)
              .collect(Collectors.joining("; ")));
      html.append(".</p>\n");
    }
    table(html, series);
    html.append("<p><a href=\"").append(dataHref).append("\">Tải số liệu của biểu đồ (CSV)</a>");
    return html.append("</p>\n</figure>\n").toString();
  }

  private static void table(StringBuilder html, Series series) {
    html.append("<details><summary>Bảng số liệu</summary>\n<table class=\"data\"><caption>");
    html.append(Html.esc(series.title())).append("</caption>\n<thead><tr><th scope=\"col\">");
    html.append("Tháng</th><th scope=\"col\">").append(Html.esc(valueHeader(series)));
    html.append("</th><th scope=\"col\">Ghi chú</th></tr></thead>\n<tbody>\n");
    for (Series.Point p : series.points()) {
      html.append("<tr data-period=\"").append(p.period()).append("\" data-value=\"");
      html.append(p.isGap() ? "" : p.value().toPlainString()).append("\"><th scope=\"row\">");
      html.append(Html.month(p.period())).append("</th><td class=\"num\">");
      html.append(p.isGap() ? "–" : Html.number(p.value())).append("</td><td>");
      html.append(Html.esc(p.note() == null ? "" : p.note())).append("</td></tr>\n");
    }
    html.append("</tbody></table></details>\n");
  }

  private static String valueHeader(Series series) {
    return series.unit() == null ? "Giá trị" : "Giá trị (" + series.unit() + ")";
  }
}
