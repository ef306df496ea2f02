package vn.thanhhoa.opendata.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The output folders of a generator. */
public final class Folders {
  private Folders() {}

  /** Makes {@code dir} an empty folder: created if missing, everything inside deleted. */
  public static void empty(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }
}
