package vn.thanhhoa.opendata.publish.site;

import java.math.BigDecimal;
import java.util.List;

/**
 * A ranking as horizontal SVG bars, highest first, one row per commune with its name; communes
 * without a value are not drawn (the page lists them), so none is shown as a zero.
 */
final class BarChart {
  private static final int WIDTH = 640;
  private static final int ROW = 18;
  private static final int LABEL = 190;
  private static final int VALUE = 70;

  /** One bar: the commune's code and name, its value, and the page it links to. */
  record Bar(String code, String name, BigDecimal value, String href) {}

  private final String id;
  private final String title;
  private final List<Bar> bars;

  BarChart(String id, String title, List<Bar> bars) {
    this.id = id;
    this.title = title;
    this.bars = List.copyOf(bars);
  }

  String svg() {
    BigDecimal top = bars.stream().map(Bar::value).reduce(BigDecimal.ZERO, BigDecimal::max);
    double scale = top.signum() == 0 ? 0 : (WIDTH - LABEL - VALUE) / top.doubleValue();
    StringBuilder svg = new StringBuilder(256 + bars.size() * 360);
    svg.append("<svg class=\"bars\" viewBox=\"0 0 ").append(WIDTH).append(' ');
    svg.append(bars.size() * ROW + 4).append("\" role=\"img\" aria-labelledby=\"").append(id);
    svg.append("-t\"><title id=\"").append(id).append("-t\">").append(Html.esc(title));
    svg.append("</title>\n");
    for (int i = 0; i < bars.size(); i++) {
      bar(svg, bars.get(i), i * ROW + 2, scale);
    }
    return svg.append("</svg>\n").toString();
  }

  private static void bar(StringBuilder svg, Bar bar, int y, double scale) {
    String width = Scale.fmt(Math.max(1, bar.value().doubleValue() * scale));
    svg.append("<a href=\"").append(bar.href()).append("\"><text class=\"name\" x=\"");
    svg.append(LABEL - 6).append("\" y=\"").append(y + 12).append("\" text-anchor=\"end\">");
    svg.append(Html.esc(bar.name())).append("</text></a>");
    svg.append("<rect class=\"bar\" x=\"").append(LABEL).append("\" y=\"").append(y + 2);
    svg.append("\" width=\"").append(width).append("\" height=\"").append(ROW - 5);
    svg.append("\" data-commune=\"").append(bar.code()).append("\" data-value=\"");
    svg.append(bar.value().toPlainString()).append("\"/><text class=\"val\" x=\"");
    svg.append(Scale.fmt(LABEL + Double.parseDouble(width) + 4)).append("\" y=\"");
    svg.append(y + 12).append("\">").append(Html.number(bar.value())).append("</text>\n");
  }
}
