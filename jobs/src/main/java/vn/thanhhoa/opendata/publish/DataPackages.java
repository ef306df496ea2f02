package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * A Frictionless Data Package (v2) per dataset: its files as resources, each with the Table Schema.
 */
final class DataPackages {
  static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, String> TYPES =
      Map.of(
          "string",
          "string",
          "month",
          "yearmonth",
          "integer",
          "integer",
          "boolean",
          "boolean",
          "date",
          "date",
          "timestamp",
          "datetime");

  private DataPackages() {}

  /** The descriptor, from the dataset's definition and its (final) CKAN package. */
  static ObjectNode build(DatasetSpec spec, JsonNode pkg, DatasetCatalog catalog) {
    ObjectNode dp = NODES.objectNode();
    dp.put("$schema", PROFILE);
    dp.put("name", spec.name());
    dp.put("id", pkg.path("id").asText());
    dp.put("title", spec.title().vi());
    dp.put("description", pkg.path("notes").asText());
    dp.put("homepage", pkg.path("url").asText());
    dp.put("created", pkg.path("metadata_created").asText() + "Z");
    ArrayNode keywords = dp.putArray("keywords");
    pkg.path("tags").forEach(t -> keywords.add(t.path("name").asText()));
    license(dp.putArray("licenses").addObject(), catalog.license(spec.licenseId()));
    publisher(dp.putArray("contributors").addObject(), catalog.organization());
    ArrayNode resources = dp.putArray("resources");
    for (JsonNode r : pkg.path("resources")) {
      resources.add(resource(spec, r));
    }
    return dp;
  }

  private static void license(ObjectNode l, DatasetCatalog.License license) {
    l.put("name", license.id()).put("title", license.title());
    if (!license.url().isEmpty()) {
      l.put("path", license.url());
    }
  }

  private static void publisher(ObjectNode publisher, DatasetCatalog.Organization org) {
    publisher.put("title", org.title());
    publisher.putArray("roles").add("publisher");
    if (org.email() != null) {
      publisher.put("email", org.email());
    }
  }

  private static ObjectNode resource(DatasetSpec spec, JsonNode r) {
    String url = r.path("url").asText();
    String folder = "/datasets/" + spec.name() + "/";
    String path = url.substring(url.indexOf(folder) + folder.length());
    String format = r.path("format").asText().toLowerCase(Locale.ROOT);
    ObjectNode res = NODES.objectNode();
    res.put("name", resourceName(spec, path));
    res.put("path", path);
    res.put("type", "table");
    res.put("title", r.path("name").asText());
    res.put("format", format);
    res.put("mediatype", r.path("mimetype").asText());
    if (format.equals("csv") || format.equals("json")) {
      res.put("encoding", format.equals("csv") ? "utf-8-sig" : "utf-8");
    }
    res.put("bytes", r.path("size").asLong());
    res.put("hash", "sha256:" + r.path("hash").asText());
    if (format.equals("csv")) {
      dialect(res.putObject("dialect"));
    }
    res.set("schema", tableSchema(spec));
    return res;
  }

  /** The CSV files' dialect: comma-separated, double quotes doubled, a header row. */
  private static void dialect(ObjectNode dialect) {
    dialect
        .put("delimiter", ",")
        .put("quoteChar", "\"")
        .put("doubleQuote", true)
        .put("header", true);
  }

  /** The dataset's name and the file's path as lower-case words joined by dashes, no extension. */
  private static String resourceName(DatasetSpec spec, String path) {
    String file =
        path.replaceAll("^parquet/year=", "parquet-")
            .replaceAll("[^a-z0-9.]+", "-")
            .replaceAll("\\.(csv|json|parquet|xlsx)$", "");
    return (spec.name() + "-" + file).replaceAll("-+", "-");
  }

  static ObjectNode tableSchema(DatasetSpec spec) {
    ObjectNode schema = NODES.objectNode();
    ArrayNode fields = schema.putArray("fields");
    for (DatasetSpec.Column c : spec.columns()) {
      ObjectNode f = fields.addObject();
      f.put("name", c.name());
      f.put("type", c.type().startsWith("decimal") ? "number" : TYPES.get(c.type()));
      f.put("title", c.label());
      f.put(
          "description",
          c.unit() == null ? c.description() : c.description() + " (" + c.unit() + ")");
      if (spec.key().contains(c.name())) {
        f.putObject("constraints").put("required", true);
      }
    }
    ArrayNode key = schema.putArray("primaryKey");
    spec.key().forEach(key::add);
    return schema;
  }
}
