package vn.thanhhoa.opendata.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import vn.thanhhoa.opendata.testing.Folders;
import vn.thanhhoa.opendata.testing.SampleRuns;

/** A running server over a copy of the sample output, and an HTTP client for it. */
final class ServeFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final Path output;
  final FeedServer server;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  ServeFixture(Path tmp) throws IOException {
    output = tmp.resolve("output");
    Folders.copy(SampleRuns.output(2), output);
    server =
        new FeedServer(
            output.resolve("current"), "127.0.0.1", 0, "http://127.0.0.1:5000", "Cổng dữ liệu mở");
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpResponse<byte[]> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** GET an action; returns the parsed body. */
  JsonNode action(String name, String... params) throws IOException, InterruptedException {
    return JSON.readTree(get("/api/3/action/" + name + query(params)).body());
  }

  JsonNode result(String name, String... params) throws IOException, InterruptedException {
    JsonNode body = action(name, params);
    if (!body.path("success").asBoolean()) {
      throw new AssertionError(name + " failed: " + body);
    }
    return body.get("result");
  }

  static String query(String... params) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      q.append(i == 0 ? "?" : "&")
          .append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  @Override
  public void close() {
    server.close();
  }
}
