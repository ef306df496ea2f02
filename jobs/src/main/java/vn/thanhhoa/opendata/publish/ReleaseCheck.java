package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.thanhhoa.opendata.core.Parallel;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.publish.site.SiteCheck;

/** One release's check: the problems found so far, in the order the files are checked. */
final class ReleaseCheck {
  /** How many files are hashed at once: SHA-256 is most of a release check's time. */
  private static final int HASHERS = 2;

  private final ReleaseSchemas schemas;
  private final Store store;
  private final String release;
  private final List<String> problems = new ArrayList<>();

  /**
   * Each file's sha256, read once: CKAN resources and data packages name the same files. The
   * datasets' files are read up front, side by side.
   */
  private final Map<String, String> hashes = new HashMap<>();

  ReleaseCheck(ReleaseSchemas schemas, Store store, String release) {
    this.schemas = schemas;
    this.store = store;
    this.release = release;
  }

  List<String> run() {
    hashDatasetFiles();
    List<String> names = packages(licenses());
    JsonNode list = json("ckan/package_list.json");
    if (list == null || !names.equals(texts(list))) {
      problems.add("ckan/package_list.json: does not list exactly the packages " + names);
    }
    CatalogCheck.check(schemas.dcatShapes(), store, release, problems);
    for (String name : names) {
      dataPackage(name);
    }
    SiteCheck.check(store, release, names, problems);
    runReport();
    return problems;
  }

  private String at(String relative) {
    return release + "/" + relative;
  }

  private void hashDatasetFiles() {
    List<String> files =
        store.files(at("datasets")).stream()
            .filter(f -> !f.endsWith("/datapackage.json"))
            .map(f -> at("datasets/" + f))
            .toList();
    List<String> sha256 = Parallel.map(files, HASHERS, store::sha256, h -> {});
    for (int i = 0; i < files.size(); i++) {
      hashes.put(files.get(i), sha256.get(i));
    }
  }

  private String sha256(String file) {
    return hashes.computeIfAbsent(file, store::sha256);
  }

  private JsonNode json(String relative) {
    return Feed.read(store, at(relative));
  }

  private void validate(JsonSchema schema, JsonNode node, String relative) {
    for (ValidationMessage m : schema.validate(node)) {
      problems.add(relative + ": " + m.getMessage());
    }
  }

  private Set<String> licenses() {
    Set<String> licenses = new HashSet<>();
    JsonNode licenseList = json("ckan/license_list.json");
    if (licenseList == null) {
      problems.add("ckan/license_list.json: missing");
    } else {
      licenseList.forEach(l -> licenses.add(l.path("id").asText()));
    }
    return licenses;
  }

  private List<String> packages(Set<String> licenses) {
    List<String> names = new ArrayList<>();
    for (String file :
        store.list(at("ckan/packages")).stream().filter(f -> f.endsWith(".json")).toList()) {
      names.add(checkPackage("ckan/packages/" + file, licenses));
    }
    if (names.isEmpty()) {
      problems.add("ckan/packages: no package");
    }
    return names;
  }

  /** Checks one CKAN package file and returns the package's name. */
  private String checkPackage(String relative, Set<String> licenses) {
    JsonNode pkg = json(relative);
    validate(schemas.ckanPackage(), pkg, relative);
    PackageRules.check(
        pkg,
        relative,
        licenses,
        o -> store.isFile(at("ckan/organizations/" + o + ".json")),
        problems);
    for (JsonNode r : pkg.path("resources")) {
      resource(r, relative);
    }
    return pkg.path("name").asText();
  }

  /** The resource's file exists in the release and has the size and sha256 the package says. */
  private void resource(JsonNode r, String relative) {
    String url = r.path("url").asText();
    int i = url.indexOf("/datasets/");
    if (i < 0) {
      problems.add(
          relative
              + ": resource "
              + r.path("id").asText()
              + ": url does not name a file of the release: "
              + url);
      return;
    }
    String file = url.substring(i + 1);
    String problem = fileProblem(r, file);
    if (problem != null) {
      problems.add(relative + ": " + problem);
    }
  }

  /** What is wrong with a resource's file, or null if it has the size and sha256 it should. */
  private String fileProblem(JsonNode r, String file) {
    if (!store.isFile(at(file))) {
      return "resource file missing: " + file;
    }
    if (store.size(at(file)) != r.path("size").asLong(-1)) {
      return "size of " + file + " is " + store.size(at(file)) + ", package says " + r.path("size");
    }
    if (!sha256(at(file)).equals(r.path("hash").asText())) {
      return "sha256 of "
          + file
          + " does not match the package's hash: the file changed after it was written (a dataset"
          + " carried over from the published release is built again by nightly --full)";
    }
    return null;
  }

  private void dataPackage(String name) {
    String relative = "datasets/" + name + "/datapackage.json";
    JsonNode dp = json(relative);
    if (dp == null) {
      problems.add(relative + ": missing");
      return;
    }
    validate(schemas.dataPackage(), dp, relative);
    for (JsonNode r : dp.path("resources")) {
      if (!matchesFile(r, at("datasets/" + name + "/" + r.path("path").asText()))) {
        problems.add(
            relative
                + ": resource "
                + r.path("name").asText()
                + " does not match its file (bytes or hash)");
      }
    }
  }

  private boolean matchesFile(JsonNode resource, String file) {
    return store.isFile(file)
        && store.size(file) == resource.path("bytes").asLong(-1)
        && ("sha256:" + sha256(file)).equals(resource.path("hash").asText());
  }

  private void runReport() {
    JsonNode report = json("run-report.json");
    if (report == null) {
      return; // checked before the report is written, and by `validate` on complete releases
    }
    report
        .path("sources")
        .fields()
        .forEachRemaining(
            e -> {
              if (!conserved(e.getValue())) {
                problems.add(
                    "run-report.json: "
                        + e.getKey()
                        + ": rows_read != rows_accepted + rows_quarantined");
              }
            });
  }

  private static boolean conserved(JsonNode source) {
    return source.path("rows_read").asLong()
        == source.path("rows_accepted").asLong() + source.path("rows_quarantined").asLong();
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }
}
