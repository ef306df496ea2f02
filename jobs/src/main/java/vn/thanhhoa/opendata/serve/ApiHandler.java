package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /api/action/NAME and /api/3/action/NAME, GET and POST: parameters in, CKAN's envelope ({@code
 * help, success, result | error}) and status codes out. The one place where action errors become
 * HTTP responses.
 */
final class ApiHandler {
  static final Pattern ROUTE = Pattern.compile("^/api(?:/3)?/action/([A-Za-z0-9_]+)/?$");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Actions actions = new Actions();
  private final CurrentRelease current;
  private final String siteUrl;
  private final String siteTitle;

  ApiHandler(CurrentRelease current, String siteUrl, String siteTitle) {
    this.current = current;
    this.siteUrl = siteUrl;
    this.siteTitle = siteTitle;
  }

  void handle(HttpExchange exchange, String name, byte[] body) throws IOException {
    String method = exchange.getRequestMethod();
    ObjectNode envelope = NODES.objectNode();
    envelope.put("help", siteUrl + "/api/3/action/help_show?name=" + name);
    try {
      Actions.Action action = actions.find(name).orElseThrow(() -> unknown(name, method));
      Params params =
          new Params(method.equals("POST") ? postParams(exchange, body) : query(exchange));
      JsonNode result =
          action.run(
              new Actions.Context(
                  current.get(), params, exchange.getRequestURI().getPath(), siteUrl, siteTitle));
      envelope.put("success", true);
      envelope.set("result", result);
      Http.json(exchange, 200, envelope);
    } catch (ActionError e) {
      fail(exchange, envelope, e);
    }
  }

  /** The error in the envelope, or bare when CKAN answers it bare. */
  private static void fail(HttpExchange exchange, ObjectNode envelope, ActionError e)
      throws IOException {
    if (!e.enveloped) {
      Http.json(exchange, e.status, e.error);
      return;
    }
    envelope.put("success", false);
    envelope.set("error", e.error);
    Http.json(exchange, e.status, envelope);
  }

  private static ObjectNode query(HttpExchange exchange) {
    return query(exchange.getRequestURI().getRawQuery());
  }

  private static ActionError unknown(String name, String method) {
    if (Actions.isWrite(name)) {
      return method.equals("POST")
          ? ActionError.notAuthorized("this portal feed is read-only; " + name + " is not allowed")
          : ActionError.badRequest(
              "JSON Error: Invalid request. Please use POST method for your request");
    }
    return ActionError.badRequest("Action name not known: " + name);
  }

  private static ObjectNode postParams(HttpExchange exchange, byte[] body) {
    String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    String text = new String(body, StandardCharsets.UTF_8);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return query(text);
    }
    return text.isBlank() ? NODES.objectNode() : jsonObject(text);
  }

  private static ObjectNode jsonObject(String text) {
    try {
      JsonNode node = FeedSnapshot.JSON.readTree(text);
      if (!node.isObject()) {
        throw ActionError.badRequest(
            "JSON Error: Request data JSON decoded to "
                + node.getNodeType()
                + " but it needs to be a dictionary.");
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw ActionError.badRequest(
          "JSON Error: Could not extract request body data: " + firstLine(e.getMessage()));
    }
  }

  /** Query parameters; a repeated parameter becomes a list. */
  static ObjectNode query(String raw) {
    ObjectNode params = NODES.objectNode();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        add(
            params,
            decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return params;
  }

  private static void add(ObjectNode params, String key, String value) {
    JsonNode existing = params.get(key);
    if (existing == null) {
      params.put(key, value);
    } else if (existing.isArray()) {
      ((ArrayNode) existing).add(value);
    } else {
      params.putArray(key).add(existing.asText()).add(value);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ActionError.badRequest("malformed query parameter");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String action(String path) {
    Matcher m = ROUTE.matcher(path);
    return m.matches() ? m.group(1) : null;
  }
}
