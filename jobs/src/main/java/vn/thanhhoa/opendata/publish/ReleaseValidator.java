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
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import vn.thanhhoa.opendata.core.Store;

/**
 * Checks a release before it may become current, and any release on demand: every CKAN package
 * against CKAN's rules, the DCAT-AP catalogue against the official 3.0.0 SHACL shapes, every data
 * package against the official Frictionless profile, every file's size and hash against what the
 * metadata says, and row conservation in the run report.
 */
public final class ReleaseValidator {
  private final JsonSchema ckanPackage;
  private final JsonSchema dataPackage;
  private final Shapes dcatShapes;

  public ReleaseValidator(Path schemas) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    this.ckanPackage = schema(factory, schemas.resolve("ckan/package.schema.json"));
    this.dataPackage = schema(factory, schemas.resolve("frictionless/datapackage-2.0.json"));
    this.dcatShapes =
        Shapes.parse(
            RDFDataMgr.loadGraph(schemas.resolve("dcat-ap/dcat-ap-3.0.0-SHACL.ttl").toString()));
  }

  private static JsonSchema schema(JsonSchemaFactory factory, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return factory.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema " + file, e);
    }
  }

  /** As {@link #validate(Store, String)} for a release folder on this machine. */
  public List<String> validate(Path release) {
    return validate(Store.local(), release.toString());
  }

  /** Every problem found, each naming its file; empty when the release may be published. */
  public List<String> validate(Store store, String release) {
    if (!store.isDirectory(release)) {
      return List.of(release + ": no such release");
    }
    return new Check(store, release).run();
  }

  /** One release's check: the problems found so far. */
  private final class Check {
    private final Store store;
    private final String release;
    private final List<String> problems = new ArrayList<>();

    /** Each file's sha256, read once: CKAN resources and data packages name the same files. */
    private final java.util.Map<String, String> hashes = new java.util.HashMap<>();

    Check(Store store, String release) {
      this.store = store;
      this.release = release;
    }

    private String at(String relative) {
      return release + "/" + relative;
    }

    private String sha256(String file) {
      return hashes.computeIfAbsent(file, store::sha256);
    }

    private JsonNode json(String relative) {
      return Feed.read(store, at(relative));
    }

    List<String> run() {
      Set<String> licenses = new HashSet<>();
      JsonNode licenseList = json("ckan/license_list.json");
      if (licenseList == null) {
        problems.add("ckan/license_list.json: missing");
      } else {
        licenseList.forEach(l -> licenses.add(l.path("id").asText()));
      }
      List<String> names = packages(licenses);
      JsonNode list = json("ckan/package_list.json");
      if (list == null || !names.equals(iterable(list))) {
        problems.add("ckan/package_list.json: does not list exactly the packages " + names);
      }
      catalog();
      for (String name : names) {
        dataPackage(name);
      }
      runReport();
      return problems;
    }

    private List<String> packages(Set<String> licenses) {
      List<String> names = new ArrayList<>();
      for (String file :
          store.list(at("ckan/packages")).stream().filter(f -> f.endsWith(".json")).toList()) {
        String relative = "ckan/packages/" + file;
        JsonNode pkg = json(relative);
        for (ValidationMessage m : ckanPackage.validate(pkg)) {
          problems.add(relative + ": " + m.getMessage());
        }
        PackageRules.check(
            pkg,
            relative,
            licenses,
            o -> store.isFile(at("ckan/organizations/" + o + ".json")),
            problems);
        resources(pkg, relative);
        names.add(pkg.path("name").asText());
      }
      if (names.isEmpty()) {
        problems.add("ckan/packages: no package");
      }
      return names;
    }

    /** Each resource's file exists in the release and has the size and sha256 the package says. */
    private void resources(JsonNode pkg, String relative) {
      for (JsonNode r : pkg.path("resources")) {
        String url = r.path("url").asText();
        int i = url.indexOf("/datasets/");
        if (i < 0) {
          problems.add(
              relative
                  + ": resource "
                  + r.path("id").asText()
                  + ": url does not name a file of the release: "
                  + url);
          continue;
        }
        String file = url.substring(i + 1);
        if (!store.isFile(at(file))) {
          problems.add(relative + ": resource file missing: " + file);
        } else if (store.size(at(file)) != r.path("size").asLong(-1)) {
          problems.add(
              relative
                  + ": size of "
                  + file
                  + " is "
                  + store.size(at(file))
                  + ", package says "
                  + r.path("size"));
        } else if (!sha256(at(file)).equals(r.path("hash").asText())) {
          problems.add(relative + ": sha256 of " + file + " does not match the package's hash");
        }
      }
    }

    private void catalog() {
      if (!store.isFile(at("catalog.ttl")) || !store.isFile(at("catalog.jsonld"))) {
        problems.add("catalog.ttl / catalog.jsonld: missing");
        return;
      }
      Graph data = GraphFactory.createDefaultGraph();
      try (InputStream in = store.open(at("catalog.ttl"))) {
        RDFDataMgr.read(data, in, Lang.TURTLE);
      } catch (IOException | RuntimeException e) {
        problems.add("catalog.ttl: not valid Turtle: " + e.getMessage());
        return;
      }
      ValidationReport report = ShaclValidator.get().validate(dcatShapes, data);
      report.getEntries().stream()
          .filter(e -> e.severity() == Severity.Violation)
          .limit(20)
          .forEach(
              e ->
                  problems.add(
                      "catalog.ttl: DCAT-AP 3.0.0 violation at "
                          + e.focusNode()
                          + " "
                          + e.resultPath()
                          + ": "
                          + e.message()));
    }

    private void dataPackage(String name) {
      String relative = "datasets/" + name + "/datapackage.json";
      JsonNode dp = json(relative);
      if (dp == null) {
        problems.add(relative + ": missing");
        return;
      }
      for (ValidationMessage m : dataPackage.validate(dp)) {
        problems.add(relative + ": " + m.getMessage());
      }
      for (JsonNode r : dp.path("resources")) {
        String file = at("datasets/" + name + "/" + r.path("path").asText());
        if (!store.isFile(file)
            || store.size(file) != r.path("bytes").asLong(-1)
            || !("sha256:" + sha256(file)).equals(r.path("hash").asText())) {
          problems.add(
              relative
                  + ": resource "
                  + r.path("name").asText()
                  + " does not match its file (bytes or hash)");
        }
      }
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
                JsonNode s = e.getValue();
                if (s.path("rows_read").asLong()
                    != s.path("rows_accepted").asLong() + s.path("rows_quarantined").asLong()) {
                  problems.add(
                      "run-report.json: "
                          + e.getKey()
                          + ": rows_read != rows_accepted + rows_quarantined");
                }
              });
    }
  }

  private static List<String> iterable(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** The cross-field rules a JSON Schema cannot express (ckan-contract.md §15 D2–D11). */
  static final class PackageRules {
    private PackageRules() {}

    static void check(
        JsonNode pkg,
        String at,
        Set<String> licenses,
        java.util.function.Predicate<String> organizationPublished,
        List<String> problems) {
      String id = pkg.path("id").asText();
      if (!licenses.contains(pkg.path("license_id").asText())) {
        problems.add(
            at + ": license_id '" + pkg.path("license_id").asText() + "' is not in license_list");
      }
      if (!pkg.path("organization").path("id").asText().equals(pkg.path("owner_org").asText())) {
        problems.add(at + ": organization.id differs from owner_org");
      }
      String org = pkg.path("organization").path("name").asText();
      if (!organizationPublished.test(org)) {
        problems.add(at + ": organization " + org + " has no ckan/organizations/" + org + ".json");
      }
      if (pkg.path("num_tags").asInt(-1) != pkg.path("tags").size()) {
        problems.add(at + ": num_tags differs from the number of tags");
      }
      if (pkg.path("num_resources").asInt(-1) != pkg.path("resources").size()) {
        problems.add(at + ": num_resources differs from the number of resources");
      }
      if (pkg.path("metadata_modified").asText().compareTo(pkg.path("metadata_created").asText())
          < 0) {
        problems.add(at + ": metadata_modified is before metadata_created");
      }
      Set<String> tags = new HashSet<>();
      for (JsonNode t : pkg.path("tags")) {
        String name = t.path("name").asText();
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
          problems.add(
              at + ": tag '" + name + "' is not in Unicode NFC (CKAN rejects decomposed marks)");
        }
        if (!tags.add(name)) {
          problems.add(at + ": tag '" + name + "' appears twice");
        }
      }
      Set<String> keys = new HashSet<>();
      pkg.path("extras")
          .forEach(
              e -> {
                if (!keys.add(e.path("key").asText())) {
                  problems.add(at + ": extra key '" + e.path("key").asText() + "' appears twice");
                }
              });
      int position = 0;
      for (JsonNode r : pkg.path("resources")) {
        if (!r.path("package_id").asText().equals(id)) {
          problems.add(
              at
                  + ": resource "
                  + r.path("id").asText()
                  + ": package_id differs from the package id");
        }
        if (r.path("position").asInt(-1) != position++) {
          problems.add(at + ": resource " + r.path("id").asText() + ": position is not its index");
        }
      }
    }
  }
}
