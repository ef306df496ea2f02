package vn.thanhhoa.opendata.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder and file housekeeping shared by the stages. */
public final class Folders {
  private Folders() {}

  /** Writes {@code value} as JSON to a temporary file, then renames it over {@code file}: never half-written. */
  public static void writeJsonAtomically(com.fasterxml.jackson.databind.ObjectMapper json, Path file, Object value)
      throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    json.writeValue(tmp.toFile(), value);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes a folder tree; nothing if it does not exist. */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
