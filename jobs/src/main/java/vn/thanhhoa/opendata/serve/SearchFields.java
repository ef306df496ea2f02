package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The fields package_search filters and facets on, as Solr indexes them in CKAN. */
final class SearchFields {
  private static final String EXTRAS = "extras_";

  private SearchFields() {}

  /** The values a package has for a search field. */
  static List<String> values(JsonNode pkg, String field) {
    List<String> out = new ArrayList<>();
    switch (field) {
      case "organization" -> out.add(pkg.path("organization").path("name").asText());
      case "owner_org" -> out.add(pkg.path("owner_org").asText());
      case "groups" -> pkg.path("groups").forEach(g -> out.add(g.path("name").asText()));
      case "tags" -> pkg.path("tags").forEach(t -> out.add(t.path("name").asText()));
      case "res_format" -> pkg.path("resources").forEach(r -> out.add(r.path("format").asText()));
      case "dataset_type", "type" -> out.add(pkg.path("type").asText());
      case "capacity" -> out.add(pkg.path("private").asBoolean() ? "private" : "public");
      case "site_id" -> out.add("*");
      default -> other(pkg, field, out);
    }
    return out;
  }

  /** An extra ({@code extras_<key>}) or a top-level value of the package. */
  private static void other(JsonNode pkg, String field, List<String> out) {
    if (field.startsWith(EXTRAS)) {
      String key = field.substring(EXTRAS.length());
      for (JsonNode e : pkg.path("extras")) {
        if (e.path("key").asText().equals(key)) {
          out.add(e.path("value").asText());
        }
      }
    } else if (pkg.has(field) && pkg.get(field).isValueNode()) {
      out.add(pkg.get(field).asText());
    }
  }

  /** The text q searches: name, title, notes and tags, folded. */
  static String text(JsonNode pkg) {
    StringBuilder s =
        new StringBuilder(pkg.path("name").asText())
            .append(' ')
            .append(pkg.path("title").asText())
            .append(' ')
            .append(pkg.path("notes").asText());
    pkg.path("tags").forEach(t -> s.append(' ').append(t.path("name").asText()));
    return Fold.fold(s.toString());
  }
}
