package vn.thanhhoa.opendata.transform;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import vn.thanhhoa.opendata.core.Store;

/** A dataset's folder on the output's store, and the single files Spark writes into it. */
record DatasetFolder(Store store, String folder) {
  /** What is done with the one part file Spark wrote (null when it wrote none). */
  interface PartUse {
    void accept(String part) throws IOException;
  }

  String at(String relative) {
    return folder + "/" + relative;
  }

  DatasetFiles.FileEntry entry(String relative, String format) {
    return new DatasetFiles.FileEntry(
        relative, format, store.size(at(relative)), store.sha256(at(relative)));
  }

  /**
   * Writes the rows as one file of {@code format} into a temporary folder, hands its part file to
   * {@code use}, then deletes the temporary folder.
   */
  void withSparkFile(Dataset<Row> rows, String format, Map<String, String> options, PartUse use)
      throws IOException {
    String tmp = at("." + format + "-tmp");
    rows.coalesce(1).write().mode(SaveMode.Overwrite).options(options).format(format).save(tmp);
    use.accept(partOrNull(tmp, "." + format));
    store.delete(tmp);
  }

  /** The one part file Spark wrote into {@code dir}. */
  String part(String dir, String suffix) throws IOException {
    String part = partOrNull(dir, suffix);
    if (part == null) {
      throw new IOException("Spark wrote no " + suffix + " file in " + dir);
    }
    return part;
  }

  private String partOrNull(String dir, String suffix) throws IOException {
    List<String> parts =
        store.list(dir).stream().filter(n -> n.startsWith("part-") && n.endsWith(suffix)).toList();
    if (parts.size() > 1) {
      throw new IOException(
          "Expected one " + suffix + " file in " + dir + ", found " + parts.size());
    }
    return parts.isEmpty() ? null : dir + "/" + parts.get(0);
  }
}
