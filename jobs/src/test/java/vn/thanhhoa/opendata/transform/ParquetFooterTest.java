package vn.thanhhoa.opendata.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.testing.SparkTest;

/** Another JVM lists a column's encodings in another order; after normalising, the bytes agree. */
class ParquetFooterTest extends SparkTest {
  @TempDir Path tmp;

  @Test
  void theEncodingOrderOfAnotherJvmNormalisesToTheSameBytes() throws Exception {
    spark()
        .sql("SELECT id, IF(id % 3 = 0, NULL, CAST(id AS STRING)) AS s FROM range(100)")
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(tmp.resolve("out").toString());
    Path file;
    try (var files = Files.list(tmp.resolve("out"))) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Store store = Store.local();
    Path other = tmp.resolve("other.parquet");
    // Rotating by one gives an order other than the written one, whatever order this JVM wrote.
    ParquetFooter.rewriteEncodings(
        store, file.toString(), other.toString(), e -> Collections.rotate(e, 1));
    assertFalse(
        java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(other)),
        "fixture differs");
    Path a = tmp.resolve("a.parquet");
    Path b = tmp.resolve("b.parquet");
    ParquetFooter.normalizedCopy(store, file.toString(), a.toString());
    ParquetFooter.normalizedCopy(store, other.toString(), b.toString());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    assertEquals(Files.size(file), Files.size(a));
    assertEquals(100, spark().read().parquet(b.toString()).count());
    assertEquals(100, ParquetFooter.rows(store, b.toString()));
  }
}
