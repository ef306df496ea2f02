package vn.thanhhoa.opendata.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.samples.sampledata.GenerateSampleData;

/** The committed sample-data/ is exactly what its generator writes: nothing edited by hand. */
class SampleDataGeneratorTest {
  private static final Path COMMITTED = Paths.get("sample-data");

  @Test
  void regeneratedSampleDataEqualsTheCommittedFiles(@TempDir Path out) throws IOException {
    GenerateSampleData.generate(Paths.get("conf", "admin-units"), out);

    List<String> written = files(out);
    List<String> committed = files(COMMITTED);
    assertEquals(List.of(), without(committed, written), "committed but not written");
    assertEquals(List.of(), without(written, committed), "written but not committed");
    for (String file : written) {
      assertArrayEquals(
          Files.readAllBytes(COMMITTED.resolve(file)),
          Files.readAllBytes(out.resolve(file)),
          file + " differs from what the generator writes");
    }
  }

  private static List<String> without(List<String> all, List<String> removed) {
    return all.stream().filter(name -> !removed.contains(name)).toList();
  }

  /** The files under {@code root}, relative and sorted, without the generator itself. */
  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(name -> !name.startsWith("generator/"))
          .sorted()
          .toList();
    }
  }
}
