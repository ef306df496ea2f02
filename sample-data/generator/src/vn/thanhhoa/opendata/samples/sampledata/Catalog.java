package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects expected quarantine rows and tricky cases while files are written. */
final class Catalog {
  private final List<Expected> expected = new ArrayList<>();
  private final List<Tricky> tricky = new ArrayList<>();

  void bad(String source, String file, int line, String rule, String what) {
    expected.add(new Expected(source + "/" + file, line, rule, what));
  }

  void tricky(String source, String file, String lines, String what, String expect) {
    tricky.add(new Tricky(source + "/" + file, lines, what, expect));
  }

  List<Expected> expected() {
    return expected.stream()
        .sorted(Comparator.comparing(Expected::file).thenComparingInt(Expected::line))
        .toList();
  }

  List<Tricky> tricky() {
    return List.copyOf(tricky);
  }

  long count(String source) {
    return expected.stream().filter(e -> e.file().startsWith(source + "/")).count();
  }

  void writeExpectedQuarantine(Path file) {
    StringBuilder sb = new StringBuilder("file,line,rule\n");
    for (Expected e : expected()) {
      sb.append(e.file()).append(',').append(e.line()).append(',').append(e.rule()).append('\n');
    }
    Output.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
