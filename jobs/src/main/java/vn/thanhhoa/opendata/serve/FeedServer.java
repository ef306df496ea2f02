package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The read-only CKAN site over {@code <output>/current}: the Action API, the files, the DCAT
 * catalogue and a page for people. Built on {@link HttpFront} (no HTTP parsing here, no Spark);
 * every request works on one release snapshot.
 */
public final class FeedServer implements AutoCloseable {
  private final HttpFront server;
  private final CurrentRelease current;
  private final ApiHandler api;
  private final FileServer files = new FileServer();
  private final String siteTitle;

  public FeedServer(Path currentLink, String bind, int port, String siteUrl, String siteTitle) {
    this(currentLink, bind, port, siteUrl, siteTitle, HttpFront.Limits.standard());
  }

  FeedServer(
      Path currentLink,
      String bind,
      int port,
      String siteUrl,
      String siteTitle,
      HttpFront.Limits limits) {
    this.current = new CurrentRelease(currentLink);
    this.siteTitle = siteTitle;
    this.api = new ApiHandler(current, siteUrl, siteTitle);
    this.server = new HttpFront(bind, port, limits, this::handle);
  }

  public void start() {
    current.get();
    server.start();
  }

  public int port() {
    return server.port();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      Http.cors(exchange);
      route(exchange);
    } catch (ActionError e) {
      Http.json(exchange, e.status, e.error);
    } catch (RuntimeException | IOException e) {
      log(exchange, e);
      internalError(exchange);
    }
  }

  /** The request log line of a request that failed. */
  private static void log(HttpExchange exchange, Exception e) {
    System.err.println(
        "serve: "
            + exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI().getRawPath()
            + " failed: "
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage());
  }

  private static void internalError(HttpExchange exchange) {
    try {
      Http.text(exchange, 500, "Internal Server Error");
    } catch (IOException | RuntimeException ignored) {
      exchange.close(); // the client has gone or the response had started
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String action = ApiHandler.action(path);
    if (method.equals("OPTIONS")) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    } else if (action != null) {
      api(exchange, method, action);
    } else if (!method.equals("GET") && !method.equals("HEAD")) {
      Http.text(exchange, 405, "Method Not Allowed: the feed is read-only");
    } else {
      site(exchange, path);
    }
  }

  private void api(HttpExchange exchange, String method, String action) throws IOException {
    if (!method.equals("GET") && !method.equals("POST")) {
      Http.text(exchange, 405, "Method Not Allowed");
      return;
    }
    byte[] body = Http.body(exchange);
    if (body == null) {
      Http.json(
          exchange,
          413,
          FeedSnapshot.JSON.getNodeFactory().textNode("Bad request - request body too large"));
      return;
    }
    api.handle(exchange, action, body);
  }

  /** The pages, the dataset files and the catalogue. */
  private void site(HttpExchange exchange, String path) throws IOException {
    FeedSnapshot feed = current.get();
    Optional<JsonNode> dataset =
        path.startsWith("/dataset/") ? feed.dataset(path.substring(9)) : Optional.empty();
    if (path.equals("/") || path.equals("/index.html")) {
      Http.html(exchange, 200, Pages.home(feed, siteTitle));
    } else if (dataset.isPresent()) {
      Http.html(exchange, 200, Pages.dataset(dataset.get(), siteTitle, feed.id));
    } else {
      Path file = FileServer.resolve(feed.release, path);
      if (file == null) {
        Http.text(exchange, 404, "Not Found");
      } else {
        files.serve(exchange, file, feed.publishedHash(file));
      }
    }
  }

  @Override
  public void close() {
    server.close();
    current.close();
  }
}
