package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;

/**
 * Checks a release before it may become current, and any release on demand: every CKAN
 * package against CKAN's rules, the DCAT-AP catalogue against the official 3.0.0 SHACL shapes,
 * every data package against the official Frictionless profile, every file's size and hash
 * against what the metadata says, and row conservation in the run report.
 */
public final class ReleaseValidator {
  private final JsonSchema ckanPackage;
  private final JsonSchema dataPackage;
  private final Shapes dcatShapes;

  public ReleaseValidator(Path schemas) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    this.ckanPackage = schema(factory, schemas.resolve("ckan/package.schema.json"));
    this.dataPackage = schema(factory, schemas.resolve("frictionless/datapackage-2.0.json"));
    this.dcatShapes = Shapes.parse(RDFDataMgr.loadGraph(schemas.resolve("dcat-ap/dcat-ap-3.0.0-SHACL.ttl").toString()));
  }

  private static JsonSchema schema(JsonSchemaFactory factory, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return factory.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema " + file, e);
    }
  }

  /** Every problem found, each naming its file; empty when the release may be published. */
  public List<String> validate(Path release) {
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(release)) {
      return List.of(release + ": no such release");
    }
    Set<String> licenses = new HashSet<>();
    JsonNode licenseList = Feed.read(release.resolve("ckan/license_list.json"));
    if (licenseList == null) {
      problems.add("ckan/license_list.json: missing");
    } else {
      licenseList.forEach(l -> licenses.add(l.path("id").asText()));
    }
    List<String> names = packages(release, licenses, problems);
    JsonNode list = Feed.read(release.resolve("ckan/package_list.json"));
    if (list == null || !names.equals(iterable(list))) {
      problems.add("ckan/package_list.json: does not list exactly the packages " + names);
    }
    catalog(release, problems);
    for (String name : names) {
      dataPackage(release, name, problems);
    }
    runReport(release, problems);
    return problems;
  }

  private List<String> packages(Path release, Set<String> licenses, List<String> problems) {
    List<String> names = new ArrayList<>();
    Path folder = release.resolve("ckan/packages");
    try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String at = "ckan/packages/" + file.getFileName();
        JsonNode pkg = Feed.read(file);
        for (ValidationMessage m : ckanPackage.validate(pkg)) {
          problems.add(at + ": " + m.getMessage());
        }
        PackageRules.check(pkg, at, licenses, release, problems);
        resources(release, pkg, at, problems);
        names.add(pkg.path("name").asText());
      }
    } catch (IOException e) {
      problems.add("ckan/packages: cannot be listed: " + e.getMessage());
    }
    if (names.isEmpty()) {
      problems.add("ckan/packages: no package");
    }
    return names;
  }

  /** Each resource's file exists in the release and has the size and sha256 the package says. */
  private static void resources(Path release, JsonNode pkg, String at, List<String> problems) {
    for (JsonNode r : pkg.path("resources")) {
      String url = r.path("url").asText();
      int i = url.indexOf("/datasets/");
      if (i < 0) {
        problems.add(at + ": resource " + r.path("id").asText() + ": url does not name a file of the release: " + url);
        continue;
      }
      Path file = release.resolve(url.substring(i + 1));
      try {
        if (!Files.isRegularFile(file)) {
          problems.add(at + ": resource file missing: " + release.relativize(file));
        } else if (Files.size(file) != r.path("size").asLong(-1)) {
          problems.add(at + ": size of " + release.relativize(file) + " is " + Files.size(file) + ", package says " + r.path("size"));
        } else if (!vn.thanhhoa.opendata.core.Sha256.of(file).equals(r.path("hash").asText())) {
          problems.add(at + ": sha256 of " + release.relativize(file) + " does not match the package's hash");
        }
      } catch (IOException e) {
        problems.add(at + ": cannot read " + file + ": " + e.getMessage());
      }
    }
  }

  private void catalog(Path release, List<String> problems) {
    Path ttl = release.resolve("catalog.ttl");
    if (!Files.exists(ttl) || !Files.exists(release.resolve("catalog.jsonld"))) {
      problems.add("catalog.ttl / catalog.jsonld: missing");
      return;
    }
    Graph data;
    try {
      data = RDFDataMgr.loadGraph(ttl.toString());
    } catch (RuntimeException e) {
      problems.add("catalog.ttl: not valid Turtle: " + e.getMessage());
      return;
    }
    ValidationReport report = ShaclValidator.get().validate(dcatShapes, data);
    report.getEntries().stream().filter(e -> e.severity() == Severity.Violation).limit(20)
        .forEach(e -> problems.add("catalog.ttl: DCAT-AP 3.0.0 violation at " + e.focusNode() + " "
            + e.resultPath() + ": " + e.message()));
  }

  private void dataPackage(Path release, String name, List<String> problems) {
    String at = "datasets/" + name + "/datapackage.json";
    JsonNode dp = Feed.read(release.resolve(at));
    if (dp == null) {
      problems.add(at + ": missing");
      return;
    }
    for (ValidationMessage m : dataPackage.validate(dp)) {
      problems.add(at + ": " + m.getMessage());
    }
    for (JsonNode r : dp.path("resources")) {
      Path file = release.resolve("datasets/" + name).resolve(r.path("path").asText());
      try {
        if (!Files.isRegularFile(file) || Files.size(file) != r.path("bytes").asLong(-1)
            || !("sha256:" + vn.thanhhoa.opendata.core.Sha256.of(file)).equals(r.path("hash").asText())) {
          problems.add(at + ": resource " + r.path("name").asText() + " does not match its file (bytes or hash)");
        }
      } catch (IOException e) {
        problems.add(at + ": cannot read " + file + ": " + e.getMessage());
      }
    }
  }

  private static void runReport(Path release, List<String> problems) {
    JsonNode report = Feed.read(release.resolve("run-report.json"));
    if (report == null) {
      return; // checked before the report is written, and by `validate` on complete releases
    }
    report.path("sources").fields().forEachRemaining(e -> {
      JsonNode s = e.getValue();
      if (s.path("rows_read").asLong() != s.path("rows_accepted").asLong() + s.path("rows_quarantined").asLong()) {
        problems.add("run-report.json: " + e.getKey() + ": rows_read != rows_accepted + rows_quarantined");
      }
    });
  }

  private static List<String> iterable(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** The cross-field rules a JSON Schema cannot express (ckan-contract.md §15 D2–D11). */
  static final class PackageRules {
    private PackageRules() {}

    static void check(JsonNode pkg, String at, Set<String> licenses, Path release, List<String> problems) {
      String id = pkg.path("id").asText();
      if (!licenses.contains(pkg.path("license_id").asText())) {
        problems.add(at + ": license_id '" + pkg.path("license_id").asText() + "' is not in license_list");
      }
      if (!pkg.path("organization").path("id").asText().equals(pkg.path("owner_org").asText())) {
        problems.add(at + ": organization.id differs from owner_org");
      }
      String org = pkg.path("organization").path("name").asText();
      if (!Files.exists(release.resolve("ckan/organizations/" + org + ".json"))) {
        problems.add(at + ": organization " + org + " has no ckan/organizations/" + org + ".json");
      }
      if (pkg.path("num_tags").asInt(-1) != pkg.path("tags").size()) {
        problems.add(at + ": num_tags differs from the number of tags");
      }
      if (pkg.path("num_resources").asInt(-1) != pkg.path("resources").size()) {
        problems.add(at + ": num_resources differs from the number of resources");
      }
      if (pkg.path("metadata_modified").asText().compareTo(pkg.path("metadata_created").asText()) < 0) {
        problems.add(at + ": metadata_modified is before metadata_created");
      }
      Set<String> tags = new HashSet<>();
      for (JsonNode t : pkg.path("tags")) {
        String name = t.path("name").asText();
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
          problems.add(at + ": tag '" + name + "' is not in Unicode NFC (CKAN rejects decomposed marks)");
        }
        if (!tags.add(name)) {
          problems.add(at + ": tag '" + name + "' appears twice");
        }
      }
      Set<String> keys = new HashSet<>();
      pkg.path("extras").forEach(e -> {
        if (!keys.add(e.path("key").asText())) {
          problems.add(at + ": extra key '" + e.path("key").asText() + "' appears twice");
        }
      });
      int position = 0;
      for (JsonNode r : pkg.path("resources")) {
        if (!r.path("package_id").asText().equals(id)) {
          problems.add(at + ": resource " + r.path("id").asText() + ": package_id differs from the package id");
        }
        if (r.path("position").asInt(-1) != position++) {
          problems.add(at + ": resource " + r.path("id").asText() + ": position is not its index");
        }
      }
    }
  }
}
