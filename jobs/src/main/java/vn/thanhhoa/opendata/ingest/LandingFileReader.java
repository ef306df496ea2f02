package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * Reads one landing file (a row of Spark's binaryFile source) into parsed records: it runs on
 * the executors, one file per call, so files are read in parallel wherever the data lives.
 * A file that cannot be decoded is rejected whole: each of its records is quarantined under
 * one rule, so rows read still equals rows accepted plus rows quarantined. The file row
 * carries the number of records read, the independent side of that equation.
 */
public final class LandingFileReader implements FlatMapFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final SourceSchema schema;
  private final String sourceRoot;
  private transient RecordFormat format;

  /**
   * @param sourceRoot the qualified URI of the source folder; file names in the quarantine and
   *     the report are given relative to its parent (e.g. {@code commune-reports/x.csv}).
   */
  public LandingFileReader(SourceSchema schema, String sourceRoot) {
    this.schema = schema;
    this.sourceRoot = sourceRoot.endsWith("/") ? sourceRoot : sourceRoot + "/";
  }

  @Override
  public Iterator<Row> call(Row file) {
    String path = file.getString(file.fieldIndex("path"));
    byte[] content = (byte[]) file.get(file.fieldIndex("content"));
    Object modified = file.get(file.fieldIndex("modificationTime"));
    long millis = modified instanceof java.time.Instant i ? i.toEpochMilli()
        : modified instanceof java.sql.Timestamp t ? t.getTime() : 0L;
    return read(relativeName(path), content, millis).iterator();
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
    out.add(RowMaker.withContent(file, vn.thanhhoa.opendata.core.Sha256.of(bytes), bytes.length, modified, out.size()));
    return out;
  }

  private List<Row> records(String name, byte[] bytes) {
    List<Row> out = new ArrayList<>();
    RecordFormat reader = format();
    byte[] data = bytes;
    if (name.endsWith(".gz")) {
      try {
        data = TextDecoder.gunzip(bytes);
      } catch (IOException e) {
        out.add(reader.rows().fileInfo(name, null, Rules.UNREADABLE_FILE,
            name + ": not a valid gzip file (" + e.getMessage() + "); no record could be read", List.of()));
        return out;
      }
    }
    try {
      TextDecoder.Decoded text = TextDecoder.decode(data);
      reader.read(name, text.text(), text.encoding(), out);
    } catch (TextDecoder.InvalidEncoding e) {
      String message = name + ": not UTF-8 or UTF-16LE with BOM: invalid byte at offset " + e.offset()
          + (name.endsWith(".gz") ? " of the uncompressed data" : "") + "; the whole file is rejected";
      reader.reject(name, e.lossyText(), Rules.INVALID_ENCODING, message, out);
    }
    return out;
  }

  private RecordFormat format() {
    if (format == null) {
      RowMaker rows = new RowMaker(schema);
      RecordValidator validator = new RecordValidator(schema);
      format = schema.format() == SourceSchema.Format.CSV
          ? new CsvRecords(schema, validator, rows)
          : new JsonLinesRecords(validator, rows);
    }
    return format;
  }

  String relativeName(String path) {
    String parent = sourceRoot.substring(0, sourceRoot.lastIndexOf('/', sourceRoot.length() - 2) + 1);
    if (path.startsWith(parent)) {
      return path.substring(parent.length());
    }
    return schema.source() + "/" + path.substring(path.lastIndexOf('/') + 1);
  }

  /** How a decoded file splits into records. */
  interface RecordFormat {
    RowMaker rows();

    void read(String name, String text, String encoding, List<Row> out);

    /** Quarantines every record of a file rejected whole, plus its file row. */
    void reject(String name, String text, String rule, String message, List<Row> out);
  }
}
