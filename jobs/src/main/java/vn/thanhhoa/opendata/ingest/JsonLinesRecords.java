package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * JSON Lines: one object per non-empty line, lines ending in LF, CRLF or a lone CR. A line that is
 * not a JSON object is quarantined with its line number and the rest of the file is read. Unknown
 * fields are ignored.
 *
 * <p>A line is read with Jackson's streaming parser, picking out only the values at the columns'
 * paths; a line the streaming pass cannot settle on its own (not well-formed, not an object, an
 * object or array where a value belongs) is read again as a tree, so every message is the tree
 * reader's.
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
  private final Path root = new Path();
  private final int columns;

  JsonLinesRecords(RecordValidator validator, RowMaker rows) {
    this.validator = validator;
    this.rows = rows;
    List<String> paths = validator.paths();
    this.columns = paths.size();
    for (int i = 0; i < paths.size(); i++) {
      Path at = root;
      for (String part : paths.get(i).split("\\.")) {
        at = at.children.computeIfAbsent(part, p -> new Path());
      }
      at.column = i;
    }
  }

  /** A step of the columns' JSON paths: the column read here, or the steps below. */
  private static final class Path {
    final Map<String, Path> children = new HashMap<>();
    int column = -1;
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
        return new String(bytes, lines.offset(), length, java.nio.charset.StandardCharsets.UTF_8)
            .isBlank();
      }
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RowMaker rows() {
    return rows;
  }

  @Override
  public void read(
      String name, String text, String encoding, List<String> warnings, List<Row> out) {
    String[] lines = Lines.split(text);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(streamed(name, i + 1L, lines[i]));
      }
    }
    out.add(rows.fileInfo(name, encoding, null, null, warnings));
  }

  @Override
  public void reject(
      String name, String text, String rule, String message, List<String> warnings, List<Row> out) {
    String[] lines = Lines.split(text);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(rows.quarantined(name, i + 1L, lines[i], rule, null, message));
      }
    }
    out.add(rows.fileInfo(name, null, rule, message, warnings));
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
    java.util.function.Supplier<String> text =
        () -> new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
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

  private Row streamed(
      String name, long lineNo, JsonParser p, java.util.function.Supplier<String> text)
      throws IOException {
    JsonNode[] leaves = new JsonNode[columns];
    if (p.nextToken() != JsonToken.START_OBJECT
        || !fields(p, root, leaves)
        || p.nextToken() != null) {
      return record(name, lineNo, text.get());
    }
    Object[] values;
    try {
      values = validator.fromLeaves(leaves);
    } catch (RuleBreach breach) {
      return rows.quarantined(name, lineNo, text.get(), breach);
    }
    return rows.accepted(name, lineNo, text, values);
  }

  /** Reads an object's fields into {@code leaves}; false where the tree reader must decide. */
  private static boolean fields(JsonParser p, Path at, JsonNode[] leaves) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Path step = at.children.get(p.getCurrentName());
      JsonToken value = p.nextToken();
      if (step != null && step.column >= 0) {
        if (value.isStructStart()) {
          return false;
        }
        leaves[step.column] = scalar(p, value);
      } else if (step != null && value == JsonToken.START_OBJECT) {
        if (!fields(p, step, leaves)) {
          return false;
        }
      } else {
        p.skipChildren();
      }
    }
    return true;
  }

  /** The node the tree reader would make of a scalar (big decimals for floats, as configured). */
  private static JsonNode scalar(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> TextNode.valueOf(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> IntNode.valueOf(p.getIntValue());
            case LONG -> LongNode.valueOf(p.getLongValue());
            default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT ->
          p.getNumberType() != JsonParser.NumberType.BIG_DECIMAL && p.isNaN()
              ? JsonNodeFactory.instance.numberNode(
                  p.getDoubleValue()) // beyond a double: the tree keeps Infinity
              : DecimalNode.valueOf(stripped(p.getDecimalValue()));
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      default -> NullNode.instance;
    };
  }

  /** As the tree reader stores decimals: without trailing zeros (where the scale allows). */
  private static java.math.BigDecimal stripped(java.math.BigDecimal value) {
    try {
      return value.stripTrailingZeros();
    } catch (ArithmeticException e) {
      return value;
    }
  }

  /** One line's row, read as a tree: the reference the streaming read must agree with. */
  Row record(String name, long lineNo, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return rows.quarantined(
          name,
          lineNo,
          line,
          Rules.MALFORMED_JSON,
          null,
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
}
