package vn.thanhhoa.opendata.samples.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Writes one whole file from a string in the given encoding and records it in a tally. */
final class FileOut {
  private FileOut() {}

  static void write(
      Path file, String text, String encoding, Tally tally, long rows, Map<String, Long> bad) {
    byte[] body =
        switch (encoding) {
          case "utf-8-bom" ->
              concat(
                  new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                  text.getBytes(StandardCharsets.UTF_8));
          case "utf-16le" ->
              concat(
                  new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
          default -> text.getBytes(StandardCharsets.UTF_8);
        };
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tally.file(
        file.getParent().getFileName() + "/" + file.getFileName(),
        rows,
        body.length,
        body.length,
        bad);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
