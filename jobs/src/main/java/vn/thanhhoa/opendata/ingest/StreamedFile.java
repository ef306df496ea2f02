package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * A JSON Lines file read a line at a time, whatever its size: its records, then its file row with
 * what the first pass found and the number of records read.
 */
final class StreamedFile implements Iterator<Row> {
  private final String name;
  private final FirstPass first;
  private final long modified;
  private final RowMaker rows;
  private final InputStream text;
  private final Iterator<Row> records;
  private long count;
  private boolean fileRowGiven;

  private StreamedFile(
      String name, FirstPass first, long modified, JsonLinesRecords json, InputStream text) {
    this.name = name;
    this.first = first;
    this.modified = modified;
    this.rows = json.rows();
    this.text = text;
    this.records = json.stream(name, new Lines(text));
  }

  static StreamedFile open(
      JsonLinesRecords json, FileSystem fs, Path path, String name, FirstPass first, long modified)
      throws IOException {
    InputStream raw = fs.open(path);
    InputStream text = first.gzip() ? Gzip.open(raw) : raw;
    text.skipNBytes(first.bom());
    return new StreamedFile(name, first, modified, json, text);
  }

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
      throw new NoSuchElementException();
    }
    fileRowGiven = true;
    close();
    Row file = rows.fileInfo(name, first.encoding(), null, null, Gzip.misnamed(name, first.gzip()));
    return RowMaker.withContent(file, first.sha256(), first.bytes(), modified, count);
  }

  private void close() {
    try {
      text.close();
    } catch (IOException e) {
      // everything was read; a failing close loses nothing
    }
  }
}
