package vn.thanhhoa.opendata.transform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.io.IOUtils;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import vn.thanhhoa.opendata.core.Store;

/**
 * Makes a Parquet file's footer independent of the JVM that wrote it. parquet-mr lists each column
 * chunk's encodings from a HashSet of enums, whose order follows identity hash codes and so changes
 * from one process to the next; sorting the list (same values, same encoded size) gives the same
 * bytes for the same data on every run.
 */
final class ParquetFooter {
  private ParquetFooter() {}

  /**
   * Copies a Parquet file to {@code to} with its footer normalised; the copy streams the data
   * pages.
   */
  static void normalizedCopy(Store store, String from, String to) throws IOException {
    rewriteEncodings(
        store, from, to, encodings -> encodings.sort(Comparator.comparingInt(Encoding::getValue)));
  }

  /**
   * Copies the file with every column chunk's encoding list changed; the change must keep the
   * footer's size.
   */
  static void rewriteEncodings(Store store, String from, String to, Consumer<List<Encoding>> change)
      throws IOException {
    long size = store.size(from);
    try (FSDataInputStream in = store.open(from);
        OutputStream out = store.create(to)) {
      byte[] tail = tail(in, from, size);
      byte[] footer = footer(in, tail, size);
      long start = size - 8 - footer.length;
      ByteArrayOutputStream rewritten = rewritten(footer, change, from);
      in.seek(0);
      if (IOUtils.copyLarge(in, out, 0, start) != start) {
        throw new IOException(from + ": Parquet file ended early");
      }
      rewritten.writeTo(out);
      out.write(tail);
    }
  }

  /** The number of rows a Parquet file holds, from its footer. */
  static long rows(Store store, String file) {
    long size = store.size(file);
    try (FSDataInputStream in = store.open(file)) {
      byte[] footer = footer(in, tail(in, file, size), size);
      return Util.readFileMetaData(new ByteArrayInputStream(footer)).getNum_rows();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the footer of " + file, e);
    }
  }

  /** The last 8 bytes: the footer's length and the magic number. */
  private static byte[] tail(FSDataInputStream in, String from, long size) throws IOException {
    byte[] tail = new byte[8];
    in.readFully(size - 8, tail);
    if (tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1') {
      throw new IOException(from + " is not a Parquet file");
    }
    return tail;
  }

  /** The footer, which ends where the tail begins; the tail gives its length. */
  private static byte[] footer(FSDataInputStream in, byte[] tail, long size) throws IOException {
    int length = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    byte[] footer = new byte[length];
    in.readFully(size - 8 - length, footer);
    return footer;
  }

  private static ByteArrayOutputStream rewritten(
      byte[] footer, Consumer<List<Encoding>> change, String from) throws IOException {
    FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
    for (RowGroup group : metadata.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        change.accept(chunk.getMeta_data().getEncodings());
      }
    }
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream(footer.length);
    Util.writeFileMetaData(metadata, rewritten);
    if (rewritten.size() != footer.length) {
      throw new IOException(
          from
              + ": rewritten footer changed size ("
              + footer.length
              + " -> "
              + rewritten.size()
              + ")");
    }
    return rewritten;
  }
}
