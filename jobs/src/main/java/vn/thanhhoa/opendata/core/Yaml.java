package vn.thanhhoa.opendata.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Strict YAML reading for conf/ and schemas/: unknown keys and wrong types are errors. */
public final class Yaml {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(new YAMLFactory())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private Yaml() {}

  /** Reads {@code file} as {@code type}; any problem becomes a one-line {@link ConfigException}. */
  public static <T> T read(Path file, Class<T> type) {
    try {
      T value = MAPPER.readValue(Files.readAllBytes(file), type);
      if (value == null) {
        throw new ConfigException(file + ": the file is empty");
      }
      return value;
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": file not found");
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + problem(e));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * A parse or mapping error on one line: a syntax error by line and column (counted from 1, as an
   * editor shows them), e.g. {@code line 3, column 1: not valid YAML: while scanning for the next
   * token: found character …}; a mapping error by its key path.
   */
  private static String problem(JsonProcessingException e) {
    MarkedYAMLException syntax = syntaxError(e);
    if (syntax != null) {
      String context =
          syntax.getContext() == null
              ? ""
              : syntax.getContext()
                  + (syntax.getContextMark() == null
                      ? ""
                      : " started at " + at(syntax.getContextMark()))
                  + ": ";
      return at(syntax.getProblemMark())
          + ": not valid YAML: "
          + context
          + firstLine(syntax.getProblem());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return keyPath(u) + ": unknown key";
    }
    if (e instanceof JsonMappingException m) {
      return keyPath(m) + ": " + firstLine(m.getOriginalMessage());
    }
    JsonLocation where = e.getLocation();
    String at =
        where == null || where.getLineNr() < 1
            ? ""
            : at(where.getLineNr(), where.getColumnNr()) + ": ";
    return at + "not valid YAML: " + firstLine(e.getOriginalMessage());
  }

  /**
   * SnakeYAML's error behind {@code e}, also when databind wrapped it in a mapping error (a syntax
   * error below the top level), or null. Its marks are used because Jackson's location is that of
   * the last good token, often a line too early.
   */
  private static MarkedYAMLException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
        return y;
      }
    }
    return null;
  }

  private static String at(Mark mark) {
    return at(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String at(int line, int column) {
    return "line " + line + ", column " + column;
  }

  /**
   * The dotted key path of a mapping error, e.g. {@code spark.shuffle_partitions} or {@code
   * columns[3].type}.
   */
  static String keyPath(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "(top level)" : path;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
