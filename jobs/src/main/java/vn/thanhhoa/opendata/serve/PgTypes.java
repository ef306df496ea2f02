package vn.thanhhoa.opendata.serve;

import java.util.Locale;

/** PostgreSQL's names for the query engine's column types, as CKAN's DataStore reports them. */
final class PgTypes {
  private PgTypes() {}

  static String of(String engineType) {
    String t = engineType.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL") || t.equals("HUGEINT") || t.equals("UBIGINT")) {
      return "numeric";
    }
    if (t.startsWith("TIMESTAMP")) {
      return "timestamp";
    }
    return switch (t) {
      case "BIGINT", "UINTEGER" -> "int8";
      case "INTEGER", "SMALLINT", "TINYINT", "USMALLINT", "UTINYINT" -> "int4";
      case "BOOLEAN" -> "bool";
      case "DOUBLE" -> "float8";
      case "FLOAT" -> "float4";
      case "DATE" -> "date";
      case "INTERVAL" -> "interval";
      default -> "text";
    };
  }

  /** The type a filter value is read as to compare with a column of PostgreSQL type {@code pg}. */
  static String castFor(String pg) {
    return switch (pg) {
      case "int4", "int8", "numeric" -> "DECIMAL(38,10)";
      case "float4", "float8" -> "DOUBLE";
      case "bool" -> "BOOLEAN";
      case "date" -> "DATE";
      case "timestamp" -> "TIMESTAMP";
      default -> null;
    };
  }
}
