package vn.thanhhoa.opendata.core;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One landing source as declared in {@code schemas/<source>.yaml}: how its files look, its columns
 * with their rules, cross-column checks, how it joins the unit list and its key.
 */
public record SourceSchema(
    String source,
    String title,
    Format format,
    List<String> files,
    List<String> delimiters,
    String timezone,
    List<ColumnSpec> columns,
    List<DerivedSpec> derived,
    List<CheckSpec> checks,
    UnitSpec unit,
    KeySpec key,
    String partitionBy)
    implements Serializable {

  /** How records are laid out in a landing file. */
  public enum Format {
    CSV,
    JSONL
  }

  public SourceSchema {
    files = List.copyOf(files);
    delimiters = delimiters == null ? List.of(",") : List.copyOf(delimiters);
    columns = List.copyOf(columns);
    derived = derived == null ? List.of() : List.copyOf(derived);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** A column computed from another one after parsing (e.g. the local date of a timestamp). */
  public record DerivedSpec(String name, String from, Derivation as) implements Serializable {}

  /** The derivations the reader knows. */
  public enum Derivation {
    LOCAL_DATE,
    MONTH
  }

  /** A rule relating two columns; {@code rule} is the quarantine rule id it reports. */
  public record CheckSpec(String rule, String column, String op, String other)
      implements Serializable {}

  /** Which columns join the administrative-unit list, and on which date. */
  public record UnitSpec(String code, String date, String name, String district)
      implements Serializable {}

  /** The key of a row and the timestamp that decides which submission is the latest. */
  public record KeySpec(List<String> columns, String latestBy) implements Serializable {
    public KeySpec {
      columns = List.copyOf(columns);
    }
  }

  /** The column (by staging name) or derived column called {@code name}. */
  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.stagingName().equals(name)).findFirst();
  }

  /** Staging names of every column and derived column, in declaration order. */
  public List<String> stagingNames() {
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.stagingName()));
    derived.forEach(d -> names.add(d.name()));
    return names;
  }

  /** Reads {@code <folder>/<source>.yaml} and checks that it is consistent. */
  public static SourceSchema load(Path folder, String source) {
    Path file = folder.resolve(source + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": no schema for source '" + source + "'");
    }
    SourceSchema schema = Yaml.read(file, SourceSchema.class);
    schema.validate(file);
    return schema;
  }

  private void validate(Path file) {
    require(file, "source", source != null && source.matches("[a-z0-9-]+"));
    require(file, "format", format != null);
    require(file, "files", !files.isEmpty());
    require(file, "columns", !columns.isEmpty());
    for (int i = 0; i < columns.size(); i++) {
      columns.get(i).validate(file, "columns[" + i + "]");
    }
    Set<String> names = new HashSet<>();
    for (String name : stagingNames()) {
      require(file, "columns: duplicate name " + name, names.add(name));
    }
    validateDerivedAndChecks(file, names);
    require(file, "unit.code", unit != null && names.contains(unit.code()));
    require(file, "unit.date", names.contains(unit.date()));
    require(file, "key.columns", key != null && names.containsAll(key.columns()));
    require(file, "key.latest_by", names.contains(key.latestBy()));
    require(file, "partition_by", names.contains(partitionBy));
  }

  private void validateDerivedAndChecks(Path file, Set<String> names) {
    for (int i = 0; i < derived.size(); i++) {
      DerivedSpec d = derived.get(i);
      require(file, "derived[" + i + "].from", d.from() != null && names.contains(d.from()));
      require(file, "derived[" + i + "].as", d.as() != null);
    }
    for (int i = 0; i < checks.size(); i++) {
      CheckSpec c = checks.get(i);
      String at = "checks[" + i + "]";
      require(file, at + ".rule", c.rule() != null);
      require(file, at + ".column", names.contains(c.column()));
      require(file, at + ".other", names.contains(c.other()));
      require(file, at + ".op", CheckOp.known(c.op()));
    }
  }

  private static void require(Path file, String key, boolean ok) {
    if (!ok) {
      throw new ConfigException(file + ": " + key + ": missing or invalid");
    }
  }

  /** The comparison operators a {@link CheckSpec} may use. */
  public enum CheckOp {
    AT_LEAST(">="),
    AT_MOST("<="),
    PREFIXED_BY("prefixed-by");

    private final String symbol;

    CheckOp(String symbol) {
      this.symbol = symbol;
    }

    public static CheckOp of(String symbol) {
      for (CheckOp op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException("Unknown check operator: " + symbol);
    }

    static boolean known(String symbol) {
      for (CheckOp op : values()) {
        if (op.symbol.equals(symbol)) {
          return true;
        }
      }
      return false;
    }
  }
}
