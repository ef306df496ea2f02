package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * package_search's facets: for each {@code facet.field}, how many matching packages have each
 * value, most first, in both of CKAN's forms ({@code facets} and {@code search_facets}).
 */
final class SearchFacets {
  private final FeedSnapshot feed;

  SearchFacets(FeedSnapshot feed) {
    this.feed = feed;
  }

  /** Adds {@code facets} and {@code search_facets} to {@code result}. */
  void add(Params p, List<JsonNode> matches, ObjectNode result) {
    int limit = p.integer("facet.limit", 50, -1, Integer.MAX_VALUE, false);
    int minCount = p.integer("facet.mincount", 1, 0, Integer.MAX_VALUE, false);
    ObjectNode facets = result.putObject("facets");
    ObjectNode searchFacets = result.putObject("search_facets");
    for (String field : p.list("facet.field")) {
      ObjectNode f = facets.putObject(field);
      ArrayNode items = searchFacets.putObject(field).put("title", field).putArray("items");
      for (Map.Entry<String, Integer> e : counts(matches, field, minCount, limit)) {
        f.put(e.getKey(), e.getValue());
        items
            .addObject()
            .put("name", e.getKey())
            .put("display_name", displayName(field, e.getKey()))
            .put("count", e.getValue());
      }
    }
  }

  /** The counts of a field's values, most first, then by value. */
  private static List<Map.Entry<String, Integer>> counts(
      List<JsonNode> matches, String field, int minCount, int limit) {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode pkg : matches) {
      SearchFields.values(pkg, field).stream()
          .distinct()
          .forEach(v -> counts.merge(v, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= minCount)
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit < 0 ? Long.MAX_VALUE : limit)
        .toList();
  }

  private String displayName(String field, String name) {
    return switch (field) {
      case "organization" -> title(feed.organizations.get(name), name);
      case "groups" -> title(feed.groups.get(name), name);
      case "license_id" -> license(name);
      default -> name;
    };
  }

  private String license(String id) {
    for (JsonNode l : feed.licenses) {
      if (l.path("id").asText().equals(id)) {
        return l.path("title").asText();
      }
    }
    return id;
  }

  private static String title(JsonNode node, String fallback) {
    return node == null ? fallback : node.path("title").asText();
  }
}
