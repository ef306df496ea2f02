package vn.thanhhoa.opendata.ingest;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.SourceSchema;

/** A test's view of the reader's rows, by column name. */
record Parsed(StructType schema, List<Row> rows) {
  static Parsed read(SourceSchema source, String name, byte[] bytes) {
    LandingFileReader reader = new LandingFileReader(source, "file:/landing/" + source.source());
    return new Parsed(ParsedRecords.schema(source), reader.read(name, bytes));
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
