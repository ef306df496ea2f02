package vn.thanhhoa.opendata.cli;

import java.util.List;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.ingest.Ingest;

/**
 * What an ingest did, per source, and whether the published release was in step with the staging
 * tables when it began (see {@link PublishedState}).
 */
record Ingested(List<Ingest.Outcome> outcomes, boolean wasInStep) {
  Ingested {
    outcomes = List.copyOf(outcomes);
  }

  List<SourceReport> reports() {
    return outcomes.stream().map(Ingest.Outcome::report).toList();
  }

  /** The sources where a landing file was new or changed. */
  List<Ingest.Outcome> changed() {
    return outcomes.stream().filter(o -> o.change() != Ingest.Change.UNCHANGED).toList();
  }
}
