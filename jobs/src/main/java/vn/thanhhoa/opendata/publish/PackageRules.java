package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The cross-field rules a JSON Schema cannot express (ckan-contract.md §15 D2–D11). */
final class PackageRules {
  private final JsonNode pkg;
  private final String at;
  private final List<String> problems;

  private PackageRules(JsonNode pkg, String at, List<String> problems) {
    this.pkg = pkg;
    this.at = at;
    this.problems = problems;
  }

  /** Adds the problems of package {@code pkg}, read from file {@code at}, to {@code problems}. */
  static void check(
      JsonNode pkg,
      String at,
      Set<String> licenses,
      Predicate<String> organizationPublished,
      List<String> problems) {
    PackageRules rules = new PackageRules(pkg, at, problems);
    rules.license(licenses);
    rules.organization(organizationPublished);
    rules.counts();
    rules.tags();
    rules.extras();
    rules.resources();
  }

  private void problem(String message) {
    problems.add(at + ": " + message);
  }

  private String text(String field) {
    return pkg.path(field).asText();
  }

  private void license(Set<String> licenses) {
    if (!licenses.contains(text("license_id"))) {
      problem("license_id '" + text("license_id") + "' is not in license_list");
    }
  }

  private void organization(Predicate<String> published) {
    if (!pkg.path("organization").path("id").asText().equals(text("owner_org"))) {
      problem("organization.id differs from owner_org");
    }
    String org = pkg.path("organization").path("name").asText();
    if (!published.test(org)) {
      problem("organization " + org + " has no ckan/organizations/" + org + ".json");
    }
  }

  private void counts() {
    if (pkg.path("num_tags").asInt(-1) != pkg.path("tags").size()) {
      problem("num_tags differs from the number of tags");
    }
    if (pkg.path("num_resources").asInt(-1) != pkg.path("resources").size()) {
      problem("num_resources differs from the number of resources");
    }
    if (text("metadata_modified").compareTo(text("metadata_created")) < 0) {
      problem("metadata_modified is before metadata_created");
    }
  }

  private void tags() {
    Set<String> tags = new HashSet<>();
    for (JsonNode t : pkg.path("tags")) {
      String name = t.path("name").asText();
      if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
        problem("tag '" + name + "' is not in Unicode NFC (CKAN rejects decomposed marks)");
      }
      if (!tags.add(name)) {
        problem("tag '" + name + "' appears twice");
      }
    }
  }

  private void extras() {
    Set<String> keys = new HashSet<>();
    for (JsonNode e : pkg.path("extras")) {
      if (!keys.add(e.path("key").asText())) {
        problem("extra key '" + e.path("key").asText() + "' appears twice");
      }
    }
  }

  private void resources() {
    int position = 0;
    for (JsonNode r : pkg.path("resources")) {
      String resource = "resource " + r.path("id").asText();
      if (!r.path("package_id").asText().equals(text("id"))) {
        problem(resource + ": package_id differs from the package id");
      }
      if (r.path("position").asInt(-1) != position++) {
        problem(resource + ": position is not its index");
      }
    }
  }
}
