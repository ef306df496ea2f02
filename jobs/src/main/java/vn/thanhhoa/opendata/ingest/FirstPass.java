package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.thanhhoa.opendata.core.Sha256;

/**
 * What a first pass over a file to be streamed found: its hash, size, compression, encoding and the
 * length of its byte-order mark.
 */
record FirstPass(String sha256, long bytes, boolean gzip, String encoding, int bom) {
  private static final int BUFFER = 1 << 16;

  /**
   * Hashes the file and checks that it decompresses (if gzip) and is well-formed UTF-8; null where
   * it is not, so that the file takes the whole-file path that reports exactly why.
   */
  static FirstPass over(FileSystem fs, Path path) {
    MessageDigest digest = Sha256.digest();
    try (BoundedInputStream raw =
        BoundedInputStream.builder()
            .setInputStream(new DigestInputStream(fs.open(path), digest))
            .get()) {
      PushbackInputStream sniffed = new PushbackInputStream(raw, 2);
      byte[] head = sniffed.readNBytes(2);
      sniffed.unread(head);
      boolean gzip = Gzip.isGzip(head, head.length);
      int bom = utf8Bom(gzip ? Gzip.open(sniffed) : sniffed);
      if (bom < 0) {
        return null;
      }
      drain(raw);
      String encoding = bom > 0 ? TextDecoder.UTF_8_BOM : TextDecoder.UTF_8;
      return new FirstPass(Sha256.hex(digest), raw.getCount(), gzip, encoding, bom);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The length of the text's byte-order mark where the text is well-formed UTF-8, else -1 (also for
   * UTF-16LE, which is decoded whole).
   */
  private static int utf8Bom(InputStream text) throws IOException {
    byte[] buffer = new byte[BUFFER];
    int n = text.readNBytes(buffer, 0, TextDecoder.UTF_8_BOM_LENGTH);
    if (TextDecoder.isUtf16Le(buffer, n)) {
      return -1;
    }
    int bom = TextDecoder.hasUtf8Bom(buffer, n) ? TextDecoder.UTF_8_BOM_LENGTH : 0;
    Utf8Check utf8 = new Utf8Check();
    utf8.feed(buffer, bom, n);
    while ((n = text.read(buffer)) > 0) {
      utf8.feed(buffer, 0, n);
    }
    return utf8.valid() ? bom : -1;
  }

  /** The bytes after a gzip stream's end still count towards the file's hash and size. */
  private static void drain(InputStream raw) throws IOException {
    byte[] buffer = new byte[BUFFER];
    while (raw.read(buffer) > 0) {
      // counted and hashed on the way
    }
  }
}
