package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * package_search over a release's packages with the part of Solr's syntax that CKAN's clients and
 * harvesters use ({@link SolrQuery}); rows, start, sort, facet.field ({@link SearchFacets}).
 */
final class PackageSearch {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String DEFAULT_SORT = "score desc, metadata_modified desc";

  private final FeedSnapshot feed;

  PackageSearch(FeedSnapshot feed) {
    this.feed = feed;
  }

  ObjectNode search(Params p) {
    int rows = p.integer("rows", 10, 0, 1000, true);
    int start = p.integer("start", 0, 0, Integer.MAX_VALUE, false);
    String sort = p.string("sort", DEFAULT_SORT);
    List<JsonNode> matches =
        feed.packagesByName.values().stream().filter(filter(p)).sorted(order(sort)).toList();
    ObjectNode result = NODES.objectNode();
    result.put("count", matches.size());
    ArrayNode results = result.putArray("results");
    matches.stream().skip(start).limit(rows).forEach(results::add);
    new SearchFacets(feed).add(p, matches, result);
    result.put("sort", sort);
    return result;
  }

  /** q, fq and every fq_list clause, ANDed. */
  private static Predicate<JsonNode> filter(Params p) {
    Predicate<JsonNode> filter = SolrQuery.query(p.string("q", "*:*"));
    filter = filter.and(SolrQuery.filterQuery(p.string("fq", "")));
    for (String extra : p.list("fq_list")) {
      filter = filter.and(SolrQuery.filterQuery(extra));
    }
    return filter;
  }

  private static Comparator<JsonNode> order(String sort) {
    Comparator<JsonNode> order = (a, b) -> 0;
    for (String part : sort.split(",")) {
      String[] words = part.strip().split("\\s+");
      String field = words[0].equals("title_string") ? "title" : words[0];
      if (field.isEmpty() || field.equals("score")) {
        continue;
      }
      boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
      Comparator<JsonNode> c = by(field);
      order = order.thenComparing(desc ? c.reversed() : c);
    }
    return order.thenComparing(pkg -> pkg.path("name").asText());
  }

  private static Comparator<JsonNode> by(String field) {
    if (field.equals("num_resources") || field.equals("num_tags")) {
      return Comparator.comparingLong((JsonNode pkg) -> pkg.path(field).asLong());
    }
    return Comparator.comparing((JsonNode pkg) -> pkg.path(field).asText());
  }
}
