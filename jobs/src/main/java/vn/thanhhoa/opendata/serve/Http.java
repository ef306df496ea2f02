package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing responses: JSON, HTML and plain errors, with CORS on everything. */
final class Http {
  private static final String JSON_TYPE = "application/json;charset=utf-8";
  private static final String TEXT_TYPE = "text/plain; charset=utf-8";
  static final int MAX_BODY = 1 << 20;

  private Http() {}

  static void cors(HttpExchange exchange) {
    var h = exchange.getResponseHeaders();
    h.set("Access-Control-Allow-Origin", "*");
    h.set("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
    h.set(
        "Access-Control-Allow-Headers",
        "Content-Type, Authorization, X-CKAN-API-Key, Range, If-None-Match");
    h.set(
        "Access-Control-Expose-Headers",
        "Content-Length, Content-Range, ETag, Last-Modified, Accept-Ranges");
  }

  static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    send(exchange, status, JSON_TYPE, FeedSnapshot.JSON.writeValueAsBytes(body));
  }

  static void html(HttpExchange exchange, int status, String page) throws IOException {
    send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  static void text(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, TEXT_TYPE, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  /**
   * The request body, at most {@link #MAX_BODY} bytes; null when it is larger. The rest of a larger
   * body is read and dropped (up to a bound) so the client gets its 413 cleanly; memory never holds
   * more than {@link #MAX_BODY}.
   */
  static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length <= MAX_BODY) {
        return body;
      }
      byte[] drop = new byte[64 * 1024];
      long left = 64L * MAX_BODY;
      for (int n; left > 0 && (n = in.read(drop, 0, (int) Math.min(drop.length, left))) >= 0; ) {
        left -= n;
      }
      return null;
    }
  }
}
