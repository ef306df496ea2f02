package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Values of a query result as JSON: numbers as numbers, dates ISO, timestamps naive UTC ISO, the
 * rest as text.
 */
final class SqlValues {
  private SqlValues() {}

  /** Column {@code i} (from 1) of the current row, JSON-ready. */
  static Object value(ResultSet row, int i) throws SQLException {
    String type = row.getMetaData().getColumnTypeName(i).toUpperCase(Locale.ROOT);
    if (type.equals("DATE")) {
      Object d = row.getObject(i);
      return d == null ? null : d.toString();
    }
    if (type.startsWith("TIMESTAMP")) {
      return timestamp(row, i, type);
    }
    Object v = row.getObject(i);
    if (v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    return v;
  }

  private static String timestamp(ResultSet row, int i, String type) throws SQLException {
    if (type.contains("TIME ZONE")) {
      OffsetDateTime t = row.getObject(i, OffsetDateTime.class);
      return t == null
          ? null
          : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
    }
    LocalDateTime t = row.getObject(i, LocalDateTime.class);
    return t == null ? null : t.toString();
  }

  static void put(ObjectNode record, String name, Object v) {
    if (v == null) {
      record.putNull(name);
    } else if (v instanceof BigDecimal d) {
      record.put(name, d);
    } else if (v instanceof Long l) {
      record.put(name, l);
    } else if (v instanceof Integer n) {
      record.put(name, n);
    } else if (v instanceof Boolean b) {
      record.put(name, b);
    } else if (v instanceof Double d) {
      record.put(name, d);
    } else if (v instanceof Float f) {
      record.put(name, f);
    } else {
      record.put(name, v.toString());
    }
  }
}
