package vn.thanhhoa.opendata.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Store;

/**
 * A dataset page's first rows come from the start of its CSV only, cut at a record's end even when
 * a quoted field runs over several lines and across the reader's chunks.
 */
class ReleaseTableTest {
  @TempDir Path release;

  private void csv(String dataset, String text) throws IOException {
    Path file = release.resolve("datasets/" + dataset + "/" + dataset + ".csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
  }

  @Test
  void theHeadOfALargeFileIsItsFirstRecords() throws IOException {
    StringBuilder text = new StringBuilder("code,note\n");
    String longNote = "x".repeat(70_000); // the second record spans the first 64 k chunk
    text.append("00001,short\n").append("00002,\"").append(longNote).append("\nsecond line\"\n");
    for (int i = 3; i <= 20_000; i++) {
      text.append(String.format("%05d,row %d%n", i, i));
    }
    csv("big", text.toString());

    ReleaseTable head = ReleaseTable.head(Store.local(), release.toString(), "big", 3);

    assertEquals(List.of("code", "note"), head.columns());
    assertEquals(3, head.rows().size());
    assertEquals(List.of("00001", "short"), head.rows().get(0));
    assertEquals(List.of("00002", longNote + "\nsecond line"), head.rows().get(1));
    assertEquals(List.of("00003", "row 3"), head.rows().get(2));
  }

  @Test
  void aShortFileIsReadWhole() throws IOException {
    csv("small", "code,note\n00001,a\n00002,\"b, c\"\n");

    ReleaseTable head = ReleaseTable.head(Store.local(), release.toString(), "small", 10);

    assertEquals(List.of(List.of("00001", "a"), List.of("00002", "b, c")), head.rows());
    assertEquals(head.rows(), ReleaseTable.read(Store.local(), release.toString(), "small").rows());
  }
}
