package vn.thanhhoa.opendata.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import vn.thanhhoa.opendata.core.Sha256;

/**
 * The release's files at the URLs its resources name ({@code /datasets/<name>/<file>}) and the DCAT
 * catalogue: Content-Type, Content-Length, ETag, Last-Modified, single byte ranges, gzip for text.
 * Nothing outside the release's dataset files can be reached.
 */
final class FileServer {
  private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");
  private static final Map<String, String> TYPES =
      Map.of(
          "csv",
          "text/csv; charset=utf-8",
          "json",
          "application/json; charset=utf-8",
          "parquet",
          "application/vnd.apache.parquet",
          "ttl",
          "text/turtle; charset=utf-8",
          "jsonld",
          "application/ld+json; charset=utf-8",
          "xlsx",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "html",
          "text/html; charset=utf-8",
          "css",
          "text/css; charset=utf-8");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private final Map<Path, String> etags = new ConcurrentHashMap<>();

  /** The file a request path names inside {@code release}, or null if it names nothing servable. */
  static Path resolve(Path release, String path) throws IOException {
    if (!plain(path)) {
      return null;
    }
    String relative = path.equals("/site/") ? "site/index.html" : path.substring(1);
    boolean catalog = relative.equals("catalog.ttl") || relative.equals("catalog.jsonld");
    if (!catalog && !relative.startsWith("datasets/") && !relative.startsWith("site/")) {
      return null;
    }
    Path file = release.resolve(relative).normalize();
    if (!file.startsWith(release) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path real = file.toRealPath();
    return real.startsWith(release.toRealPath()) ? real : null;
  }

  /** No backslash, NUL, empty segment, {@code .} or {@code ..}: a path that cannot climb out. */
  private static boolean plain(String path) {
    if (path.contains("\\") || path.contains("\0") || path.contains("//")) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Serves {@code file}; its ETag is the SHA-256 the release publishes for it, else the hash of its
   * bytes, computed once (hashing a dataset's file on its first request held every concurrent
   * request for it, ranged ones too, until the whole file was read).
   */
  void serve(HttpExchange exchange, Path file, Optional<String> published) throws IOException {
    String type = type(file);
    long size = Files.size(file);
    Instant modified = Files.getLastModifiedTime(file).toInstant();
    String etag =
        "\"" + published.orElseGet(() -> etags.computeIfAbsent(file, FileServer::hash)) + "\"";
    headers(exchange, type, etag, modified);
    Headers request = exchange.getRequestHeaders();
    if (notModified(request, etag, modified)) {
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    String range = request.getFirst("Range");
    if (range != null) {
      range(exchange, file, size, range, head);
    } else if (compressible(type)) {
      exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
      if (String.valueOf(request.getFirst("Accept-Encoding")).contains("gzip") && size > 1024) {
        gzip(exchange, file, etag, head);
      } else {
        whole(exchange, file, size, head);
      }
    } else {
      whole(exchange, file, size, head);
    }
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    return TYPES.getOrDefault(
        name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
  }

  private static void headers(HttpExchange exchange, String type, String etag, Instant modified) {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("ETag", etag);
    h.set("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
    h.set("Accept-Ranges", "bytes");
    h.set("Cache-Control", "public, max-age=60");
  }

  private static boolean compressible(String type) {
    return type.startsWith("text/")
        || type.startsWith("application/json")
        || type.startsWith("application/ld+json");
  }

  /** The file gzipped on the fly, without Content-Length; its ETag differs from the plain one. */
  private static void gzip(HttpExchange exchange, Path file, String etag, boolean head)
      throws IOException {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Encoding", "gzip");
    h.set("ETag", etag.substring(0, etag.length() - 1) + "-gzip\"");
    exchange.sendResponseHeaders(200, head ? -1 : 0);
    if (!head) {
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
        in.transferTo(out);
      }
    }
    exchange.close();
  }

  private static void whole(HttpExchange exchange, Path file, long size, boolean head)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Length", String.valueOf(size));
    exchange.sendResponseHeaders(200, head ? -1 : size);
    copy(exchange, file, 0, size, head);
  }

  private static void range(
      HttpExchange exchange, Path file, long size, String header, boolean head) throws IOException {
    Matcher m = RANGE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      whole(exchange, file, size, head); // unsupported (e.g. several ranges): the whole file
      return;
    }
    long start =
        m.group(1).isEmpty()
            ? Math.max(0, size - Long.parseLong(m.group(2)))
            : Long.parseLong(m.group(1));
    long end =
        m.group(1).isEmpty() || m.group(2).isEmpty()
            ? size - 1
            : Math.min(Long.parseLong(m.group(2)), size - 1);
    if (start >= size || start > end) {
      exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
      exchange.sendResponseHeaders(416, -1);
      exchange.close();
      return;
    }
    part(exchange, file, start, end, size, head);
  }

  private static void part(
      HttpExchange exchange, Path file, long start, long end, long size, boolean head)
      throws IOException {
    long length = end - start + 1;
    exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
    exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
    exchange.sendResponseHeaders(206, head ? -1 : length);
    copy(exchange, file, start, length, head);
  }

  private static void copy(HttpExchange exchange, Path file, long start, long length, boolean head)
      throws IOException {
    if (!head) {
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = exchange.getResponseBody()) {
        in.skipNBytes(start);
        transfer(in, out, length);
      }
    }
    exchange.close();
  }

  /** Copies {@code length} bytes, or fewer if the stream ends first. */
  private static void transfer(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = length;
    for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static boolean notModified(Headers request, String etag, Instant modified) {
    return etag.equals(request.getFirst("If-None-Match"))
        || notModifiedSince(request.getFirst("If-Modified-Since"), modified);
  }

  private static boolean notModifiedSince(String header, Instant modified) {
    if (header == null) {
      return false;
    }
    try {
      return !modified.isAfter(
          ZonedDateTime.parse(header, HTTP_DATE).toInstant().plusSeconds(1).minusNanos(1));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String hash(Path file) {
    try {
      return Sha256.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
