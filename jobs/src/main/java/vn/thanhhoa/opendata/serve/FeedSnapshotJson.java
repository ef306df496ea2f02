package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Small JSON look-ups in release files. */
final class FeedSnapshotJson {
  private FeedSnapshotJson() {}

  /** The Table Schema of a dataset, from the first resource of its data package. */
  static JsonNode tableSchema(Path datapackage) {
    try {
      return FeedSnapshot.JSON
          .readTree(datapackage.toFile())
          .path("resources")
          .path(0)
          .path("schema");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + datapackage, e);
    }
  }
}
