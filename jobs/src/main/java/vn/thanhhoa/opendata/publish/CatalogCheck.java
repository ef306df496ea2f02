package vn.thanhhoa.opendata.publish;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import vn.thanhhoa.opendata.core.Store;

/** A release's DCAT-AP catalogue against the official SHACL shapes (the first 20 violations). */
final class CatalogCheck {
  private static final int MAX_VIOLATIONS = 20;

  private CatalogCheck() {}

  /** Adds the catalogue's problems to {@code problems}. */
  static void check(Shapes shapes, Store store, String release, List<String> problems) {
    if (!store.isFile(release + "/catalog.ttl") || !store.isFile(release + "/catalog.jsonld")) {
      problems.add("catalog.ttl / catalog.jsonld: missing");
      return;
    }
    Graph data = GraphFactory.createDefaultGraph();
    try (InputStream in = store.open(release + "/catalog.ttl")) {
      RDFDataMgr.read(data, in, Lang.TURTLE);
    } catch (IOException | RuntimeException e) {
      problems.add("catalog.ttl: not valid Turtle: " + e.getMessage());
      return;
    }
    violations(ShaclValidator.get().validate(shapes, data), problems);
  }

  private static void violations(ValidationReport report, List<String> problems) {
    report.getEntries().stream()
        .filter(e -> e.severity() == Severity.Violation)
        .limit(MAX_VIOLATIONS)
        .forEach(
            e ->
                problems.add(
                    "catalog.ttl: DCAT-AP 3.0.0 violation at "
                        + e.focusNode()
                        + " "
                        + e.resultPath()
                        + ": "
                        + e.message()));
  }
}
