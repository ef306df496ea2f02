package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * package_search over a release's packages with the part of Solr's syntax that CKAN's clients and
 * harvesters use: q (diacritics-insensitive words over title, notes, tags), fq clauses {@code
 * field:value}, {@code -field:value}, {@code a OR b}, ranges {@code [A TO B]}; rows, start, sort,
 * facet.field.
 */
final class PackageSearch {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern CLAUSE =
      Pattern.compile(
          "([+-]?)([A-Za-z_.]+):(\"[^\"]*\"|[\\[{][^\\]}]*[\\]}]|\\S+)|\"([^\"]*)\"|(\\S+)");
  private static final String DEFAULT_SORT = "score desc, metadata_modified desc";

  private final FeedSnapshot feed;

  PackageSearch(FeedSnapshot feed) {
    this.feed = feed;
  }

  ObjectNode search(Params p) {
    int rows = p.integer("rows", 10, 0, 1000, true);
    int start = p.integer("start", 0, 0, Integer.MAX_VALUE, false);
    String sort = p.string("sort", DEFAULT_SORT);
    Predicate<JsonNode> filter = query(p.string("q", "*:*"));
    String fq = p.string("fq", "");
    filter = filter.and(filterQuery(fq));
    for (String extra : p.list("fq_list")) {
      filter = filter.and(filterQuery(extra));
    }
    List<JsonNode> matches =
        feed.packagesByName.values().stream().filter(filter).sorted(order(sort)).toList();
    ObjectNode result = NODES.objectNode();
    result.put("count", matches.size());
    ArrayNode results = result.putArray("results");
    matches.stream().skip(start).limit(rows).forEach(results::add);
    facets(p, matches, result);
    result.put("sort", sort);
    return result;
  }

  private Predicate<JsonNode> query(String q) {
    if (q.isBlank() || q.strip().equals("*:*")) {
      return pkg -> true;
    }
    Predicate<JsonNode> all = pkg -> true;
    Matcher m = CLAUSE.matcher(q);
    while (m.find()) {
      if (m.group(2) != null) {
        all = all.and(clause(m.group(1), m.group(2), m.group(3)));
      } else {
        String words = Fold.fold(m.group(4) != null ? m.group(4) : m.group(5));
        all = all.and(pkg -> text(pkg).contains(words));
      }
    }
    return all;
  }

  private static String text(JsonNode pkg) {
    StringBuilder s =
        new StringBuilder(pkg.path("name").asText())
            .append(' ')
            .append(pkg.path("title").asText())
            .append(' ')
            .append(pkg.path("notes").asText());
    pkg.path("tags").forEach(t -> s.append(' ').append(t.path("name").asText()));
    return Fold.fold(s.toString());
  }

  /** fq: clauses ANDed, except runs joined by OR. */
  private Predicate<JsonNode> filterQuery(String fq) {
    Predicate<JsonNode> all = pkg -> true;
    Predicate<JsonNode> run = null;
    boolean or = false;
    Matcher m = CLAUSE.matcher(fq);
    while (m.find()) {
      if (m.group(5) != null && (m.group(5).equals("OR") || m.group(5).equals("AND"))) {
        or = m.group(5).equals("OR");
        continue;
      }
      Predicate<JsonNode> c =
          m.group(2) != null ? clause(m.group(1), m.group(2), m.group(3)) : query(m.group());
      if (run != null && or) {
        run = run.or(c);
      } else {
        if (run != null) {
          all = all.and(run);
        }
        run = c;
      }
      or = false;
    }
    return run == null ? all : all.and(run);
  }

  private Predicate<JsonNode> clause(String sign, String field, String raw) {
    String value = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
    Predicate<JsonNode> test;
    if (value.startsWith("[") || value.startsWith("{")) {
      test = range(field, value);
    } else if (value.startsWith("(") && value.endsWith(")")) {
      test =
          filterQuery(
              field
                  + ":"
                  + value.substring(1, value.length() - 1).replace(" OR ", " OR " + field + ":"));
    } else {
      test = pkg -> values(pkg, field).stream().anyMatch(v -> value.equals("*") || v.equals(value));
    }
    return "-".equals(sign) ? test.negate() : test;
  }

