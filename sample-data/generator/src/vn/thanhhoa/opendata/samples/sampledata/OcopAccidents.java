package vn.thanhhoa.opendata.samples.sampledata;

/**
 * What happens to day files on the way to the landing folder: empty lines, a wrong name, CR line
 * ends.
 */
final class OcopAccidents {
  private final OcopDays days;

  OcopAccidents(OcopDays days) {
    this.days = days;
  }

  void write() {
    emptyLines();
    landingAccidents();
  }

  private void emptyLines() {
    DayFile april = days.file(2025, 4, 1);
    april.lines.add(april.lines.size() / 2, OcopLine.empty());
    april.lines.add(OcopLine.empty());
    DayFile last = days.file(2025, 10, 31);
    last.lines.add(3, OcopLine.empty());
    last.lines.add(4, OcopLine.empty());
    DayFile gz = days.file(2025, 7, 19);
    gz.lines.add(1, OcopLine.empty());
    days.tricky(
        april.name(),
        "",
        "an empty line mid-file and one at the end",
        "empty lines are counted as lines but are not records");
    days.tricky(
        last.name(),
        "",
        "two consecutive empty lines",
        "not records; later line numbers still count them");
    days.tricky(
        gz.name(),
        "2",
        "an empty line inside a gzip-compressed file",
        "line numbers refer to the decompressed text");
  }

  private void landingAccidents() {
    DayFile misnamed = days.day(OcopListingsWriter.MISNAMED);
    misnamed.misnamed = true;
    days.tricky(
        misnamed.name(),
        "",
        "plain uncompressed JSON Lines under the usual " + "`.jsonl.gz` name (no gzip magic bytes)",
        "tell gzip by its magic bytes, not the name: "
            + "read as plain text with the warning `…: named .gz but not gzip-compressed; "
            + "read as plain "
            + "text`; its bad lines are quarantined with their usual line numbers");
    DayFile mac = days.day(OcopListingsWriter.CR_ONLY);
    if (!mac.plain) {
      throw new IllegalStateException("the CR-only day must be a plain .jsonl file");
    }
    mac.eol = "\r";
    days.tricky(
        mac.name(),
        "",
        "lone CR line ends (an old Mac export), no LF in the file",
        "a CR ends a line: lines are numbered as an editor shows them, so its bad line keeps its "
            + "number");
  }
}
