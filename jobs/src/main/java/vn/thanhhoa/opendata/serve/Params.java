package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An action's parameters: a JSON object from a POST body, or GET query parameters (a repeated
 * parameter becomes a list; structured values arrive as JSON strings, as in CKAN).
 */
final class Params {
  private final ObjectNode values;

  Params(ObjectNode values) {
    this.values = values;
  }

  boolean has(String name) {
    return values.hasNonNull(name);
  }

  String string(String name, String fallback) {
    JsonNode v = values.get(name);
    return v == null || v.isNull() ? fallback : v.isTextual() ? v.asText() : v.toString();
  }

  /** A whole number in [min, max]; above max it is capped when {@code cap}, as CKAN caps rows. */
  int integer(String name, int fallback, int min, int max, boolean cap) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return fallback;
    }
    long n = whole(name, v);
    if (n < min) {
      throw ActionError.validation(
          name, min == 0 ? "Must be a natural number" : "Must be a positive integer");
    }
    if (n > max && !cap) {
      throw ActionError.validation(name, "Must be at most " + max);
    }
    return (int) Math.min(n, max);
  }

  private static long whole(String name, JsonNode v) {
    try {
      return v.isNumber() ? v.asLong() : Long.parseLong(v.asText().strip());
    } catch (NumberFormatException e) {
      throw ActionError.validation(name, "Invalid integer");
    }
  }

  boolean bool(String name, boolean fallback) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      return fallback;
    }
    String s = v.asText().strip().toLowerCase(Locale.ROOT);
    return v.isBoolean() ? v.asBoolean() : List.of("true", "yes", "t", "y", "1").contains(s);
  }

  /**
   * A list given as a JSON array, a JSON string of an array, repeated parameters, or a comma
   * string.
   */
  List<String> list(String name) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      return new ArrayList<>();
    }
    if (v.isTextual() && v.asText().strip().startsWith("[")) {
      v = json(name, v.asText());
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(x -> out.add(x.isTextual() ? x.asText() : x.toString()));
    } else {
      Arrays.stream(v.asText().split(","))
          .filter(p -> !p.isBlank())
          .forEach(p -> out.add(p.strip()));
    }
    return out;
  }

  /** An object given as JSON or as a JSON string (e.g. {@code filters}). */
  JsonNode object(String name) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      String text = v.asText().strip();
      v = text.startsWith("{") ? json(name, text) : v;
    }
    return v;
  }

  private static JsonNode json(String name, String text) {
    try {
      return FeedSnapshot.JSON.readTree(text);
    } catch (IOException e) {
      throw ActionError.validation(name, "Cannot parse JSON");
    }
  }
}
