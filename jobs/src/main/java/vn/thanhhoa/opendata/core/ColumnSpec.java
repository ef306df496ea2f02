package vn.thanhhoa.opendata.core;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * One input column: its canonical name, header aliases, type and per-value rules. Every field
 * except {@code name} and {@code type} is optional in the YAML.
 */
public record ColumnSpec(
    String name,
    String stagingName,
    String path,
    List<String> aliases,
    ColumnType type,
    Boolean required,
    List<String> formats,
    Boolean thousandsSeparators,
    Boolean decimalComma,
    Integer precision,
    Integer scale,
    BigDecimal min,
    BigDecimal max,
    List<String> values,
    PatternSpec pattern,
    List<String> trueValues,
    List<String> falseValues,
    String blankFalseMarker)
    implements Serializable {

  /** The value types the reader parses to. */
  public enum ColumnType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    MONTH,
    DATE,
    TIMESTAMP
  }

  /** A regular expression every value must match, and the rule id a mismatch reports. */
  public record PatternSpec(String regex, String rule) implements Serializable {
    boolean isComplete() {
      return regex != null && rule != null;
    }
  }

  public ColumnSpec {
    stagingName = stagingName == null ? name : stagingName;
    path = path == null ? name : path;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    required = required == null || required;
    formats = formats == null ? List.of() : List.copyOf(formats);
    thousandsSeparators = thousandsSeparators != null && thousandsSeparators;
    decimalComma = decimalComma != null && decimalComma;
    values = values == null ? List.of() : List.copyOf(values);
    trueValues = trueValues == null ? List.of("true") : List.copyOf(trueValues);
    falseValues = falseValues == null ? List.of("false") : List.copyOf(falseValues);
  }

  public boolean isRequired() {
    return required;
  }

  void validate(Path file, String at) {
    check(file, at + ".name", name != null && name.matches("[a-z][a-z0-9_]*"));
    check(file, at + ".type", type != null);
    check(
        file,
        at + ".precision",
        type != ColumnType.DECIMAL || (precision != null && scale != null));
    check(file, at + ".formats", !formats.isEmpty() || !needsFormats());
    check(file, at + ".pattern", pattern == null || pattern.isComplete());
  }

  /** Months and timestamps are read only in the formats the schema lists. */
  private boolean needsFormats() {
    return type == ColumnType.MONTH || type == ColumnType.TIMESTAMP;
  }

  private static void check(Path file, String key, boolean ok) {
    if (!ok) {
      throw new ConfigException(file + ": " + key + ": missing or invalid");
    }
  }
}
