package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * An action's failure as CKAN reports it: the status code and the {@code error} object of the
 * envelope, or (for unknown actions and bad requests) a bare JSON string, not enveloped.
 */
final class ActionError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final int status;
  final transient JsonNode error;
  final boolean enveloped;

  private ActionError(int status, JsonNode error, boolean enveloped) {
    super(error.toString(), null, false, false);
    this.status = status;
    this.error = error;
    this.enveloped = enveloped;
  }

  private static ActionError typed(int status, String type, String message) {
    return new ActionError(
        status, NODES.objectNode().put("__type", type).put("message", message), true);
  }

  static ActionError notFound(String message) {
    return typed(404, "Not Found Error", message == null ? "Not found" : "Not found: " + message);
  }

  static ActionError notAuthorized(String message) {
    return typed(403, "Authorization Error", "Access denied: " + message);
  }

  static ActionError searchQuery(String message) {
    return typed(400, "Search Query Error", message);
  }

  /** CKAN's Validation Error: the field → messages dict itself, plus {@code __type}. */
  static ActionError validation(Map<String, List<String>> fields) {
    ObjectNode error = NODES.objectNode();
    fields.forEach((field, messages) -> messages.forEach(m -> error.withArray(field).add(m)));
    error.put("__type", "Validation Error");
    return new ActionError(409, error, true);
  }

  /** A Validation Error of a dict given whole (CKAN's SQL errors carry an {@code info} dict). */
  static ActionError validation(ObjectNode fields) {
    ObjectNode error = fields.deepCopy();
    error.put("__type", "Validation Error");
    return new ActionError(409, error, true);
  }

  static ActionError validation(String field, String message) {
    return validation(Map.of(field, List.of(message)));
  }

  /** HTTP 400 with a bare JSON string body, as CKAN answers an unknown action or a bad body. */
  static ActionError badRequest(String message) {
    return new ActionError(400, NODES.textNode("Bad request - " + message), false);
  }
}
