package vn.thanhhoa.opendata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.publish.RunReport;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/**
 * The datasets of the release being made, as they are written, each compared with the published one
 * and reported on the console and in the run report.
 */
final class ReleaseContents {
  private final Map<String, DatasetFiles.Written> before;
  private final Console console;
  private final RunReport report;
  private final List<DatasetFiles.Written> written = new ArrayList<>();
  private final Set<String> changed = new TreeSet<>();

  ReleaseContents(Store store, Optional<String> previous, Console console, RunReport report) {
    this.before = RunReport.datasetRecords(store, previous);
    this.console = console;
    this.report = report;
  }

  void add(DatasetFiles.Written w) {
    DatasetFiles.Written published = before.get(w.name());
    boolean isChanged = published == null || !w.sha256().equals(published.sha256());
    if (isChanged) {
      changed.add(w.name());
    }
    written.add(w);
    console.built(w, isChanged);
    report.add(w, isChanged);
  }

  /** The published release's datasets as its run report records them, by name. */
  Map<String, DatasetFiles.Written> recorded() {
    return before;
  }

  List<DatasetFiles.Written> written() {
    return List.copyOf(written);
  }

  long rows() {
    return written.stream().mapToLong(DatasetFiles.Written::rows).sum();
  }

  Publication published(String releaseId) {
    return new Publication(releaseId, written, changed);
  }
}
