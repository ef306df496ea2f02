package vn.thanhhoa.opendata.publish.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A month-by-month line chart as SVG, drawn here so that the release needs no script: a month
 * without a value breaks the line and is marked as a gap, never drawn at zero. Every point carries
 * its month and value in data attributes, as its text alternative does in the table beside it.
 */
final class LineChart {
  static final int WIDTH = 480;
  static final int HEIGHT = 220;
  private static final int LEFT = 92;
  private static final int RIGHT = 12;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;

  private final Series series;
  private final BigDecimal top;

  LineChart(Series series) {
    this.series = series;
    this.top = Scale.niceTop(series.max());
  }

  String svg() {
    StringBuilder svg = new StringBuilder(4096);
    String id = series.id();
    svg.append("<svg class=\"line\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-t\"><title id=\"")
        .append(id)
        .append("-t\">")
        .append(Html.esc(series.title()))
        .append("</title>\n");
    axes(svg);
    gaps(svg);
    line(svg);
    points(svg);
    return svg.append("</svg>\n").toString();
  }

  private double x(int i) {
    int n = series.points().size();
    double width = WIDTH - LEFT - RIGHT;
    return n == 1 ? LEFT + width / 2 : LEFT + i * width / (n - 1);
  }

  private double y(BigDecimal value) {
    double height = HEIGHT - TOP - BOTTOM;
    return TOP + height - value.doubleValue() / top.doubleValue() * height;
  }

  private void axes(StringBuilder svg) {
    for (BigDecimal tick : List.of(BigDecimal.ZERO, half(), top)) {
      String y = Scale.fmt(y(tick));
      svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"");
      svg.append(WIDTH - RIGHT).append("\" y1=\"").append(y).append("\" y2=\"").append(y);
      svg.append("\"/><text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y);
      svg.append("\" text-anchor=\"end\" dy=\"4\">").append(Html.number(tick)).append("</text>\n");
    }
    List<Series.Point> points = series.points();
    for (int i : Scale.labelled(points.size())) {
      String anchor = i == 0 ? "start" : i == points.size() - 1 ? "end" : "middle";
      svg.append("<text class=\"tick\" x=\"").append(Scale.fmt(x(i))).append("\" y=\"");
      svg.append(HEIGHT - 12).append("\" text-anchor=\"").append(anchor).append("\">");
      svg.append(Html.month(points.get(i).period())).append("</text>\n");
    }
  }

  private BigDecimal half() {
    return top.divide(BigDecimal.valueOf(2), Math.max(0, top.scale()) + 1, RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }

  /** A shaded band over each month without a value, with the reason as its tooltip. */
  private void gaps(StringBuilder svg) {
    List<Series.Point> points = series.points();
    double band = points.size() == 1 ? 40 : (WIDTH - LEFT - RIGHT) / (double) (points.size() - 1);
    for (int i = 0; i < points.size(); i++) {
      Series.Point p = points.get(i);
      if (p.isGap()) {
        svg.append("<rect class=\"gap\" data-period=\"").append(p.period());
        svg.append("\" x=\"").append(Scale.fmt(x(i) - band / 2)).append("\" y=\"").append(TOP);
        svg.append("\" width=\"").append(Scale.fmt(band)).append("\" height=\"");
        svg.append(HEIGHT - TOP - BOTTOM).append("\"><title>").append(Html.month(p.period()));
        svg.append(": ").append(Html.esc(p.note())).append("</title></rect>\n");
      }
    }
  }

  /** The line, broken at every gap. */
  private void line(StringBuilder svg) {
    StringBuilder d = new StringBuilder();
    boolean drawing = false;
    List<Series.Point> points = series.points();
    for (int i = 0; i < points.size(); i++) {
      Series.Point p = points.get(i);
      if (p.isGap()) {
        drawing = false;
        continue;
      }
      d.append(drawing ? " L" : " M").append(Scale.fmt(x(i))).append(' ');
      d.append(Scale.fmt(y(p.value())));
      drawing = true;
    }
    if (d.length() > 0) {
      svg.append("<path class=\"series\" d=\"").append(d.substring(1)).append("\"/>\n");
    }
  }

  private void points(StringBuilder svg) {
    List<Series.Point> points = series.points();
    for (int i = 0; i < points.size(); i++) {
      Series.Point p = points.get(i);
      if (!p.isGap()) {
        svg.append("<circle class=\"pt\" r=\"3.5\" cx=\"").append(Scale.fmt(x(i)));
        svg.append("\" cy=\"").append(Scale.fmt(y(p.value()))).append("\" data-period=\"");
        svg.append(p.period()).append("\" data-value=\"").append(p.value().toPlainString());
        svg.append("\"><title>").append(Html.month(p.period())).append(": ");
        svg.append(Html.number(p.value())).append("</title></circle>\n");
      }
    }
  }
}
