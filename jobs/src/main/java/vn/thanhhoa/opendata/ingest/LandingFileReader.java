package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * Reads one landing file into parsed records: it runs on the executors, so files are read in
 * parallel wherever the data lives. JSON Lines that are well-formed UTF-8 are streamed, a line at a
 * time, whatever the file's size; other files are read whole. A file that cannot be decoded is
 * rejected whole: each of its records is quarantined under one rule, so rows read still equals rows
 * accepted plus rows quarantined. The file row (last) carries the number of records read, the
 * independent side of that equation.
 */
public final class LandingFileReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SourceSchema schema;
  private final String sourceRoot;
  private final UnitPlacement units;
  private transient RecordFormat format;

  /**
   * @param sourceRoot the qualified URI of the source folder; file names in the quarantine and the
   *     report are given relative to its parent (e.g. {@code commune-reports/x.csv}).
   */
  public LandingFileReader(SourceSchema schema, String sourceRoot) {
    this(schema, sourceRoot, null);
  }

  /** With {@code units}, every valid record is also placed on its unit (null: not placed). */
  LandingFileReader(SourceSchema schema, String sourceRoot, UnitPlacement units) {
    this.schema = schema;
    this.units = units;
    this.sourceRoot = sourceRoot.endsWith("/") ? sourceRoot : sourceRoot + "/";
  }

  /** One landing file as listed: its location (a URI), size and modification time. */
  public record LandingFile(String uri, long bytes, long modified) implements Serializable {}

  /** The parsed records of one landing file, then its file row. */
  Iterator<Row> records(LandingFile file, FileSystem fs) throws IOException {
    Path path = new Path(java.net.URI.create(file.uri()));
    String name = relativeName(path.toString());
    if (file.bytes() > 0 && format() instanceof JsonLinesRecords json) {
      FirstPass first = firstPass(fs, path);
      if (first != null) {
        return streamed(json, fs, path, name, first, file.modified());
      }
    }
    byte[] bytes;
    try (InputStream in = fs.open(path)) {
      bytes = in.readAllBytes();
    }
    return read(name, bytes, file.modified()).iterator();
  }

  /** What the first pass over a streamable file found: its hash, size, compression and encoding. */
  private record FirstPass(String sha256, long bytes, boolean gzip, String encoding, int bom) {}

  /**
   * Hashes the file and checks that it decompresses (if gzip) and is well-formed UTF-8; null where
   * it is not, so that the file takes the whole-file path that reports exactly why.
   */
  private static FirstPass firstPass(FileSystem fs, Path path) {
    MessageDigest digest = Sha256.digest();
    Utf8Check utf8 = new Utf8Check();
    try (BoundedInputStream raw =
        BoundedInputStream.builder()
            .setInputStream(new DigestInputStream(fs.open(path), digest))
            .get()) {
      java.io.PushbackInputStream sniffed = new java.io.PushbackInputStream(raw, 2);
      byte[] head = sniffed.readNBytes(2);
      sniffed.unread(head);
      boolean gzip = Gzip.isGzip(head, head.length);
      InputStream text = gzip ? new GZIPInputStream(sniffed, 1 << 16) : sniffed;
      byte[] buffer = new byte[1 << 16];
      int n = text.readNBytes(buffer, 0, 3);
      if (n >= 2 && (buffer[0] & 0xFF) == 0xFF && (buffer[1] & 0xFF) == 0xFE) {
        return null; // UTF-16LE: decoded whole
      }
      int bom =
          n == 3
                  && (buffer[0] & 0xFF) == 0xEF
                  && (buffer[1] & 0xFF) == 0xBB
                  && (buffer[2] & 0xFF) == 0xBF
              ? 3
              : 0;
      utf8.feed(buffer, bom, n);
      while ((n = text.read(buffer)) > 0) {
        utf8.feed(buffer, 0, n);
      }
      while (raw.read(buffer) > 0) {
        // the bytes after a gzip stream's end still count towards the file's hash and size
      }
      return utf8.valid()
          ? new FirstPass(
              Sha256.hex(digest), raw.getCount(), gzip, bom == 3 ? "UTF-8 (BOM)" : "UTF-8", bom)
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A file whose name says gzip and content not, or the other way round, is read by its content.
   */
  private static List<String> misnamed(String name, boolean gzip) {
    if (gzip == name.endsWith(".gz")) {
      return List.of();
    }
    return List.of(
        gzip
            ? name + ": gzip-compressed although the name does not end in .gz; read decompressed"
            : name + ": named .gz but not gzip-compressed; read as plain text");
  }

  private Iterator<Row> streamed(
      JsonLinesRecords json, FileSystem fs, Path path, String name, FirstPass first, long modified)
      throws IOException {
    InputStream raw = fs.open(path);
    InputStream text = first.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw;
    text.skipNBytes(first.bom());
    Iterator<Row> records = json.stream(name, new Lines(text));
    RowMaker rows = format().rows();
    return new Iterator<>() {
      private long count;
      private boolean fileRowGiven;

      @Override
      public boolean hasNext() {
        return !fileRowGiven;
      }

      @Override
      public Row next() {
        if (records.hasNext()) {
          count++;
          return records.next();
        }
        if (fileRowGiven) {
          throw new java.util.NoSuchElementException();
        }
        fileRowGiven = true;
        close(text);
        return RowMaker.withContent(
            rows.fileInfo(name, first.encoding(), null, null, misnamed(name, first.gzip())),
            first.sha256(),
            first.bytes(),
            modified,
            count);
      }
    };
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // everything was read; a failing close loses nothing
    }
  }

  /** All rows for one file: its records (accepted or quarantined) and one file row (last). */
  List<Row> read(String name, byte[] bytes) {
    return read(name, bytes, 0L);
  }

  List<Row> read(String name, byte[] bytes, long modified) {
    List<Row> out = records(name, bytes);
    Row file = out.remove(out.size() - 1);
    // Counted here, where the records are made, and checked against the records classified
    // later: a record lost or duplicated on the way (a join, a filter) stops the run.
    out.add(
        RowMaker.withContent(
            file, vn.thanhhoa.opendata.core.Sha256.of(bytes), bytes.length, modified, out.size()));
    return out;
  }

  private List<Row> records(String name, byte[] bytes) {
    List<Row> out = new ArrayList<>();
    if (bytes.length == 0) {
      out.add(
          format()
              .rows()
              .fileInfo(
                  name,
                  null,
                  null,
                  null,
                  List.of(name + ": empty file: 0 bytes, no record (an export that failed?)")));
      return out;
    }
    boolean gzip = Gzip.isGzip(bytes, bytes.length);
    List<String> warnings = new ArrayList<>(misnamed(name, gzip));
    Gzip.Inflated inflated = gzip ? Gzip.inflate(bytes) : new Gzip.Inflated(bytes, -1, null);
    byte[] data = inflated.data();
    int cut = inflated.damaged() ? afterLastLineEnd(data) : data.length;
    if (inflated.damaged()) {
      warnings.add(
          name
              + ": the gzip data is damaged at byte "
              + inflated.damagedAt()
              + " of the compressed file ("
              + inflated.problem()
              + "); the records before it were read, the rest is one quarantined record");
    }
    String text = decodeInto(name, gzip, Arrays.copyOf(data, cut), warnings, out);
    if (inflated.damaged()) {
      byte[] tail = Arrays.copyOfRange(data, cut, data.length);
      out.add(
          out.size() - 1,
          format()
              .rows()
              .quarantined(
                  name,
                  Lines.split(text).length,
                  new String(tail, java.nio.charset.StandardCharsets.UTF_8),
                  Rules.UNREADABLE_FILE,
                  null,
                  name
                      + ": the gzip data is damaged at byte "
                      + inflated.damagedAt()
                      + " of the compressed file ("
                      + inflated.problem()
                      + "); the rest of the file from this line on cannot be read"));
    }
    return out;
  }

  /** Reads the decoded text's records into {@code out} (file row last); returns the text. */
  private String decodeInto(
      String name, boolean gzip, byte[] data, List<String> warnings, List<Row> out) {
    RecordFormat reader = format();
    try {
      TextDecoder.Decoded text = TextDecoder.decode(data);
      reader.read(name, text.text(), text.encoding(), warnings, out);
      return text.text();
    } catch (TextDecoder.InvalidEncoding e) {
      String message =
          name
              + ": not UTF-8 or UTF-16LE with BOM: invalid byte at offset "
              + e.offset()
              + (gzip ? " of the uncompressed data" : "")
              + "; the whole file is rejected";
      reader.reject(name, e.lossyText(), Rules.INVALID_ENCODING, message, warnings, out);
      return e.lossyText();
    }
  }

  /** Where the last complete line of damaged data ends (UTF-16LE is read two bytes at a time). */
  private static int afterLastLineEnd(byte[] data) {
    boolean utf16 = data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE;
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

  RecordFormat format() {
    if (format == null) {
      RowMaker rows = new RowMaker(schema, units);
      RecordValidator validator = new RecordValidator(schema);
      format =
          schema.format() == SourceSchema.Format.CSV
              ? new CsvRecords(schema, validator, rows)
              : new JsonLinesRecords(validator, rows);
    }
    return format;
  }

  String relativeName(String path) {
    String parent =
        sourceRoot.substring(0, sourceRoot.lastIndexOf('/', sourceRoot.length() - 2) + 1);
    if (path.startsWith(parent)) {
      return path.substring(parent.length());
    }
    return schema.source() + "/" + path.substring(path.lastIndexOf('/') + 1);
  }

  /** How a decoded file splits into records. */
  interface RecordFormat {
    RowMaker rows();

    /**
     * The records of a decoded text, then its file row with these warnings and the format's own.
     */
    void read(String name, String text, String encoding, List<String> warnings, List<Row> out);

    /** Quarantines every record of a file rejected whole, plus its file row. */
    void reject(
        String name,
        String text,
        String rule,
        String message,
        List<String> warnings,
        List<Row> out);
  }
}
