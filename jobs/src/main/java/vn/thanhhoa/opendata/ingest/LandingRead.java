package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.ingest.ParsedRecords.At;

/**
 * Reads a group of landing files on an executor, in one pass over each file's records: every record
 * is validated and placed on its unit by the reader, the accepted ones go on as staging rows (the
 * data columns, then the file and line they came from), and each file's outcome (counts, warnings,
 * quarantined records) goes to {@link FileOutcomes}.
 */
final class LandingRead implements FlatMapFunction<List<LandingFileReader.LandingFile>, Row> {
  private static final long serialVersionUID = 1L;

  private final LandingFileReader reader;
  private final Map<String, String> hadoop;
  private final FileOutcomes outcomes;
  private final int width;
  private final int periodAt;
  private final LatestInFile.Columns resolvedInFile;

  /**
   * @param reader reads each file, placing every valid record on its unit
   * @param inFiles whether to pass on only the latest row per key of each file, where the source
   *     allows it ({@link LatestInFile#resolves})
   */
  LandingRead(
      SourceSchema schema,
      LandingFileReader reader,
      Configuration hadoop,
      FileOutcomes outcomes,
      boolean inFiles) {
    this.reader = reader;
    this.hadoop = new TreeMap<>();
    hadoop.forEach(e -> this.hadoop.put(e.getKey(), e.getValue()));
    this.outcomes = outcomes;
    this.width = schema.stagingNames().size();
    this.periodAt = schema.stagingNames().indexOf(schema.partitionBy());
    this.resolvedInFile = inFiles ? LatestInFile.Columns.of(schema).orElse(null) : null;
  }

  /** The rows it yields: the source's data columns, then the file and line of each. */
  static StructType schema(SourceSchema source) {
    return ParsedRecords.dataSchema(source)
        .add(ParsedRecords.FILE, DataTypes.StringType, true)
        .add(ParsedRecords.LINE, DataTypes.LongType, true);
  }

  @Override
  public Iterator<Row> call(List<LandingFileReader.LandingFile> files) {
    Configuration conf = new Configuration(false);
    hadoop.forEach(conf::set);
    return new FileAfterFile(files.iterator(), conf);
  }

  /** The staging rows of a group's files, one file opened after the other. */
  private final class FileAfterFile implements Iterator<Row> {
    private final Iterator<LandingFileReader.LandingFile> files;
    private final Configuration conf;
    private Iterator<Row> current = Collections.emptyIterator();

    FileAfterFile(Iterator<LandingFileReader.LandingFile> files, Configuration conf) {
      this.files = files;
      this.conf = conf;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && files.hasNext()) {
        current = open(files.next(), conf);
      }
      return current.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }

  private Iterator<Row> open(LandingFileReader.LandingFile file, Configuration conf) {
    try {
      FileSystem fs = new Path(URI.create(file.uri())).getFileSystem(conf);
      return classified(reader.records(file, fs));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read landing file " + file.uri(), e);
    }
  }

  /**
   * The staging rows of one file's parsed records (file row last); its outcome goes to the
   * accumulator.
   */
  Iterator<Row> classified(Iterator<Row> records) {
    return new Classified(records);
  }

  /**
   * One file's records, accepted ones passed on (where the source's key has a date, only the latest
   * per key in the file), the rest kept for its outcome.
   */
  private final class Classified extends Lookahead<Row> {
    private final Iterator<Row> records;
    private final List<FileOutcome.Quarantined> quarantined = new ArrayList<>();
    private final Map<String, Long> byRule = new TreeMap<>();
    private final Set<String> periods = new TreeSet<>();
    private final LatestInFile latest;
    private Iterator<Row> pending = Collections.emptyIterator();
    private long accepted;

    Classified(Iterator<Row> records) {
      this.records = records;
      this.latest = resolvedInFile == null ? null : resolvedInFile.newFile();
    }

    @Override
    protected Row advance() {
      while (!pending.hasNext() && records.hasNext()) {
        Row r = records.next();
        if (ParsedRecords.KIND_FILE.equals(r.getString(width + At.KIND))) {
          pending = latest == null ? Collections.emptyIterator() : latest.finish();
          outcomes.add(outcome(r));
        } else {
          Row row = classify(r);
          if (row != null) {
            pending = latest == null ? List.of(row).iterator() : latest.offer(row);
          }
        }
      }
      return pending.hasNext() ? pending.next() : null;
    }

    /** The staging row of an accepted record, or null once a quarantined one is kept. */
    private Row classify(Row r) {
      if (r.isNullAt(width + At.RULE)) {
        Object[] values = new Object[width + 2];
        for (int i = 0; i < width; i++) {
          values[i] = r.get(i);
        }
        values[width] = r.getString(width + At.FILE);
        values[width + 1] = r.getLong(width + At.LINE);
        accepted++;
        if (values[periodAt] != null) {
          periods.add(values[periodAt].toString());
        }
        return RowFactory.create(values);
      }
      keep(
          r,
          r.getString(width + At.RULE),
          r.getString(width + At.COLUMN),
          r.getString(width + At.MESSAGE));
      return null;
    }

    private void keep(Row r, String rule, String column, String message) {
      quarantined.add(
          new FileOutcome.Quarantined(
              r.getString(width + At.FILE),
              r.getString(width + At.SHEET),
              r.getLong(width + At.LINE),
              rule,
              column,
              message,
              r.getString(width + At.RAW)));
      byRule.merge(rule, 1L, Long::sum);
    }

    private FileOutcome outcome(Row f) {
      SourceReport.FileReport report =
          new SourceReport.FileReport(
              f.getString(width + At.FILE),
              f.getLong(width + At.SIZE),
              f.getLong(width + At.MODIFIED),
              f.getString(width + At.SHA256),
              f.getString(width + At.ENCODING),
              f.getLong(width + At.RECORDS),
              accepted,
              quarantined.size(),
              f.getString(width + At.RULE),
              f.getString(width + At.MESSAGE));
      FileOutcome.InFile inFile =
          latest == null
              ? FileOutcome.InFile.AS_READ
              : new FileOutcome.InFile(latest.resolved(), latest.replaced(), latest.keyDates());
      return new FileOutcome(report, byRule, warnings(f), quarantined, periods, inFile);
    }

    private List<String> warnings(Row f) {
      return f.isNullAt(width + At.WARNINGS)
          ? List.of()
          : List.of(f.getString(width + At.WARNINGS).split("\n"));
    }
  }
}
