package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A dataset's DataStore table: the rows of the release's Parquet files in file order (the dataset's
 * key order), copied into the query engine once as a table named after the resource id, with CKAN's
 * {@code _id} (row number from 1) and {@code _full_text} (the row's text folded for {@code q}).
 */
final class DataStoreTable {
  /** A column: its id, PostgreSQL type name, and label and notes from the data package. */
  record Field(String id, String type, String label, String notes) {}

  /** What {@link #column} gives for a name the table does not have. */
  static final int NO_COLUMN = -1;

  final String name;
  final List<Field> fields;
  final long rows;

  private DataStoreTable(String name, List<Field> fields, long rows) {
    this.name = name;
    this.fields = List.copyOf(fields);
    this.rows = rows;
  }

  /** Copies a dataset's Parquet files into table {@code name} and describes its columns. */
  static DataStoreTable load(Connection db, String name, Path dataset) throws SQLException {
    List<Path> files = parquetFiles(dataset);
    JsonNode schema = FeedSnapshotJson.tableSchema(dataset.resolve("datapackage.json"));
    try (Statement s = db.createStatement()) {
      String source = source(files);
      List<String[]> columns = describe(s, source);
      s.execute(
          "CREATE TABLE "
              + Sql.quote(name)
              + " AS SELECT CAST(row_number() OVER (ORDER BY filename, file_row_number) AS INTEGER)"
              + " AS _id, "
              + Sql.fold("concat_ws(' ', " + textOf(columns) + ")")
              + " AS _full_text, "
              + values(columns)
              + " FROM "
              + source
              + " ORDER BY _id");
      return new DataStoreTable(name, fields(columns, schema), rows(s, name));
    }
  }

  private static long rows(Statement s, String name) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + Sql.quote(name))) {
      r.next();
      return r.getLong(1);
    }
  }

  private static List<Field> fields(List<String[]> columns, JsonNode schema) {
    List<Field> fields = new ArrayList<>();
    for (String[] c : columns) {
      JsonNode info = info(schema, c[0]);
      fields.add(
          new Field(
              c[0],
              PgTypes.of(c[1]),
              info == null ? null : info.path("title").asText(null),
              info == null ? null : info.path("description").asText(null)));
    }
    return fields;
  }

  private static String source(List<Path> files) {
    String list =
        files.stream().map(f -> Sql.literal(f.toString())).collect(Collectors.joining(", "));
    return "read_parquet(["
        + list
        + "], hive_partitioning = false, filename = true, file_row_number = true)";
  }

  /** The Parquet columns, name and engine type, in file order. */
  private static List<String[]> describe(Statement s, String source) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (r.next()) {
        String name = r.getString("column_name");
        if (!name.equals("filename") && !name.equals("file_row_number")) {
          columns.add(new String[] {name, r.getString("column_type")});
        }
      }
    }
    return columns;
  }

  private static String textOf(List<String[]> columns) {
    return columns.stream()
        .map(c -> "CAST(" + Sql.quote(c[0]) + " AS VARCHAR)")
        .collect(Collectors.joining(", "));
  }

  /** The columns as stored: timestamps as naive UTC, as the files mean them. */
  private static String values(List<String[]> columns) {
    return columns.stream()
        .map(
            c ->
                c[1].startsWith("TIMESTAMP WITH TIME ZONE")
                    ? "CAST(" + Sql.quote(c[0]) + " AS TIMESTAMP) AS " + Sql.quote(c[0])
                    : Sql.quote(c[0]))
        .collect(Collectors.joining(", "));
  }

  private static List<Path> parquetFiles(Path dataset) {
    try (Stream<Path> all = Files.walk(dataset.resolve("parquet"))) {
      List<Path> files = all.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
      if (files.isEmpty()) {
        throw new IOException("no Parquet file");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Parquet files of " + dataset, e);
    }
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
