package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;

/**
 * JSON Lines: one object per non-empty line, lines ending in LF, CRLF or a lone CR. A line that is
 * not a JSON object is quarantined with its line number and the rest of the file is read. Unknown
 * fields are ignored.
 *
 * <p>A line is read with Jackson's streaming parser, picking out only the values at the columns'
 * paths ({@link JsonLeaves}); a line the streaming pass cannot settle on its own (not well-formed,
 * not an object, an object or array where a value belongs) is read again as a tree, so every
 * message is the tree reader's.
 */
final class JsonLinesRecords extends RecordFormat {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final RecordValidator validator;
  private final JsonLeaves leaves;

  JsonLinesRecords(RecordValidator validator, RowMaker rows) {
    super(rows);
    this.validator = validator;
    this.leaves = new JsonLeaves(validator.paths());
  }

  /** The records of a UTF-8 stream, read one line at a time (the caller adds the file row). */
  Iterator<Row> stream(String name, Lines lines) {
    return new Lookahead<>() {
      @Override
      protected Row advance() {
        while (lines.next()) {
          int length = lines.length();
          if (!isBlank(lines, length)) {
            return streamed(name, lines.number(), lines.array(), lines.offset(), length);
          }
        }
        return null;
      }
    };
  }

  /** As {@link String#isBlank} on the line's text, decoding it only if it has non-ASCII bytes. */
  private static boolean isBlank(Lines lines, int length) {
    byte[] bytes = lines.array();
    for (int i = lines.offset(); i < lines.offset() + length; i++) {
      if (bytes[i] < 0) {
        return lines.text().isBlank();
      }
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  void read(String name, String text, String encoding, List<String> warnings, List<Row> out) {
    String[] lines = Lines.split(text);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(streamed(name, i + 1L, lines[i]));
      }
    }
    out.add(rows.fileInfo(name, encoding, null, null, warnings));
  }

  @Override
  void quarantineAll(String name, String text, String rule, String message, List<Row> out) {
    String[] lines = Lines.split(text);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(rows.quarantined(name, i + 1L, lines[i], rule, null, message));
      }
    }
  }

  /** One line's row, read with the streaming parser where it can settle the line alone. */
  Row streamed(String name, long lineNo, String line) {
    try (JsonParser p = JSON.createParser(line)) {
      return streamed(name, lineNo, p, () -> line);
    } catch (IOException e) {
      return record(name, lineNo, line);
    }
  }

  /**
   * The same from the line's UTF-8 bytes, whose text is made only if the record is quarantined.
   * Jackson reads bytes after sniffing for a byte-order mark or UTF-16/32: a line that could look
   * like either (not opening with '{' or a space, or with a zero byte) is read as text instead.
   */
  private Row streamed(String name, long lineNo, byte[] bytes, int offset, int length) {
    Supplier<String> text = () -> new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (!plainStart(bytes, offset, length)) {
      return streamed(name, lineNo, text.get());
    }
    try (JsonParser p = JSON.createParser(bytes, offset, length)) {
      return streamed(name, lineNo, p, text);
    } catch (IOException e) {
      return record(name, lineNo, text.get());
    }
  }

  private static boolean plainStart(byte[] bytes, int offset, int length) {
    if (length == 0 || (bytes[offset] != '{' && bytes[offset] != ' ' && bytes[offset] != '\t')) {
      return false;
    }
    for (int i = offset; i < offset + Math.min(length, 4); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return true;
  }

  private Row streamed(String name, long lineNo, JsonParser p, Supplier<String> text)
      throws IOException {
    JsonNode[] values = leaves.read(p);
    if (values == null) {
      return record(name, lineNo, text.get());
    }
    try {
      return rows.accepted(name, lineNo, text, validator.fromLeaves(values));
    } catch (RuleBreach breach) {
      return rows.quarantined(name, lineNo, text.get(), breach);
    }
  }

  /** One line's row, read as a tree: the reference the streaming read must agree with. */
  Row record(String name, long lineNo, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return malformed(name, lineNo, line, "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return malformed(name, lineNo, line, "not a JSON object");
    }
    try {
      return rows.accepted(name, lineNo, line, validator.fromJson(node));
    } catch (RuleBreach breach) {
      return rows.quarantined(name, lineNo, line, breach);
    }
  }

  private Row malformed(String name, long lineNo, String line, String message) {
    return rows.quarantined(name, lineNo, line, Rules.MALFORMED_JSON, null, message);
  }
}
