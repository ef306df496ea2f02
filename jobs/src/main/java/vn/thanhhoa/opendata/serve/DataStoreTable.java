package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A dataset's rows as the DataStore serves them, read from the release's Parquet files with Apache
 * Parquet's Java reader (no Spark), in file order (the dataset's key order). Values are JSON-ready:
 * strings, numbers, booleans, ISO dates and naive-UTC timestamps.
 */
final class DataStoreTable {
  /** A column: its id, PostgreSQL type name, and label and notes from the data package. */
  record Field(String id, String type, String label, String notes) {}

  /** What {@link #column} gives for a name the table does not have. */
  static final int NO_COLUMN = -1;

  final List<Field> fields;
  final List<Object[]> rows;

  private DataStoreTable(List<Field> fields, List<Object[]> rows) {
    this.fields = List.copyOf(fields);
    this.rows = rows;
  }

  static DataStoreTable read(Path dataset) {
    JsonNode schema = FeedSnapshotJson.tableSchema(dataset.resolve("datapackage.json"));
    List<Field> fields = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (Path file : parquetFiles(dataset)) {
      read(file, schema, fields, rows);
    }
    return new DataStoreTable(fields, rows);
  }

  private static List<Path> parquetFiles(Path dataset) {
    try (Stream<Path> all = Files.walk(dataset.resolve("parquet"))) {
      return all.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dataset, e);
    }
  }

  /** Adds a file's rows to {@code rows}, and the fields of its first row when there are none. */
  private static void read(Path file, JsonNode schema, List<Field> fields, List<Object[]> rows) {
    try (ParquetReader<Group> reader = ParquetGroups.open(file.toUri())) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        if (fields.isEmpty()) {
          fields.addAll(fields(g, schema));
        }
        rows.add(values(g));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static List<Field> fields(Group g, JsonNode schema) {
    List<Field> fields = new ArrayList<>();
    for (Type t : g.getType().getFields()) {
      JsonNode info = info(schema, t.getName());
      fields.add(
          new Field(
              t.getName(),
              postgresType(t.asPrimitiveType()),
              info == null ? null : info.path("title").asText(null),
              info == null ? null : info.path("description").asText(null)));
    }
    return fields;
  }

  /** The data package's field of that name (the last, if named twice), or null. */
  private static JsonNode info(JsonNode schema, String name) {
    JsonNode info = null;
    for (JsonNode f : schema.path("fields")) {
      if (f.path("name").asText().equals(name)) {
        info = f;
      }
    }
    return info;
  }

  private static String postgresType(PrimitiveType t) {
    LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
      return "numeric";
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return "date";
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
      return "timestamp";
    }
    return switch (t.getPrimitiveTypeName()) {
      case INT64 -> "int8";
      case INT32 -> "int4";
      case BOOLEAN -> "bool";
      case DOUBLE -> "float8";
      case FLOAT -> "float4";
      default -> "text";
    };
  }

  private static Object[] values(Group g) {
    List<Type> types = g.getType().getFields();
    Object[] row = new Object[types.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] =
          g.getFieldRepetitionCount(i) == 0 ? null : value(g, i, types.get(i).asPrimitiveType());
    }
    return row;
  }

  private static Object value(Group g, int i, PrimitiveType t) {
    LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      return decimal(g, i, t, d.getScale());
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(g.getInteger(i, 0)).toString();
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
      return LocalDateTime.ofInstant(instant(g.getLong(i, 0), ts.getUnit()), ZoneOffset.UTC)
          .toString();
    }
    return switch (t.getPrimitiveTypeName()) {
      case INT64 -> g.getLong(i, 0);
      case INT32 -> g.getInteger(i, 0);
      case BOOLEAN -> g.getBoolean(i, 0);
      case DOUBLE -> g.getDouble(i, 0);
      case FLOAT -> g.getFloat(i, 0);
      default -> g.getString(i, 0);
    };
  }

  private static BigDecimal decimal(Group g, int i, PrimitiveType t, int scale) {
    return switch (t.getPrimitiveTypeName()) {
      case INT32 -> BigDecimal.valueOf(g.getInteger(i, 0), scale);
      case INT64 -> BigDecimal.valueOf(g.getLong(i, 0), scale);
      default -> new BigDecimal(new BigInteger(g.getBinary(i, 0).getBytes()), scale);
    };
  }

  private static Instant instant(long v, LogicalTypeAnnotation.TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> Instant.ofEpochMilli(v);
      case MICROS ->
          Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
      case NANOS ->
          Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
    };
  }

  /** The index of the column named {@code id}, or {@link #NO_COLUMN}. */
  int column(String id) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).id().equals(id)) {
        return i;
      }
    }
    return NO_COLUMN;
  }
}
