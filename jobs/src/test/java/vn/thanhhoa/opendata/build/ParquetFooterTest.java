package vn.thanhhoa.opendata.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.testing.SparkTest;

/** Another JVM lists a column's encodings in another order; after normalising, the bytes agree. */
class ParquetFooterTest extends SparkTest {
  @TempDir Path tmp;

  @Test
  void theEncodingOrderOfAnotherJvmNormalisesToTheSameBytes() throws Exception {
    spark().sql("SELECT id, IF(id % 3 = 0, NULL, CAST(id AS STRING)) AS s FROM range(100)").coalesce(1)
        .write().mode(SaveMode.Overwrite).parquet(tmp.resolve("out").toString());
    Path file;
    try (var files = Files.list(tmp.resolve("out"))) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Path other = tmp.resolve("other.parquet");
    Files.copy(file, other);
    reverseEncodings(other);
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(other)), "fixture differs");
    ParquetFooter.normalize(file);
    ParquetFooter.normalize(other);
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(other));
    spark().read().parquet(other.toString()).count();
  }

  private static void reverseEncodings(Path file) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(raf.length() - 8);
      int length = Integer.reverseBytes(raf.readInt());
      long start = raf.length() - 8 - length;
      byte[] footer = new byte[length];
      raf.seek(start);
      raf.readFully(footer);
      FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
      for (RowGroup group : metadata.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          List<org.apache.parquet.format.Encoding> e = chunk.getMeta_data().getEncodings();
          e.sort(java.util.Comparator.comparingInt(org.apache.parquet.format.Encoding::getValue));
          Collections.reverse(e);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Util.writeFileMetaData(metadata, out);
      raf.seek(start);
      raf.write(out.toByteArray());
    }
  }
}
