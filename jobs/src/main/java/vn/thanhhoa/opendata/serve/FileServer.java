package vn.thanhhoa.opendata.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

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
          "application/ld+json; charset=utf-8");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private final Map<Path, String> etags = new ConcurrentHashMap<>();

  /** The file a request path names inside {@code release}, or null if it names nothing servable. */
  static Path resolve(Path release, String path) throws IOException {
    if (path.contains("\\") || path.contains("\0") || path.contains("//")) {
      return null;
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return null;
      }
    }
    String relative = path.substring(1);
    boolean catalog = relative.equals("catalog.ttl") || relative.equals("catalog.jsonld");
    if (!catalog && !relative.startsWith("datasets/")) {
      return null;
    }
    Path file = release.resolve(relative).normalize();
    if (!file.startsWith(release) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path real = file.toRealPath();
    return real.startsWith(release.toRealPath()) ? real : null;
  }

  void serve(HttpExchange exchange, Path file) throws IOException {
    String name = file.getFileName().toString();
    String type =
        TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    long size = Files.size(file);
    Instant modified = Files.getLastModifiedTime(file).toInstant();
    String etag = "\"" + etags.computeIfAbsent(file, FileServer::hash) + "\"";
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("ETag", etag);
    h.set("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
    h.set("Accept-Ranges", "bytes");
    h.set("Cache-Control", "public, max-age=60");
    var req = exchange.getRequestHeaders();
    if (etag.equals(req.getFirst("If-None-Match"))
        || notModifiedSince(req.getFirst("If-Modified-Since"), modified)) {
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    String range = req.getFirst("Range");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (range != null) {
      range(exchange, file, size, range, head);
      return;
    }
    String encodings = String.valueOf(req.getFirst("Accept-Encoding"));
    if (type.startsWith("text/")
        || type.startsWith("application/json")
        || type.startsWith("application/ld+json")) {
      h.set("Vary", "Accept-Encoding");
      if (encodings.contains("gzip") && size > 1024) {
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
        return;
      }
    }
    h.set("Content-Length", String.valueOf(size));
    exchange.sendResponseHeaders(200, head ? -1 : size);
    copy(exchange, file, 0, size, head);
  }

  private static void range(
      HttpExchange exchange, Path file, long size, String header, boolean head) throws IOException {
    Matcher m = RANGE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      exchange.getResponseHeaders().set("Content-Length", String.valueOf(size));
      exchange.sendResponseHeaders(
          200, head ? -1 : size); // unsupported (e.g. several ranges): the whole file
      copy(exchange, file, 0, size, head);
      return;
    }
    long start;
    long end;
    if (m.group(1).isEmpty()) {
      start = Math.max(0, size - Long.parseLong(m.group(2)));
      end = size - 1;
    } else {
      start = Long.parseLong(m.group(1));
      end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
    }
    if (start >= size || start > end) {
      exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
      exchange.sendResponseHeaders(416, -1);
      exchange.close();
      return;
    }
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
        long left = length;
        byte[] buffer = new byte[64 * 1024];
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            break;
          }
          out.write(buffer, 0, n);
          left -= n;
        }
      }
    }
    exchange.close();
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
      return vn.thanhhoa.opendata.core.Sha256.of(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
