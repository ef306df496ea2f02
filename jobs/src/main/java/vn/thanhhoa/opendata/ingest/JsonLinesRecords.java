package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * JSON Lines: one object per non-empty line. A line that is not a JSON object is quarantined
 * with its line number and the rest of the file is read. Unknown fields are ignored.
 */
final class JsonLinesRecords implements LandingFileReader.RecordFormat {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final RecordValidator validator;
  private final RowMaker rows;

  JsonLinesRecords(RecordValidator validator, RowMaker rows) {
    this.validator = validator;
    this.rows = rows;
  }

  @Override
  public RowMaker rows() {
    return rows;
  }

  @Override
  public void read(String name, String text, String encoding, List<Row> out) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripCr(lines[i]);
      if (!line.isBlank()) {
        out.add(record(name, i + 1L, line));
      }
    }
    out.add(rows.fileInfo(name, encoding, null, null, List.of()));
  }

  @Override
  public void reject(String name, String text, String rule, String message, List<Row> out) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripCr(lines[i]);
      if (!line.isBlank()) {
        out.add(rows.quarantined(name, i + 1L, line, rule, null, message));
      }
    }
    out.add(rows.fileInfo(name, null, rule, message, List.of()));
  }

  private Row record(String name, long lineNo, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return rows.quarantined(name, lineNo, line, Rules.MALFORMED_JSON, null,
          "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return rows.quarantined(name, lineNo, line, Rules.MALFORMED_JSON, null, "not a JSON object");
    }
    try {
      return rows.accepted(name, lineNo, line, validator.fromJson(node));
    } catch (RuleBreach breach) {
      return rows.quarantined(name, lineNo, line, breach);
    }
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
