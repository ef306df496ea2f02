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
      return notEmpty(file, MAPPER.readValue(Files.readAllBytes(file), type));
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": file not found");
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + problem(e));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static <T> T notEmpty(Path file, T value) {
    if (value == null) {
      throw new ConfigException(file + ": the file is empty");
    }
    return value;
  }

  /**
   * A parse or mapping error on one line: a syntax error by line and column (counted from 1, as an
   * editor shows them), e.g. {@code line 3, column 1: not valid YAML: while scanning for the next
   * token: found character …}; a mapping error by its key path.
   */
  private static String problem(JsonProcessingException e) {
    MarkedYAMLException syntax = syntaxError(e);
    if (syntax != null) {
      return syntaxProblem(syntax);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return keyPath(u) + ": unknown key";
    }
    if (e instanceof JsonMappingException m) {
      return keyPath(m) + ": " + firstLine(m.getOriginalMessage());
    }
    return prefix(e.getLocation()) + "not valid YAML: " + firstLine(e.getOriginalMessage());
  }

  private static String syntaxProblem(MarkedYAMLException syntax) {
    return at(syntax.getProblemMark())
        + ": not valid YAML: "
        + context(syntax)
        + firstLine(syntax.getProblem());
  }

  /** What the parser was reading when it failed, e.g. {@code while scanning a block scalar}. */
  private static String context(MarkedYAMLException syntax) {
    if (syntax.getContext() == null) {
      return "";
    }
    Mark mark = syntax.getContextMark();
    return syntax.getContext() + (mark == null ? "" : " started at " + at(mark)) + ": ";
  }

  /** {@code line L, column C: } of Jackson's location, or nothing when it has none. */
  private static String prefix(JsonLocation where) {
    if (where == null || where.getLineNr() < 1) {
      return "";
    }
    return at(where.getLineNr(), where.getColumnNr()) + ": ";
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
    String path = e.getPath().stream().map(Yaml::step).collect(Collectors.joining());
    return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "(top level)" : path;
  }

  /** One step of a key path: {@code .name} for a key, {@code [i]} for a list index. */
  private static String step(JsonMappingException.Reference r) {
    return r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
