package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the values at the columns' JSON paths out of one line with Jackson's streaming parser, as
 * the nodes the tree reader would make of them; unknown fields are skipped unread.
 */
final class JsonLeaves {
  private final Path root = new Path();
  private final int columns;

  /**
   * @param paths each column's dotted path, in column order
   */
  JsonLeaves(List<String> paths) {
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

  /**
   * The line's value per column (null: not present), or null where the tree reader must decide: not
   * one object, or an object or array where a value belongs.
   */
  JsonNode[] read(JsonParser p) throws IOException {
    JsonNode[] leaves = new JsonNode[columns];
    if (p.nextToken() != JsonToken.START_OBJECT
        || !fields(p, root, leaves)
        || p.nextToken() != null) {
      return null;
    }
    return leaves;
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
      case VALUE_NUMBER_INT -> integer(p);
      case VALUE_NUMBER_FLOAT -> decimal(p);
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      default -> NullNode.instance;
    };
  }

  private static JsonNode integer(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> IntNode.valueOf(p.getIntValue());
      case LONG -> LongNode.valueOf(p.getLongValue());
      default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
    };
  }

  private static JsonNode decimal(JsonParser p) throws IOException {
    return p.getNumberType() != JsonParser.NumberType.BIG_DECIMAL && p.isNaN()
        ? JsonNodeFactory.instance.numberNode(
            p.getDoubleValue()) // beyond a double: the tree keeps Infinity
        : DecimalNode.valueOf(stripped(p.getDecimalValue()));
  }

  /** As the tree reader stores decimals: without trailing zeros (where the scale allows). */
  private static BigDecimal stripped(BigDecimal value) {
    try {
      return value.stripTrailingZeros();
    } catch (ArithmeticException e) {
      return value;
    }
  }
}
