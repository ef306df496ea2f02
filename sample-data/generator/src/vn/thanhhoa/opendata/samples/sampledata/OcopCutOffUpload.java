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
    // as the pipeline numbers it: the text up to the last line end has one more (empty) piece
    int unreadableLine = LINE_END.split(complete, -1).length;
    int completeLines = unreadableLine - 1;
    int records = 0;
    int valid = 0;
    int empty = 0;
    for (int i = 0; i < completeLines; i++) {
      OcopLine l = original.lines.get(i);
      if (l.isEmpty()) {
        empty++;
        continue;
      }
      records++;
      if (l.rule != null) {
        days.bad(
            name,
            i + 1,
            l.rule,
            l.what
                + " (the same line as in "
                + original.name()
                + ", within the part that decodes)");
      } else if (l.valid() && !l.json.get("platform").equals("facebook")) {
        valid++;
      }
    }
    days.bad(
        name,
        unreadableLine,
        "unreadable-file",
        "re-upload of "
            + original.name()
            + " cut off at "
            + cut.length
            + " of "
            + full.length
            + " compressed bytes: the gzip data "
            + "ends mid-stream; the fragment after the last complete line "
            + completeLines
            + " and all the rest are one record");
    days.tricky(
        name,
        "1–" + completeLines,
        "re-upload of "
            + original.name()
            + " cut off at half its compressed bytes ("
            + cut.length
            + " of "
            + full.length
            + "): "
            + completeLines
            + " complete lines decode before the damage",
        "read the complete lines and validate them as usual (exact repeats of "
            + original.name()
            + ": no dataset changes), warn that the gzip data is damaged, and "
            + "quarantine the rest as one `unreadable-file` record at line "
            + unreadableLine);
    return new CutOff(
        name, original.name(), cut.length, full.length, completeLines, records + 1, valid, empty);
  }
}
