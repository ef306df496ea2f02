package vn.thanhhoa.opendata.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * A landing file read whole, in memory: gzip found by its content and inflated as far as it goes,
 * the text decoded, and split into records by its format. A file that cannot be decoded is rejected
 * whole: each of its records is quarantined under one rule.
 */
final class WholeFile {
  private WholeFile() {}

  /** The records of a file's bytes (accepted or quarantined), then its file row (last). */
  static List<Row> records(RecordFormat format, String name, byte[] bytes) {
    List<Row> out = new ArrayList<>();
    if (bytes.length == 0) {
      String empty = name + ": empty file: 0 bytes, no record (an export that failed?)";
      out.add(format.rows().fileInfo(name, null, null, null, List.of(empty)));
      return out;
    }
    boolean gzip = Gzip.isGzip(bytes, bytes.length);
    List<String> warnings = new ArrayList<>(Gzip.misnamed(name, gzip));
    Gzip.Inflated inflated = gzip ? Gzip.inflate(bytes) : new Gzip.Inflated(bytes, -1, null);
    if (inflated.damaged()) {
      damaged(format, name, inflated, warnings, out);
    } else {
      decodeInto(format, name, gzip, inflated.data(), warnings, out);
    }
    return out;
  }

  /**
   * Damaged gzip data: the records up to the last whole line before the damage, then the rest as
   * one quarantined record (before the file row).
   */
  private static void damaged(
      RecordFormat format,
      String name,
      Gzip.Inflated inflated,
      List<String> warnings,
      List<Row> out) {
    byte[] data = inflated.data();
    int cut = afterLastLineEnd(data);
    warnings.add(
        name
            + ": "
            + inflated.damage()
            + "; the records before it were read, the rest is one quarantined record");
    String text = decodeInto(format, name, true, Arrays.copyOf(data, cut), warnings, out);
    String rest = new String(data, cut, data.length - cut, StandardCharsets.UTF_8);
    String message =
        name + ": " + inflated.damage() + "; the rest of the file from this line on cannot be read";
    Row tail =
        format
            .rows()
            .quarantined(
                name, Lines.split(text).length, rest, Rules.UNREADABLE_FILE, null, message);
    out.add(out.size() - 1, tail);
  }

  /** Reads the decoded text's records into {@code out} (file row last); returns the text. */
  private static String decodeInto(
      RecordFormat format,
      String name,
      boolean gzip,
      byte[] data,
      List<String> warnings,
      List<Row> out) {
    try {
      TextDecoder.Decoded text = TextDecoder.decode(data);
      format.read(name, text.text(), text.encoding(), warnings, out);
      return text.text();
    } catch (TextDecoder.InvalidEncoding e) {
      String message =
          name
              + ": not UTF-8 or UTF-16LE with BOM: invalid byte at offset "
              + e.offset()
              + (gzip ? " of the uncompressed data" : "")
              + "; the whole file is rejected";
      format.reject(name, e.lossyText(), Rules.INVALID_ENCODING, message, warnings, out);
      return e.lossyText();
    }
  }

  /** Where the last complete line of damaged data ends (UTF-16LE is read two bytes at a time). */
  private static int afterLastLineEnd(byte[] data) {
    boolean utf16 = TextDecoder.isUtf16Le(data, data.length);
    int step = utf16 ? 2 : 1;
    int last = data.length - step;
    last -= utf16 ? last % 2 : 0;
    for (int i = last; i >= (utf16 ? 2 : 0); i -= step) {
      if ((data[i] == '\n' || data[i] == '\r') && (!utf16 || data[i + 1] == 0)) {
        return i + step;
      }
    }
    return utf16 ? Math.min(2, data.length) : 0;
  }
}
