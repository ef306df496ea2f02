package vn.thanhhoa.opendata.samples.landing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.thanhhoa.opendata.samples.Folders;
import vn.thanhhoa.opendata.samples.JsonText;

/**
 * Generates a benchmark landing folder for the pipeline: commune reports, payment-account counts
 * and daily OCOP listings that follow docs/input-formats.md, plus a configuration that points the
 * pipeline at them. Seeded: the same arguments give byte-identical files.
 *
 * <pre>
 * sample-data/generator/generate landing --scope national|province --out DIR [--days N]
 *     [--products N] [--bad 0.005] [--seed N] [--gzip-every 7] [--hold-back-last-day]
 *     [--single-file-gb X] [--crawl-rate R] [--threads N] [--repo DIR] [--schemas DIR]
 *     [--conf-only]
 * </pre>
 *
 * Writes DIR/landing/{commune-reports,payment-accounts,ocop-listings}/, DIR/extra/ (the held-back
 * day), DIR/conf/ (pipeline.yaml, datasets.yaml, admin-units/), DIR/schemas/ (a copy) and
 * DIR/manifest.json (what was written, with every deliberately bad row counted by the rule the
 * pipeline must quarantine it under).
 */
public class GenerateLanding {
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    new GenerateLanding(options).run();
  }

  private final Options options;
  private final Scope scope;

  GenerateLanding(Options options) {
    this.options = options;
    this.scope = Scope.of(options);
  }

  void run() throws Exception {
    long start = System.nanoTime();
    Path out = options.out();
    Files.createDirectories(out);
    new ConfWriter(options, scope).write();
    if (options.confOnly()) {
      System.out.println("configuration written to " + out.resolve("conf"));
      return;
    }
    for (String folder : List.of("landing", "extra")) {
      Folders.empty(out.resolve(folder));
    }
    Path landing = out.resolve("landing");
    for (String source : List.of("commune-reports", "payment-accounts", "ocop-listings")) {
      Files.createDirectories(landing.resolve(source));
    }
    List<Tally> tallies = new ArrayList<>();
    tallies.add(new CommuneReports(options, scope).write(landing.resolve("commune-reports")));
    tallies.add(new PaymentAccounts(options, scope).write(landing.resolve("payment-accounts")));
    tallies.addAll(
        new OcopListings(options, scope)
            .write(
                landing.resolve("ocop-listings"), out.resolve("extra").resolve("ocop-listings")));
    Files.writeString(out.resolve("manifest.json"), manifest(tallies));
    printSummary(tallies, (System.nanoTime() - start) / 1e9);
  }

  private String manifest(List<Tally> tallies) {
    StringBuilder json =
        new StringBuilder("{\n  \"generator_args\": ")
            .append(JsonText.quote(options.canonicalArgs()))
            .append(",\n  \"scope\": ")
            .append(JsonText.quote(options.scope()))
            .append(",\n  \"sources\": [\n");
    for (int i = 0; i < tallies.size(); i++) {
      json.append(tallies.get(i).toJson("    ")).append(i + 1 < tallies.size() ? ",\n" : "\n");
    }
    return json.append("  ]\n}\n").toString();
  }

  private static void printSummary(List<Tally> tallies, double seconds) {
    System.out.printf(
        Locale.ROOT,
        "%-26s %7s %12s %12s %12s %9s%n",
        "source",
        "files",
        "rows",
        "MB on disk",
        "MB raw",
        "bad rows");
    for (Tally t : tallies) {
      System.out.printf(
          Locale.ROOT,
          "%-26s %7d %,12d %12.1f %12.1f %,9d%n",
          t.label(),
          t.files,
          t.rows,
          t.bytes / 1e6,
          t.rawBytes / 1e6,
          t.badRows());
    }
    System.out.printf(Locale.ROOT, "generated in %.1f s%n", seconds);
  }
}
