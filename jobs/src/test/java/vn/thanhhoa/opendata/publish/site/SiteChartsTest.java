package vn.thanhhoa.opendata.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.Csv;
import vn.thanhhoa.opendata.testing.SampleRuns;

/**
 * The numbers the charts draw are the scorecard's CSV: the province's sums and rate, one commune's
 * series; a month without a value is a gap, never a zero.
 */
class SiteChartsTest {
  private static final Pattern POINT =
      Pattern.compile("<circle class=\"pt\"[^>]*data-period=\"([^\"]+)\" data-value=\"([^\"]+)\"");
  private static final Pattern GAP =
      Pattern.compile("<rect class=\"gap\" data-period=\"([^\"]+)\"");

  private static List<Map<String, String>> scorecard() throws IOException {
    Path csv = SampleRuns.release(1).resolve("datasets/kinh-te-so-cap-xa/kinh-te-so-cap-xa.csv");
    List<Csv.Record> records = Csv.parse(Files.readString(csv).substring(1), ',');
    List<String> header = records.get(0).fields();
    return records.subList(1, records.size()).stream()
        .map(
            r -> {
              Map<String, String> row = new HashMap<>();
              for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.fields().get(i));
              }
              return row;
            })
        .toList();
  }

  /** The part of a page that is the figure {@code id}. */
  private static String figure(Path page, String id) throws IOException {
    String html = Files.readString(page);
    int start = html.indexOf("<figure class=\"chart\" id=\"" + id + "\"");
    assertTrue(start >= 0, page + " has figure " + id);
    return html.substring(start, html.indexOf("</figure>", start));
  }

  private static Map<String, String> drawn(String figure) {
    Map<String, String> points = new TreeMap<>();
    Matcher m = POINT.matcher(figure);
    while (m.find()) {
      points.put(m.group(1), m.group(2));
    }
    return points;
  }

  private static List<String> gaps(String figure) {
    return GAP.matcher(figure).results().map(r -> r.group(1)).toList();
  }

  @Test
  void theProvinceChartsDrawTheSumsOfTheScorecard() throws IOException {
    List<Map<String, String>> rows = scorecard();
    Path page = SampleRuns.release(1).resolve("site/kinh-te-so-cap-xa/index.html");
    for (String[] chart :
        new String[][] {{"tai-khoan", "accounts_total"}, {"niem-yet-ocop", "ocop_listings"}}) {
      Map<String, BigDecimal> sums = new TreeMap<>();
      Map<String, Boolean> any = new TreeMap<>();
      for (Map<String, String> r : rows) {
        String v = r.get(chart[1]);
        any.merge(r.get("period"), !v.isEmpty(), Boolean::logicalOr);
        if (!v.isEmpty()) {
          sums.merge(r.get("period"), new BigDecimal(v), BigDecimal::add);
        }
      }
      Map<String, String> expected = new TreeMap<>();
      sums.forEach((p, s) -> expected.put(p, s.toPlainString()));
      String figure = figure(page, chart[0]);
      assertEquals(expected, drawn(figure), chart[1]);
      List<String> empty =
          any.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
      assertEquals(empty, gaps(figure), "months without any value are gaps: " + chart[1]);
    }
  }

  @Test
  void theProvinceOnTimeShareIsRecomputedFromSummedCounts() throws IOException {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    for (Map<String, String> r : scorecard()) {
      String onTime = r.get("online_dossiers_on_time");
      String received = r.get("online_dossiers_received");
      if (!onTime.isEmpty() && !received.isEmpty()) {
        BigDecimal[] s =
            sums.computeIfAbsent(
                r.get("period"), p -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(new BigDecimal(onTime));
        s[1] = s[1].add(new BigDecimal(received));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    sums.forEach(
        (p, s) ->
            expected.put(
                p,
                s[0].multiply(BigDecimal.valueOf(100))
                    .divide(s[1], 2, RoundingMode.HALF_UP)
                    .toPlainString()));
    Path page = SampleRuns.release(1).resolve("site/kinh-te-so-cap-xa/index.html");
    assertEquals(expected, drawn(figure(page, "ho-so-dung-han")));
  }

  @Test
  void aCommuneChartDrawsItsRowsAndLeavesGapsWhereTheyHaveNoValue() throws IOException {
    String code = "14758";
    Path page = SitePagesTest.communePage();
    for (String[] chart :
        new String[][] {
          {"tai-khoan", "accounts_total"}, {"ho-so-dung-han", "online_on_time_pct"}
        }) {
      Map<String, String> expected = new TreeMap<>();
      List<String> missing = new ArrayList<>();
      for (Map<String, String> r : scorecard()) {
        if (r.get("commune_code").equals(code)) {
          if (r.get(chart[1]).isEmpty()) {
            missing.add(r.get("period"));
          } else {
            expected.put(r.get("period"), r.get(chart[1]));
          }
        }
      }
      String figure = figure(page, chart[0]);
      assertEquals(expected, drawn(figure), chart[1]);
      assertEquals(missing, gaps(figure), chart[1]);
      for (String period : missing) {
        assertTrue(figure.contains("<tr data-period=\"" + period + "\" data-value=\"\">"), period);
      }
    }
    assertFalse(
        gaps(figure(page, "ho-so-dung-han")).isEmpty(),
        "the sample has a month without this commune's dossier rate (no report)");
  }

  @Test
  void aSuppressedCountIsAGapThatSaysSoNotAZero() {
    Map<String, String> shown =
        Map.of(
            "period",
            "2025-08",
            "commune_code",
            "1",
            "accounts_total",
            "120",
            "accounts_suppressed",
            "false");
    Map<String, String> hidden =
        Map.of(
            "period",
            "2025-09",
            "commune_code",
            "1",
            "accounts_total",
            "",
            "accounts_suppressed",
            "true");
    Series series =
        new Scorecard(List.of(shown, hidden))
            .commune("1", "s", "accounts_total", "Tài khoản", "tài khoản");
    String html = ChartFigure.line(series, "x.csv");
    assertEquals(Map.of("2025-08", "120"), drawn(html));
    assertEquals(List.of("2025-09"), gaps(html));
    assertTrue(html.contains(Scorecard.SUPPRESSED), html);
    assertFalse(html.contains("data-value=\"0\""), html);
  }
}
