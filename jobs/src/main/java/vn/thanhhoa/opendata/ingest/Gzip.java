package vn.thanhhoa.opendata.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Gzip as the landing files have it: recognised by its magic bytes, not by the file's name, and
 * read as far as it goes when the stream is damaged (a cut-off upload, a bad block).
 */
final class Gzip {
  private static final int BUFFER = 1 << 16;

  private Gzip() {}

  /** Whether data starting with these bytes is gzip-compressed (RFC 1952: 1f 8b). */
  static boolean isGzip(byte[] head, int length) {
    return length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
  }

  /**
   * The uncompressed data; where the stream is damaged, what was decoded before the damage, the
   * offset in the compressed bytes where decoding stopped, and why.
   */
  record Inflated(byte[] data, long damagedAt, String problem) {
    boolean damaged() {
      return problem != null;
    }

    /** Where and why the data is damaged. */
    String damage() {
      String where = "the gzip data is damaged at byte " + damagedAt;
      return where + " of the compressed file (" + problem + ")";
    }
  }

  /** The uncompressed stream of gzip data. */
  static InputStream open(InputStream compressed) throws IOException {
    return new GZIPInputStream(compressed, BUFFER);
  }

  /**
   * A file whose name says gzip and content not, or the other way round, is read by its content;
   * the warning that says so, if any.
   */
  static List<String> misnamed(String name, boolean gzip) {
    if (gzip == name.endsWith(".gz")) {
      return List.of();
    }
    return List.of(
        gzip
            ? name + ": gzip-compressed although the name does not end in .gz; read decompressed"
            : name + ": named .gz but not gzip-compressed; read as plain text");
  }

  static Inflated inflate(byte[] compressed) {
    ByteArrayInputStream raw = new ByteArrayInputStream(compressed);
    ByteArrayOutputStream data = new ByteArrayOutputStream(Math.max(32, compressed.length * 4));
    Counting in = null;
    try {
      in = new Counting(raw);
      in.transferTo(data);
      return new Inflated(data.toByteArray(), -1, null);
    } catch (IOException e) {
      long consumed = compressed.length - raw.available() - (in == null ? 0 : in.unread());
      return new Inflated(data.toByteArray(), Math.max(0, consumed), problem(e));
    }
  }

  private static String problem(IOException e) {
    if (e instanceof EOFException) {
      return "the data ends before the gzip stream does";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A gzip stream that can say how many compressed bytes it has read but not yet inflated. */
  private static final class Counting extends GZIPInputStream {
    Counting(InputStream in) throws IOException {
      super(in, BUFFER);
    }

    long unread() {
      return inf == null ? 0 : inf.getRemaining();
    }
  }
}
