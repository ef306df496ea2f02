package vn.thanhhoa.opendata.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.ingest.Ingest;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/** What a person at the terminal sees: one progress line per step, then a short summary. */
final class Console {
  private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

  private final PrintWriter out;
  private final PrintWriter err;
  private final long start = System.nanoTime();

  /** The process's own stdout, in UTF-8 whatever the platform's default. */
  static PrintWriter stdout() {
    return writer(System.out);
  }

  /** The process's own stderr, in UTF-8. */
  static PrintWriter stderr() {
    return writer(System.err);
  }

  private static PrintWriter writer(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  Console(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** A progress line on stderr, with the time since the run started. */
  void progress(String message) {
    err.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
    err.flush();
  }

  void ingested(Ingest.Outcome o) {
    SourceReport r = o.report();
    String how =
        switch (o.change()) {
          case UNCHANGED -> "no new or changed file (" + r.files() + " already ingested)";
          case NEW_FILES ->
              o.filesRead()
                  + " new file(s) merged into "
                  + o.touchedPeriods().size()
                  + " period(s)";
          case FULL -> "all " + r.files() + " files read";
        };
    progress(
        String.format(
            "ingest %s: %s; in all %s rows read, %s accepted, %s quarantined",
            r.source(),
            how,
            count(r.rowsRead()),
            count(r.rowsAccepted()),
            count(r.rowsQuarantined())));
  }

  void built(DatasetFiles.Written w, boolean changed) {
    progress(
        String.format(
            "build %s: %s rows, %d files%s",
            w.name(), count(w.rows()), w.files().size(), changed ? "" : " (unchanged)"));
  }

  /** The end-of-run table: per source files, rows and the most frequent rules. */
  void summary(String headline, Iterable<SourceReport> reports, String quarantine) {
    out.println(headline);
    out.printf(
        "  %-18s %6s %9s %10s %10s %12s  %s%n",
        "source", "files", "rejected", "rows read", "accepted", "quarantined", "top rules");
    for (SourceReport r : reports) {
      out.printf(
          "  %-18s %6d %9d %10s %10s %12s  %s%n",
          r.source(),
          r.files(),
          r.filesRejected(),
          count(r.rowsRead()),
          count(r.rowsAccepted()),
          count(r.rowsQuarantined()),
          topRules(r));
    }
    out.println("  quarantined rows (file, line, rule, raw text): " + quarantine);
    out.flush();
  }

  /** The datasets of a published release: rows and whether they changed. */
  void datasets(Publication published) {
    out.printf("  %-42s %10s  %s%n", "dataset", "rows", "changed");
    for (DatasetFiles.Written w : published.written()) {
      boolean changed = published.changed().contains(w.name());
      out.printf("  %-42s %10s  %s%n", w.name(), count(w.rows()), changed ? "yes" : "no");
    }
    out.flush();
  }

  void out(String line) {
    out.println(line);
    out.flush();
  }

  /** That the run stopped at a checkpoint: the line the tests that kill a run there wait for. */
  void paused(String checkpoint) {
    err.println("PAUSED AT " + checkpoint);
    err.flush();
  }

  void error(String message) {
    err.println("error: " + message);
    err.flush();
  }

  /** A failure's stack trace, for {@code --verbose}. */
  void trace(Throwable e) {
    e.printStackTrace(err);
    err.flush();
  }

  private static String topRules(SourceReport r) {
    String rules =
        r.topRules(3).stream()
            .map((Map.Entry<String, Long> e) -> e.getKey() + " " + count(e.getValue()))
            .collect(Collectors.joining(", "));
    return rules.isEmpty() ? "-" : rules;
  }

  private static String count(long n) {
    return COUNT.format(n);
  }
}
