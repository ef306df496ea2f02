package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * Reads one landing file into parsed records: it runs on the executors, so files are read in
 * parallel wherever the data lives. JSON Lines that are well-formed UTF-8 are streamed, a line at a
 * time, whatever the file's size ({@link StreamedFile}); Excel workbooks are read from their first
 * sheet ({@link WorkbookRecords}); other files are read whole ({@link WholeFile}). A file that
 * cannot be decoded is rejected whole: each of its records is quarantined under one rule, so rows
 * read still equals rows accepted plus rows quarantined. The file row (last) carries the number of
 * records read, the independent side of that equation.
 */
public final class LandingFileReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SourceSchema schema;
  private final String sourceRoot;
  private final UnitPlacement units;
  private transient RecordFormat format;
  private transient WorkbookRecords workbooks;

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
    Path path = new Path(URI.create(file.uri()));
    String name = relativeName(path.toString());
    if (file.bytes() > 0 && format() instanceof JsonLinesRecords json) {
      FirstPass first = FirstPass.over(fs, path);
      if (first != null) {
        return StreamedFile.open(json, fs, path, name, first, file.modified());
      }
    }
    byte[] bytes;
    try (InputStream in = fs.open(path)) {
      bytes = in.readAllBytes();
    }
    return read(name, bytes, file.modified()).iterator();
  }

  /** All rows for one file: its records (accepted or quarantined) and one file row (last). */
  List<Row> read(String name, byte[] bytes) {
    return read(name, bytes, 0L);
  }

  List<Row> read(String name, byte[] bytes, long modified) {
    List<Row> out =
        bytes.length > 0 && WorkbookRecords.isWorkbook(name)
            ? workbooks().records(name, bytes)
            : WholeFile.records(format(), name, bytes);
    Row file = out.remove(out.size() - 1);
    // Counted here, where the records are made, and checked against the records classified
    // later: a record lost or duplicated on the way (a join, a filter) stops the run.
    out.add(RowMaker.withContent(file, Sha256.of(bytes), bytes.length, modified, out.size()));
    return out;
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

  private WorkbookRecords workbooks() {
    if (workbooks == null) {
      workbooks =
          new WorkbookRecords(schema, new RecordValidator(schema), new RowMaker(schema, units));
    }
    return workbooks;
  }

  String relativeName(String path) {
    String parent =
        sourceRoot.substring(0, sourceRoot.lastIndexOf('/', sourceRoot.length() - 2) + 1);
    if (path.startsWith(parent)) {
      return path.substring(parent.length());
    }
    return schema.source() + "/" + path.substring(path.lastIndexOf('/') + 1);
  }
}