  /** The values a package has for a search field, as Solr indexes them in CKAN. */
  private static List<String> values(JsonNode pkg, String field) {
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
      default -> {
        if (field.startsWith("extras_")) {
          pkg.path("extras")
              .forEach(
                  e -> {
                    if (e.path("key").asText().equals(field.substring(7))) {
                      out.add(e.path("value").asText());
                    }
                  });
        } else if (pkg.has(field) && pkg.get(field).isValueNode()) {
          out.add(pkg.get(field).asText());
        }
      }
    }
    return out;
  }

  private static Predicate<JsonNode> range(String field, String value) {
    boolean lowerIncl = value.startsWith("[");
    boolean upperIncl = value.endsWith("]");
    String[] parts = value.substring(1, value.length() - 1).split("\\s+TO\\s+");
    if (parts.length != 2) {
      throw ActionError.searchQuery("Cannot parse range " + value);
    }
    if (field.equals("metadata_modified") || field.equals("metadata_created")) {
      Instant low = instant(parts[0]);
      Instant high = instant(parts[1]);
      return pkg -> {
        Instant at = LocalDateTime.parse(pkg.path(field).asText()).toInstant(ZoneOffset.UTC);
        return (low == null || (lowerIncl ? !at.isBefore(low) : at.isAfter(low)))
            && (high == null || (upperIncl ? !at.isAfter(high) : at.isBefore(high)));
      };
    }
    return pkg ->
        values(pkg, field).stream()
            .anyMatch(
                v ->
                    (parts[0].equals("*") || v.compareTo(parts[0]) >= 0)
                        && (parts[1].equals("*") || v.compareTo(parts[1]) <= 0));
  }

  private static Instant instant(String text) {
    String t = text.strip();
    if (t.equals("*")) {
      return null;
    }
    if (t.startsWith("NOW")) {
      return Instant.now();
    }
    try {
      return t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")
          ? OffsetDateTime.parse(t).toInstant()
          : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ActionError.searchQuery("Cannot parse date " + text);
    }
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
      Comparator<JsonNode> c = Comparator.comparing((JsonNode pkg) -> pkg.path(field).asText());
      if (pkg0IsNumber(field)) {
        c = Comparator.comparingLong((JsonNode pkg) -> pkg.path(field).asLong());
      }
      order = order.thenComparing(desc ? c.reversed() : c);
    }
    return order.thenComparing(pkg -> pkg.path("name").asText());
  }

  private static boolean pkg0IsNumber(String field) {
    return field.equals("num_resources") || field.equals("num_tags");
  }

  private void facets(Params p, List<JsonNode> matches, ObjectNode result) {
    int limit = p.integer("facet.limit", 50, -1, Integer.MAX_VALUE, false);
    int minCount = p.integer("facet.mincount", 1, 0, Integer.MAX_VALUE, false);
    ObjectNode facets = result.putObject("facets");
    ObjectNode searchFacets = result.putObject("search_facets");
    for (String field : p.list("facet.field")) {
      Map<String, Integer> counts = new TreeMap<>();
      matches.forEach(
          pkg ->
              values(pkg, field).stream()
                  .distinct()
                  .forEach(v -> counts.merge(v, 1, Integer::sum)));
      List<Map.Entry<String, Integer>> items =
          counts.entrySet().stream()
              .filter(e -> e.getValue() >= minCount)
              .sorted(
                  Map.Entry.<String, Integer>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(limit < 0 ? Long.MAX_VALUE : limit)
              .toList();
      ObjectNode f = facets.putObject(field);
      ObjectNode sf = searchFacets.putObject(field).put("title", field);
      ArrayNode list = sf.putArray("items");
      Map<String, Integer> ordered = new LinkedHashMap<>();
      items.forEach(e -> ordered.put(e.getKey(), e.getValue()));
      ordered.forEach(
          (name, count) -> {
            f.put(name, count);
            list.addObject()
                .put("name", name)
                .put("display_name", displayName(field, name))
                .put("count", count);
          });
    }
  }

  private String displayName(String field, String name) {
    return switch (field) {
      case "organization" ->
          feed.organizations.containsKey(name)
              ? feed.organizations.get(name).path("title").asText()
              : name;
      case "groups" ->
          feed.groups.containsKey(name) ? feed.groups.get(name).path("title").asText() : name;
      case "license_id" -> {
        for (JsonNode l : feed.licenses) {
          if (l.path("id").asText().equals(name)) {
            yield l.path("title").asText();
          }
        }
        yield name;
      }
      default -> name;
    };
  }
}
