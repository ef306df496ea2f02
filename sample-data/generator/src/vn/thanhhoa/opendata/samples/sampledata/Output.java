package vn.thanhhoa.opendata.samples.sampledata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** File system helpers. */
final class Output {
  private Output() {}

  static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gzip with a fixed header (mtime 0): the same bytes on every run. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(buffer)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /**
   * What a gzip stream decompresses to before it breaks off, read in chunks until the stream throws
   * (as the pipeline reads a damaged file); null if it decompresses whole.
   */
  static byte[] gunzipAsFarAsItGoes(byte[] gz) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        out.write(chunk, 0, n);
      }
      return null;
    } catch (IOException e) {
      return out.toByteArray();
    }
  }
}
