package vn.thanhhoa.opendata.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of folders for tests that change them, and their contents compared by hash. */
public final class Folders {
  private Folders() {}

  /**
   * sha256 of every file below {@code root} by relative path; data files only (no datapackage.json)
   * if asked.
   */
  public static java.util.Map<String, String> hashes(Path root, boolean dataOnly)
      throws IOException {
    java.util.Map<String, String> hashes = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !dataOnly || !f.endsWith("datapackage.json"))
              .toList()) {
        hashes.put(root.relativize(f).toString(), vn.thanhhoa.opendata.core.Sha256.of(f));
      }
    }
    return hashes;
  }

  /** Copies {@code from} into {@code to}, keeping symbolic links as links. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
