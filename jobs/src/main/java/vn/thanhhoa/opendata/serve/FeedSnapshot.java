package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One published release as the server sees it: its CKAN JSON loaded once, its DataStore engine
 * opened on the first DataStore query. Immutable apart from that, so a request that took a snapshot
 * gets answers from one release only, even if {@code current} is switched meanwhile.
 */
final class FeedSnapshot {
  static final ObjectMapper JSON = new ObjectMapper();

  final Path release;
  final String id;
  final Map<String, JsonNode> packagesByName = new LinkedHashMap<>();
  final Map<String, JsonNode> packagesById = new LinkedHashMap<>();
  final Map<String, JsonNode> organizations = new LinkedHashMap<>();
  final Map<String, JsonNode> groups = new LinkedHashMap<>();
  final JsonNode licenses;
  private final Map<String, JsonNode> resources = new LinkedHashMap<>();
  private final Map<Path, String> hashes = new HashMap<>();
  private DataStoreEngine dataStore;

  private FeedSnapshot(Path release) {
    this.release = release;
    this.id = release.getFileName().toString();
    for (JsonNode pkg : readAll(release.resolve("ckan/packages"))) {
      packagesByName.put(pkg.path("name").asText(), pkg);
      packagesById.put(pkg.path("id").asText(), pkg);
      pkg.path("resources").forEach(r -> resources.put(r.path("id").asText(), r));
    }
    resources.values().forEach(this::keepHash);
    readAll(release.resolve("ckan/organizations"))
        .forEach(o -> organizations.put(o.path("name").asText(), o));
    readAll(release.resolve("ckan/groups")).forEach(g -> groups.put(g.path("name").asText(), g));
    this.licenses = read(release.resolve("ckan/license_list.json"));
  }

  static FeedSnapshot load(Path release) {
    return new FeedSnapshot(release);
  }

  Optional<JsonNode> dataset(String idOrName) {
    return Optional.ofNullable(packagesByName.getOrDefault(idOrName, packagesById.get(idOrName)));
  }

  Optional<JsonNode> resource(String id) {
    return Optional.ofNullable(resources.get(id));
  }

  /** The SHA-256 the release publishes for a file of its resources (as {@code hash}), if any. */
  Optional<String> publishedHash(Path file) {
    return Optional.ofNullable(hashes.get(file));
  }

  /** A resource file's published hash, by where its URL's path lies in this release. */
  private void keepHash(JsonNode resource) {
    String hash = resource.path("hash").asText("");
    try {
      String path = new URI(resource.path("url").asText("")).getPath();
      if (!hash.isEmpty() && path != null && path.startsWith("/datasets/")) {
        hashes.put(release.resolve(path.substring(1)).normalize(), hash);
      }
    } catch (URISyntaxException e) {
      // not a URL this server answers: its file, if any, is hashed when first asked for
    }
  }

  /** The package a resource belongs to. */
  JsonNode packageOf(JsonNode resource) {
    return packagesById.get(resource.path("package_id").asText());
  }

  /** The DataStore of this release: every datastore-active resource's table, loaded once. */
  synchronized DataStoreEngine dataStore() {
    if (dataStore == null) {
      Map<String, Path> datasets = new LinkedHashMap<>();
      resources.values().stream()
          .filter(r -> r.path("datastore_active").asBoolean())
          .forEach(
              r ->
                  datasets.put(
                      r.path("id").asText(),
                      release.resolve("datasets").resolve(packageOf(r).path("name").asText())));
      dataStore = DataStoreEngine.open(datasets);
    }
    return dataStore;
  }

  /** This release is no longer current: its DataStore closes once its last query has ended. */
  synchronized void retire() {
    if (dataStore != null) {
      dataStore.retire();
    }
  }

  private static List<JsonNode> readAll(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      List<JsonNode> nodes = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        nodes.add(read(f));
      }
      return nodes;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
