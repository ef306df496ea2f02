package vn.thanhhoa.opendata.samples.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import vn.thanhhoa.opendata.samples.Encoding;

/** Writes one whole file from a string in the given encoding and records it in a tally. */
final class FileOut {
  private FileOut() {}

  static void write(
      Path file, String text, Encoding encoding, Tally tally, long rows, Map<String, Long> bad) {
    byte[] body = encoding.encode(text);
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
}
