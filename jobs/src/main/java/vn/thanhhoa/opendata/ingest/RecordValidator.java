package vn.thanhhoa.opendata.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.core.SourceSchema.CheckOp;
import vn.thanhhoa.opendata.core.SourceSchema.CheckSpec;
import vn.thanhhoa.opendata.core.SourceSchema.DerivedSpec;

/**
 * Applies a source's schema to one record: each column in declaration order, then the derived
 * columns, then the cross-column checks. The first rule broken is the one reported.
 */
final class RecordValidator {
  private final SourceSchema schema;
  private final List<FieldParser> parsers;
  private final ZoneId zone;
  private final List<String> names;

  RecordValidator(SourceSchema schema) {
    this.schema = schema;
    this.zone = ZoneId.of(schema.timezone());
    this.parsers = schema.columns().stream().map(c -> new FieldParser(c, zone)).toList();
    this.names = schema.stagingNames();
  }

  /**
   * Validates CSV cells given in column order (null where the file lacks the column). {@code
   * blankMeansFalse[i]} is set where the file uses the x/blank convention for column i.
   */
  Object[] fromText(String[] cells, boolean[] blankMeansFalse) throws RuleBreach {
    Object[] values = new Object[names.size()];
    for (int i = 0; i < parsers.size(); i++) {
      values[i] = parsers.get(i).parseText(cells[i], blankMeansFalse[i]);
    }
    return complete(values);
  }

  /** Validates a JSON object; each column is read at its dotted path. */
  Object[] fromJson(JsonNode object) throws RuleBreach {
    Object[] values = new Object[names.size()];
    for (int i = 0; i < parsers.size(); i++) {
      values[i] = parsers.get(i).parseJson(at(object, parsers.get(i).spec().path()));
    }
    return complete(values);
  }

  /** Validates the values a streaming parse found at each column's path (null: not present). */
  Object[] fromLeaves(JsonNode[] leaves) throws RuleBreach {
    Object[] values = new Object[names.size()];
    for (int i = 0; i < parsers.size(); i++) {
      values[i] = parsers.get(i).parseJson(leaves[i]);
    }
    return complete(values);
  }

  /** Each column's dotted JSON path, in column order. */
  List<String> paths() {
    return parsers.stream().map(p -> p.spec().path()).toList();
  }

  private static JsonNode at(JsonNode object, String path) {
    JsonNode node = object;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private Object[] complete(Object[] values) throws RuleBreach {
    int i = parsers.size();
    for (DerivedSpec d : schema.derived()) {
      values[i++] = derive(d, values[names.indexOf(d.from())]);
    }
    for (CheckSpec check : schema.checks()) {
      check(check, values[names.indexOf(check.column())], values[names.indexOf(check.other())]);
    }
    return values;
  }

  private Object derive(DerivedSpec d, Object from) {
    if (from == null) {
      return null;
    }
    return switch (d.as()) {
      case LOCAL_DATE -> LocalDate.ofInstant((Instant) from, zone);
      case MONTH -> YearMonth.from((LocalDate) from).toString();
    };
  }

  private static void check(CheckSpec check, Object value, Object other) throws RuleBreach {
    if (value == null || other == null) {
      return;
    }
    if (!holds(CheckOp.of(check.op()), value, other)) {
      throw new RuleBreach(
          check.rule(),
          check.column(),
          check.column()
              + " "
              + value
              + " must be "
              + check.op()
              + " "
              + check.other()
              + " "
              + other);
    }
  }

  private static boolean holds(CheckOp op, Object value, Object other) {
    return switch (op) {
      case AT_LEAST -> number(value).compareTo(number(other)) >= 0;
      case AT_MOST -> number(value).compareTo(number(other)) <= 0;
      case PREFIXED_BY -> value.toString().startsWith(other + ":");
    };
  }

  private static BigDecimal number(Object value) {
    return value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
  }
}
