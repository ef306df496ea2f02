package vn.thanhhoa.opendata.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Gzip as the landing files have it: recognised by its magic bytes, not by the file's name, and
 * read as far as it goes when the stream is damaged (a cut-off upload, a bad block).
 */
final class Gzip {
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
      String problem =
          e instanceof java.io.EOFException
              ? "the data ends before the gzip stream does"
              : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Inflated(data.toByteArray(), Math.max(0, consumed), problem);
    }
  }

  /** A gzip stream that can say how many compressed bytes it has read but not yet inflated. */
  private static final class Counting extends GZIPInputStream {
    Counting(InputStream in) throws IOException {
      super(in, 1 << 16);
    }

    long unread() {
      return inf == null ? 0 : inf.getRemaining();
    }
  }
}
