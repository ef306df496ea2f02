package vn.thanhhoa.opendata.samples.sampledata;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The README's sections on each folder, the deliberately bad records, tricky cases and conventions.
 */
final class ReadmeSections {
  private ReadmeSections() {}

  static void communeReports(StringBuilder sb, ReportSummary reports) {
    sb.append("## commune-reports/\n\n")
        .append("Human-made exports of the provincial Excel template: per month for the whole ")
        .append("province (`bao-cao-thang-MM-2025.csv`) or per district (`2025-03_…`, ")
        .append("`2025-06_…`), plus resubmissions, and one September supplement sent as the ")
        .append("template workbook itself (`")
        .append(ReportsInExcel.NAME)
        .append(
            "`, its rows numbered as Excel shows them). Formats vary on purpose (header language ")
        .append("and order, delimiter, encoding, line ends, period/timestamp/number/boolean ")
        .append("spellings); the table gives each file's layout.\n\n")
        .append("| file | records | layout |\n|---|---:|---|\n");
    for (FileInfo f : reports.files()) {
      sb.append("| `")
          .append(f.name())
          .append("` | ")
          .append(f.records())
          .append(" | ")
          .append(f.format())
          .append(" |\n");
    }
    sb.append('\n');
  }

  static void paymentAccounts(StringBuilder sb, PaymentSummary p) {
    sb.append("## payment-accounts/\n\n")
        .append("Strict machine-made CSV (canonical headers, plain integers, `YYYY-MM`, ")
        .append("ISO-8601 with offset): one file per month, a provider supplement rejected for ")
        .append("a missing column, a corrections file with later `reported_at` (some in ")
        .append("`Z`), and `")
        .append(PaymentAccountsWriter.FAILED_EXPORT)
        .append(
            "`, a provider's re-export that failed and landed with 0 bytes. Providers: "
                + "Agribank everywhere; BIDV, VietinBank, Vietcombank in towns ")
        .append("and larger communes; MoMo, ZaloPay (e_wallet); Viettel Money, VNPT Money ")
        .append("(mobile_money); not every provider in every commune.\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Small cells (provider-type total < 10, which the "
                    + "published dataset must suppress): %d in 2025-06 "
                    + "(%d communes with exactly one); "
                    + "%d in 2025-10, where %d communes have exactly one "
                    + "small provider-type cell and "
                    + "%d have two or more.%n%n",
                p.smallCellsJune(),
                p.communesOneSmallJune(),
                p.smallCellsOctober(),
                p.communesOneSmallOctober(),
                p.communesTwoSmallOctober()))
        .append("| file | records |\n|---|---:|\n");
    for (FileInfo f : p.files()) {
      sb.append("| `").append(f.name()).append("` | ").append(f.records()).append(" |\n");
    }
    sb.append('\n');
  }

  static void ocopListings(StringBuilder sb, OcopSummary o) {
    sb.append("## ocop-listings/\n\n")
        .append("One JSON Lines file per local day, `YYYY-MM-DD.jsonl.gz`; five days are plain ")
        .append("`.jsonl` (2025-01-01, 2025-04-01, 2025-07-01, 2025-09-23, 2025-10-31). Compact ")
        .append("UTF-8 JSON shaped like the example in input-formats.md. Listings appear over ")
        .append("time and are not crawled every day; some disappear for a while or for good; ")
        .append("prices change now and then (and drop 15 % on flash-sale days). tiktok_shop is ")
        .append("crawled around 01:30 local time and its crawler writes UTC (e.g. ")
        .append("`2025-06-30T18:30:40Z` = 2025-07-01 01:30:40 local), so its UTC date is ")
        .append("always the day before the local date. Sellers carry ")
        .append("their pre-reform commune code up to 2025-06-30 and the crosswalk successor from ")
        .append("2025-07-01 (local date).\n\n");
    ocopLandingAccidents(sb, o);
    ocopFigures(sb, o);
  }

  private static void ocopLandingAccidents(StringBuilder sb, OcopSummary o) {
    sb.append("Three files show what happens on the way to the landing folder: `")
        .append(OcopListingsWriter.MISNAMED)
        .append(".jsonl.gz` is plain text under a `.gz` ")
        .append("name; `")
        .append(OcopListingsWriter.CR_ONLY)
        .append(".jsonl` ends its lines ")
        .append("with a lone CR (an old Mac export); `")
        .append(o.cutOff().name())
        .append("` is a second upload of `")
        .append(o.cutOff().original())
        .append("` cut off at half its compressed bytes (")
        .append(o.cutOff().bytes())
        .append(" of ")
        .append(o.cutOff().fullBytes())
        .append("): its first ")
        .append(o.cutOff().completeLines())
        .append(" lines decode whole and repeat the day's ")
        .append("lines exactly, the rest is one unreadable record.\n\n");
  }

  private static void ocopFigures(StringBuilder sb, OcopSummary o) {
    sb.append(
            String.format(
                Locale.ROOT,
                "- %d files (%d plain), %s records (non-empty lines; "
                    + "the unreadable rest of the cut-off file counts as one), %d empty lines%n",
                o.files(),
                o.plainFiles(),
                Text.thousands(o.records()),
                o.emptyLines()))
        .append(
            String.format(
                Locale.ROOT,
                "- valid sightings: %s (%d of them the cut-off file's "
                    + "repeats), distinct (listing_id, local date) keys: %s%n",
                Text.thousands(o.validSightings()),
                o.cutOff().validRecords(),
                Text.thousands(o.keys())));
    ocopProductFigures(sb, o);
  }

  private static void ocopProductFigures(StringBuilder sb, OcopSummary o) {
    sb.append(
            String.format(
                Locale.ROOT,
                "- %d distinct OCOP products (%d seen in 2025-10) on " + "%d listings: %s%n",
                o.products(),
                o.productsInOctober(),
                o.listings(),
                o.listingsByPlatform().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))))
        .append(
            String.format(
                Locale.ROOT,
                "- %d products are listed on several platforms; %d "
                    + "products have two listings on the same platform%n%n",
                o.multiPlatformProducts(),
                o.twinListings()));
  }

  static void badRecords(StringBuilder sb, Catalog catalog) {
    sb.append("## Deliberately bad records\n\n")
        .append("Exactly the rows of `expected-quarantine.csv` (whole-file rejections are ")
        .append("shown as one line range).\n\n")
        .append("| file | line | rule | what is wrong |\n|---|---|---|---|\n");
    List<Expected> all = catalog.expected();
    for (int i = 0; i < all.size(); ) {
      Expected e = all.get(i);
      int j = i;
      while (j + 1 < all.size()
          && all.get(j + 1).file().equals(e.file())
          && all.get(j + 1).what().equals(e.what())) {
        j++;
      }
      String lines = i == j ? Integer.toString(e.line()) : e.line() + "–" + all.get(j).line();
      sb.append("| `")
          .append(e.file())
          .append("` | ")
          .append(lines)
          .append(" | `")
          .append(e.rule())
          .append("` | ")
          .append(Text.cell(e.what()))
          .append(" |\n");
      i = j + 1;
    }
    sb.append('\n');
  }

  static void trickyCases(StringBuilder sb, Catalog catalog) {
    sb.append("## Tricky but valid cases\n\n")
        .append("| file | line | what it exercises | what the pipeline should do |\n")
        .append("|---|---|---|---|\n");
    for (Tricky t : catalog.tricky()) {
      sb.append("| `")
          .append(t.file())
          .append("` | ")
          .append(t.lines())
          .append(" | ")
          .append(Text.cell(t.what()))
          .append(" | ")
          .append(Text.cell(t.expect()))
          .append(" |\n");
    }
    sb.append('\n');
  }

  static void conventions(StringBuilder sb) {
    sb.append("## Conventions chosen where the contract is silent\n\n")
        .append("- A deliberately bad record stands in for that commune's record (the commune ")
        .append("is missing that month), except extra records whose key is not a real unit ")
        .append("(period 2024-12, codes 16387/16411, a retired old code, a `facebook` ")
        .append("listing, a crawl dated 2024-12-31). No bad record replaces a 2025-10 row of ")
        .append("the commune-report or payment files, so the latest month is complete there.\n")
        .append("- `invalid-encoding` is exercised in commune-reports only: payment files are ")
        .append("pure ASCII (codes, provider names, numbers), so no 8-bit encoding could make ")
        .append("them invalid UTF-8; OCOP files come from a crawler that writes UTF-8.\n")
        .append("- Whole-file rejections (`invalid-encoding`, `missing-column`) list every ")
        .append("record of the file (CSV lines 2..n); those files have no multi-line records, ")
        .append("and a complete corrected file follows each.\n")
        .append("- Split old units: their figures are shared equally between successors; an ")
        .append("OCOP seller in a split unit is placed in the successor with the lowest code. ")
        .append("A post-reform smartphone_users_pct is the population-weighted mean of the ")
        .append("predecessors', dt_completed is true when predecessors holding at least half ")
        .append("of the population had completed.\n")
        .append("- Commune names and districts are written exactly as in `conf/admin-units` ")
        .append("(full names with their type prefix); name resolution needs only NFC, trim and ")
        .append("case folding.\n");
  }
}
