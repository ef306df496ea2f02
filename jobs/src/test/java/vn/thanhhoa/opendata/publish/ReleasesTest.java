package vn.thanhhoa.opendata.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.Store;

/** Which releases count as published, which one a rollback goes to, and how run ids grow. */
class ReleasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path output;

  private Releases releases() {
    return new Releases(Store.local(), new Layout(output.toString()));
  }

  private void release(String id, String status, String restores) throws Exception {
    Path folder = Files.createDirectories(output.resolve("releases").resolve(id));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("status", status);
    if (restores != null) {
      report.put("restores", restores);
    }
    JSON.writeValue(folder.resolve("run-report.json").toFile(), report);
  }

  private void current(String id) throws Exception {
    Files.deleteIfExists(output.resolve("current"));
    Files.createSymbolicLink(output.resolve("current"), Paths.get("releases", id));
  }

  private List<String> statuses() {
    return releases().list().stream()
        .map(i -> i.id() + " " + i.status() + (i.current() ? " *" : ""))
        .toList();
  }

  @Test
  void rollingBackAgainAfterANewReleaseNeverReturnsToAWithdrawnRelease() throws Exception {
    release("20250101T000000Z", "published", null); // good
    release("20250102T000000Z", "published", null); // bad: withdrawn by the first rollback
    release("20250103T000000Z", "published", "20250101T000000Z"); // the first rollback
    release("20250104T000000Z", "published", null); // a later nightly, bad too
    current("20250104T000000Z");
    assertEquals("20250103T000000Z", releases().rollbackTarget(Optional.empty()).id());
    // That rollback restores 20250101T000000Z's data again (the original, recorded as such) ...
    release("20250105T000000Z", "published", "20250101T000000Z");
    current("20250105T000000Z");
    // ... so one more goes before it, not to 20250102T000000Z.
    IllegalArgumentException none =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> releases().rollbackTarget(Optional.empty()));
    assertEquals("no complete release before 20250101T000000Z to roll back to", none.getMessage());
  }

  @Test
  void aReportSayingPublishedNewerThanCurrentIsAReleaseThatWasNeverSwitchedTo() throws Exception {
    release("20250101T000000Z", "published", null);
    release("20250102T000000Z", "published", null);
    release("20250103T000000Z", "rejected", null);
    Files.createDirectories(output.resolve("releases/20250104T000000Z"));
    assertEquals(
        List.of(
            "20250101T000000Z not-switched",
            "20250102T000000Z not-switched",
            "20250103T000000Z rejected",
            "20250104T000000Z incomplete"),
        statuses(),
        "nothing current: nothing published");
    current("20250101T000000Z");
    assertEquals(
        List.of(
            "20250101T000000Z published *",
            "20250102T000000Z not-switched",
            "20250103T000000Z rejected",
            "20250104T000000Z incomplete"),
        statuses());
    assertEquals(
        List.of("20250102T000000Z", "20250103T000000Z", "20250104T000000Z"), releases().prune(5));
  }

  @Test
  void runIdsFollowTheClockButAlwaysComeAfterEveryRelease() throws Exception {
    Layout layout = new Layout(output.toString());
    Instant at = Instant.parse("2025-01-02T03:04:05Z");
    assertEquals("20250102T030405Z", layout.newRunId(at, Store.local()));
    release("20250102T030405Z", "published", null);
    assertEquals("20250102T030405Z-1", layout.newRunId(at, Store.local()), "same second");
    release("20250102T030405Z-9", "published", null);
    assertEquals("20250102T030405Z-10", layout.newRunId(at, Store.local()));
    release("20250102T030405Z-10", "published", null);
    assertEquals(
        List.of("20250102T030405Z", "20250102T030405Z-9", "20250102T030405Z-10"),
        releases().list().stream().map(Releases.Info::id).toList(),
        "-9 before -10");
    assertEquals(
        "20250102T030405Z-11",
        layout.newRunId(Instant.parse("2025-01-01T00:00:00Z"), Store.local()),
        "a clock behind the releases' still gives a later id");
  }
}
