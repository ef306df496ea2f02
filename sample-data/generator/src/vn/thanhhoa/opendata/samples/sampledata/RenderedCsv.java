package vn.thanhhoa.opendata.samples.sampledata;

import java.util.ArrayList;
import java.util.List;
import vn.thanhhoa.opendata.samples.CsvText;

/** A CSV file's text and the line each record starts on (a record may hold line breaks). */
record RenderedCsv(String text, List<Integer> startLines) {

  static RenderedCsv of(
      List<String> header, List<List<String>> records, char delimiter, String eol) {
    StringBuilder sb = new StringBuilder(CsvText.line(header, delimiter)).append(eol);
    List<Integer> starts = new ArrayList<>();
    int line = 2;
    for (List<String> rec : records) {
      String text = CsvText.line(rec, delimiter);
      starts.add(line);
      line += 1 + (int) text.chars().filter(c -> c == '\n').count();
      sb.append(text).append(eol);
    }
    return new RenderedCsv(sb.toString(), starts);
  }
}
