package vn.thanhhoa.opendata.samples.sampledata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import vn.thanhhoa.opendata.samples.Folders;

/**
 * Writes the seeded sample landing data of the three sources (commune reports, payment-account
 * counts, OCOP e-commerce listings) for Thanh Hóa, 2025-01 to 2025-10, together with {@code
 * expected-quarantine.csv} and {@code README.md}.
 *
 * <p>Run from the repository root with {@code sample-data/generator/generate sample-data}. The
 * output is a pure function of the seed and of {@code conf/admin-units}: two runs give
 * byte-identical files.
 */
public final class GenerateSampleData {
  static final long SEED = 20250701L;
  static final List<String> SOURCES =
      List.of("commune-reports", "payment-accounts", "ocop-listings");

  private GenerateSampleData() {}

  /**
   * Options: {@code [--repo DIR]} (default: the working directory, the repository's root), {@code
   * [--out DIR]}.
   */
  public static void main(String[] args) throws IOException {
    Path repo = Path.of(option(args, "--repo", "."));
    Path out = Path.of(option(args, "--out", repo.resolve("sample-data").toString()));
    int bad = generate(repo.resolve("conf").resolve("admin-units"), out);
    System.out.printf(Locale.ROOT, "sample-data written: %d deliberately bad records%n", bad);
  }

  /** Writes the sample data into {@code out}; returns the number of deliberately bad records. */
  public static int generate(Path adminUnits, Path out) throws IOException {
    Reference ref = Reference.load(adminUnits);
    for (String source : SOURCES) {
      Folders.empty(out.resolve(source));
    }
    Catalog catalog = new Catalog();

    ReportModel reports = ReportModel.generate(ref, Seeds.forSource("commune-reports"));
    ReportSummary reportSummary =
        new CommuneReportsWriter(
                ref, reports, Seeds.forSource("commune-reports-files"), catalog, out)
            .writeAll();

    PaymentModel payments =
        PaymentModel.generate(ref, reports, Seeds.forSource("payment-accounts"));
    PaymentSummary paymentSummary =
        new PaymentAccountsWriter(ref, payments, catalog, out).writeAll();

    OcopModel ocop = OcopModel.generate(ref, Seeds.forSource("ocop-listings"));
    OcopSummary ocopSummary = new OcopListingsWriter(ref, ocop, catalog, out).writeAll();

    catalog.writeExpectedQuarantine(out.resolve("expected-quarantine.csv"));
    Readme.write(
        out.resolve("README.md"), ref, catalog, reportSummary, paymentSummary, ocopSummary);
    return catalog.expected().size();
  }

  private static String option(String[] args, String name, String fallback) {
    String value = fallback;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        value = args[i + 1];
      }
    }
    return value;
  }
}
