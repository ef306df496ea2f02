package vn.thanhhoa.opendata.publish;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;

/**
 * The official schemas a release is checked against, read once: CKAN's package schema, the
 * Frictionless data package profile and the DCAT-AP 3.0.0 SHACL shapes.
 */
record ReleaseSchemas(JsonSchema ckanPackage, JsonSchema dataPackage, Shapes dcatShapes) {

  /** Reads the schemas from the project's {@code schemas/} folder. */
  static ReleaseSchemas read(Path schemas) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    return new ReleaseSchemas(
        schema(factory, schemas.resolve("ckan/package.schema.json")),
        schema(factory, schemas.resolve("frictionless/datapackage-2.0.json")),
        Shapes.parse(
            RDFDataMgr.loadGraph(schemas.resolve("dcat-ap/dcat-ap-3.0.0-SHACL.ttl").toString())));
  }

  private static JsonSchema schema(JsonSchemaFactory factory, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return factory.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema " + file, e);
    }
  }
}
