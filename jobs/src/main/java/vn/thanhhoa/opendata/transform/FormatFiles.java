package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.substring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.Store;

/** A dataset's rows as Parquet (per year where its definition asks), CSV and JSON files. */
final class FormatFiles {
  private static final String UTC_TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss'Z'";
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** How dates and times are written as text, in both CSV and JSON. */
  private static final Map<String, String> TEXT =
      Map.of(
          "timestampFormat", UTC_TIMESTAMP,
          "dateFormat", "yyyy-MM-dd",
          "timeZone", "UTC",
          "encoding", "UTF-8");

  private static final Map<String, String> CSV =
      with(TEXT, Map.of("header", "true", "quote", "\"", "escape", "\"", "lineSep", "\n"));
  private static final Map<String, String> JSON = with(TEXT, Map.of("ignoreNullFields", "false"));

  private FormatFiles() {}

  private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
    Map<String, String> all = new HashMap<>(base);
    all.putAll(more);
    return Map.copyOf(all);
  }

  static List<DatasetFiles.FileEntry> parquet(
      Dataset<Row> rows, DatasetSpec spec, DatasetFolder target) throws IOException {
    String tmp = target.at(".parquet-tmp");
    List<DatasetFiles.FileEntry> files =
        "year".equals(spec.partition())
            ? parquetByYear(rows, spec, target, tmp)
            : new ArrayList<>();
    if (files.isEmpty()) {
      // No rows, so no year: one empty file keeps the schema readable and the resource listed.
      target.store().delete(tmp);
      rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(tmp);
      files.add(normalized(target, target.part(tmp, ".parquet"), "parquet/" + spec.name()));
    }
    target.store().delete(tmp);
    return files;
  }

  private static List<DatasetFiles.FileEntry> parquetByYear(
      Dataset<Row> rows, DatasetSpec spec, DatasetFolder target, String tmp) throws IOException {
    Column[] order =
        Stream.concat(
                Stream.of(col("year")), spec.key().stream().map(k -> col(k).asc_nulls_first()))
            .toArray(Column[]::new);
    rows.withColumn("year", substring(col("period"), 1, 4))
        .sortWithinPartitions(order)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("year")
        .parquet(tmp);
    List<DatasetFiles.FileEntry> files = new ArrayList<>();
    for (String year :
        target.store().list(tmp).stream().filter(n -> n.startsWith("year=")).toList()) {
      String name = "parquet/" + year + "/" + spec.name() + "-" + year.substring("year=".length());
      files.add(normalized(target, target.part(tmp + "/" + year, ".parquet"), name));
    }
    return files;
  }

  private static DatasetFiles.FileEntry normalized(DatasetFolder target, String part, String name)
      throws IOException {
    ParquetFooter.normalizedCopy(target.store(), part, target.at(name + ".parquet"));
    return target.entry(name + ".parquet", "parquet");
  }

  /** CSV with a byte-order mark (so that Excel reads UTF-8) and a header even without rows. */
  static DatasetFiles.FileEntry csv(Dataset<Row> rows, DatasetSpec spec, DatasetFolder target)
      throws IOException {
    String name = spec.name() + ".csv";
    Store store = target.store();
    target.withSparkFile(
        rows,
        "csv",
        CSV,
        part -> {
          try (OutputStream out = store.create(target.at(name))) {
            out.write(UTF8_BOM);
            if (part == null || store.size(part) == 0) {
              out.write(header(spec).getBytes(StandardCharsets.UTF_8));
            } else {
              try (InputStream in = store.open(part)) {
                in.transferTo(out);
              }
            }
          }
        });
    return target.entry(name, "csv");
  }

  private static String header(DatasetSpec spec) {
    return String.join(",", spec.columns().stream().map(DatasetSpec.Column::name).toList()) + "\n";
  }

  /** JSON: an array of row objects, every column present (null where empty), one row per line. */
  static DatasetFiles.FileEntry json(Dataset<Row> rows, DatasetSpec spec, DatasetFolder target)
      throws IOException {
    String name = spec.name() + ".json";
    target.withSparkFile(
        rows,
        "json",
        JSON,
        part -> {
          try (Writer out =
              new OutputStreamWriter(
                  target.store().create(target.at(name)), StandardCharsets.UTF_8)) {
            out.write("[");
            if (part != null) {
              rowsOf(target.store(), part, out);
            }
            out.write("\n]\n");
          }
        });
    return target.entry(name, "json");
  }

  private static void rowsOf(Store store, String part, Writer out) throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(store.open(part), StandardCharsets.UTF_8))) {
      String line;
      String separator = "\n";
      while ((line = in.readLine()) != null) {
        out.write(separator);
        out.write(line);
        separator = ",\n";
      }
    }
  }
}
