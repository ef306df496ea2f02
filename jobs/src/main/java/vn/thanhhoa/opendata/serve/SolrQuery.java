package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Solr's query syntax that CKAN's clients and harvesters use, as package predicates: q
 * (diacritics-insensitive words over title, notes, tags), fq clauses {@code field:value}, {@code
 * -field:value}, {@code a OR b}, ranges {@code [A TO B]}.
 */
final class SolrQuery {
  private static final Pattern CLAUSE =
      Pattern.compile(
          "([+-]?)([A-Za-z_.]+):(\"[^\"]*\"|[\\[{][^\\]}]*[\\]}]|\\S+)|\"([^\"]*)\"|(\\S+)");

  private SolrQuery() {}

  /** q: clauses and words, all ANDed; {@code *:*} or nothing matches every package. */
  static Predicate<JsonNode> query(String q) {
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
        all = all.and(pkg -> SearchFields.text(pkg).contains(words));
      }
    }
    return all;
  }

  /** fq: clauses ANDed, except runs joined by OR. */
  static Predicate<JsonNode> filterQuery(String fq) {
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
        all = run == null ? all : all.and(run);
        run = c;
      }
      or = false;
    }
    return run == null ? all : all.and(run);
  }

  private static Predicate<JsonNode> clause(String sign, String field, String raw) {
    String value = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
    Predicate<JsonNode> test;
    if (value.startsWith("[") || value.startsWith("{")) {
      test = range(field, value);
    } else if (value.startsWith("(") && value.endsWith(")")) {
      String inner = value.substring(1, value.length() - 1);
      test = filterQuery(field + ":" + inner.replace(" OR ", " OR " + field + ":"));
    } else {
      test =
          pkg ->
              SearchFields.values(pkg, field).stream()
                  .anyMatch(v -> value.equals("*") || v.equals(value));
    }
    return "-".equals(sign) ? test.negate() : test;
  }

  private static Predicate<JsonNode> range(String field, String value) {
    boolean lowerIncl = value.startsWith("[");
    boolean upperIncl = value.endsWith("]");
    String[] parts = value.substring(1, value.length() - 1).split("\\s+TO\\s+");
    if (parts.length != 2) {
      throw ActionError.searchQuery("Cannot parse range " + value);
    }
    if (field.equals("metadata_modified") || field.equals("metadata_created")) {
      return timeRange(field, instant(parts[0]), lowerIncl, instant(parts[1]), upperIncl);
    }
    return pkg ->
        SearchFields.values(pkg, field).stream()
            .anyMatch(
                v ->
                    (parts[0].equals("*") || v.compareTo(parts[0]) >= 0)
                        && (parts[1].equals("*") || v.compareTo(parts[1]) <= 0));
  }

  private static Predicate<JsonNode> timeRange(
      String field, Instant low, boolean lowerIncl, Instant high, boolean upperIncl) {
    return pkg -> {
      Instant at = LocalDateTime.parse(pkg.path(field).asText()).toInstant(ZoneOffset.UTC);
      return (low == null || (lowerIncl ? !at.isBefore(low) : at.isAfter(low)))
          && (high == null || (upperIncl ? !at.isAfter(high) : at.isBefore(high)));
    };
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
}
