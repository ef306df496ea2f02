package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * {@code "<day> (1).jsonl.gz"}: the gzip of the same text as the day's file, cut off at half its
 * compressed bytes. Decompressed as far as it goes (as the pipeline does), the complete lines are
 * exact repeats of the day's lines and are validated as usual; the fragment after the last line
 * end, and all the rest, is one {@code unreadable-file} record.
 */
final class OcopCutOffUpload {
  private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

  private final OcopDays days;

  OcopCutOffUpload(OcopDays days) {
    this.days = days;
  }

  CutOff write(DayFile original) {
    if (original.plain || original.misnamed) {
      throw new IllegalStateException("the cut-off re-upload must be of a gzip day file");
    }
    String name = original.day + " (1).jsonl.gz";
    String text = OcopDays.text(original);
    byte[] full = Output.gzip(text.getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(full, full.length / 2);
    days.writeFile(name, cut);
    // as the pipeline numbers it: the text up to the last line end has one more (empty) piece
    int unreadableLine = LINE_END.split(decodedPart(name, cut, text), -1).length;
    CutOff cutOff =
        bookCompleteLines(
            new CutOff(name, original.name(), cut.length, full.length, unreadableLine - 1, 0, 0, 0),
            original);
    bookDamage(cutOff, unreadableLine);
    return cutOff;
  }

  /** The text up to the last line end that decompresses, checked to be the day's text's start. */
  private static String decodedPart(String name, byte[] cut, String text) {
    byte[] decoded = Output.gunzipAsFarAsItGoes(cut);
    if (decoded == null) {
      throw new IllegalStateException(name + ": the cut-off gzip data decompresses whole");
    }
    int end = decoded.length;
    while (end > 0 && decoded[end - 1] != '\n' && decoded[end - 1] != '\r') {
      end--;
    }
    String complete = new String(decoded, 0, end, StandardCharsets.UTF_8);
    if (!text.startsWith(complete)) {
      throw new IllegalStateException(
          name + ": the decoded part is not a prefix of the day's text");
    }
    return complete;
  }

  /** Books the complete lines' bad records; the counts, the unreadable rest counted as a record. */
  private CutOff bookCompleteLines(CutOff c, DayFile original) {
    int records = 0;
    int valid = 0;
    int empty = 0;
    for (int i = 0; i < c.completeLines(); i++) {
      OcopLine l = original.lines.get(i);
      if (l.isEmpty()) {
        empty++;
        continue;
      }
      records++;
      if (l.rule != null) {
        days.bad(
            c.name(),
            i + 1,
            l.rule,
            l.what + " (the same line as in " + c.original() + ", within the part that decodes)");
      } else if (l.valid() && !l.json.get("platform").equals("facebook")) {
        valid++;
      }
    }
    return new CutOff(
        c.name(),
        c.original(),
        c.bytes(),
        c.fullBytes(),
        c.completeLines(),
        records + 1,
        valid,
        empty);
  }

  private void bookDamage(CutOff c, int unreadableLine) {
    days.bad(
        c.name(),
        unreadableLine,
        "unreadable-file",
        "re-upload of "
            + c.original()
            + " cut off at "
            + c.bytes()
            + " of "
            + c.fullBytes()
            + " compressed bytes: the gzip data "
            + "ends mid-stream; the fragment after the last complete line "
            + c.completeLines()
            + " and all the rest are one record");
    days.tricky(
        c.name(),
        "1–" + c.completeLines(),
        "re-upload of "
            + c.original()
            + " cut off at half its compressed bytes ("
            + c.bytes()
            + " of "
            + c.fullBytes()
            + "): "
            + c.completeLines()
            + " complete lines decode before the damage",
        "read the complete lines and validate them as usual (exact repeats of "
            + c.original()
            + ": no dataset changes), warn that the gzip data is damaged, and "
            + "quarantine the rest as one `unreadable-file` record at line "
            + unreadableLine);
  }
}
