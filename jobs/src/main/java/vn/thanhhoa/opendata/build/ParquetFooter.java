package vn.thanhhoa.opendata.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer independent of the JVM that wrote it. parquet-mr lists each
 * column chunk's encodings from a HashSet of enums, whose order follows identity hash codes
 * and so changes from one process to the next; sorting the list (same values, same encoded
 * size) gives the same bytes for the same data on every run.
 */
final class ParquetFooter {
  private ParquetFooter() {}

  static void normalize(Path file) throws IOException {
    rewriteEncodings(file, encodings -> encodings.sort(Comparator.comparingInt(Encoding::getValue)));
  }

  /** Rewrites every column chunk's encoding list in place; the change must keep the footer's size. */
  static void rewriteEncodings(Path file, java.util.function.Consumer<java.util.List<Encoding>> change) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long size = raf.length();
      byte[] tail = new byte[8];
      raf.seek(size - 8);
      raf.readFully(tail);
      if (tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1') {
        throw new IOException(file + " is not a Parquet file");
      }
      int length = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      long start = size - 8 - length;
      byte[] footer = new byte[length];
      raf.seek(start);
      raf.readFully(footer);
      FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
      for (RowGroup group : metadata.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          change.accept(chunk.getMeta_data().getEncodings());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length);
      Util.writeFileMetaData(metadata, out);
      if (out.size() != length) {
        throw new IOException(file + ": rewritten footer changed size (" + length + " -> " + out.size() + ")");
      }
      raf.seek(start);
      raf.write(out.toByteArray());
    }
  }
}
