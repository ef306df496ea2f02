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
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
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
    List<Path> files;
    try (Stream<Path> all = Files.walk(dataset.resolve("parquet"))) {
      files = all.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dataset, e);
    }
    List<Field> fields = null;
    List<Object[]> rows = new ArrayList<>();
    for (Path file : files) {
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
              .withConf(new Configuration())
              .build()) {
        Group g;
        while ((g = reader.read()) != null) {
          if (fields == null) {
            fields = fields(g, schema);
          }
          rows.add(values(g));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return new DataStoreTable(fields == null ? List.of() : fields, rows);
  }

  private static List<Field> fields(Group g, JsonNode schema) {
    List<Field> fields = new ArrayList<>();
    for (Type t : g.getType().getFields()) {
      JsonNode info = null;
      for (JsonNode f : schema.path("fields")) {
        if (f.path("name").asText().equals(t.getName())) {
          info = f;
        }
      }
      fields.add(
          new Field(
              t.getName(),
              postgresType(t.asPrimitiveType()),
              info == null ? null : info.path("title").asText(null),
              info == null ? null : info.path("description").asText(null)));
    }
    return fields;
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
      return switch (t.getPrimitiveTypeName()) {
        case INT32 -> BigDecimal.valueOf(g.getInteger(i, 0), d.getScale());
        case INT64 -> BigDecimal.valueOf(g.getLong(i, 0), d.getScale());
        default -> new BigDecimal(new BigInteger(g.getBinary(i, 0).getBytes()), d.getScale());
      };
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(g.getInteger(i, 0)).toString();
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
      long v = g.getLong(i, 0);
      Instant instant =
          switch (ts.getUnit()) {
            case MILLIS -> Instant.ofEpochMilli(v);
            case MICROS ->
                Instant.ofEpochSecond(
                    Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
            case NANOS ->
                Instant.ofEpochSecond(
                    Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
          };
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
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
