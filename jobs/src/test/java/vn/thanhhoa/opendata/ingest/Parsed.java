package vn.thanhhoa.opendata.ingest;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.SourceSchema;

/** A test's view of the reader's rows, by column name. */
record Parsed(StructType schema, List<Row> rows) {
  static Parsed read(SourceSchema source, String name, byte[] bytes) {
    LandingFileReader reader = new LandingFileReader(source, "file:/landing/" + source.source());
    return new Parsed(ParsedRecords.schema(source), reader.read(name, bytes));
  }

  /**
   * The outcomes of {@code rows} (a file's parsed records, then its file row) once classified as
   * the executors do; {@code accepted} gets the rows passed on to staging.
   */
  static Map<String, FileOutcome> classified(
      SourceSchema source, List<Row> rows, List<Row> accepted) {
    FileOutcomes outcomes = new FileOutcomes();
    LandingRead read =
        new LandingRead(
            source,
            new LandingFileReader(source, "file:/landing/" + source.source()),
            new Configuration(false),
            outcomes,
            true);
    read.classified(rows.iterator()).forEachRemaining(accepted::add);
    return outcomes.value();
  }

  List<Row> records() {
    return rows.stream()
        .filter(r -> ParsedRecords.KIND_RECORD.equals(get(r, ParsedRecords.KIND)))
        .toList();
  }

  Row file() {
    return rows.stream()
        .filter(r -> ParsedRecords.KIND_FILE.equals(get(r, ParsedRecords.KIND)))
        .findFirst()
        .orElseThrow();
  }

  Object get(Row row, String column) {
    return row.get(schema.fieldIndex(column));
  }

  Object value(int record, String column) {
    return get(records().get(record), column);
  }

  String rule(int record) {
    return (String) value(record, ParsedRecords.RULE);
  }

  List<String> rules() {
    return records().stream().map(r -> (String) get(r, ParsedRecords.RULE)).toList();
  }

  List<Long> lines() {
    return records().stream().map(r -> (Long) get(r, ParsedRecords.LINE)).toList();
  }
}
