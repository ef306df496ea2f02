package vn.thanhhoa.opendata.ingest;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Collects the outcome of every landing file from the tasks that read them, by file name. A file
 * read again (a retried task) gives the same outcome, so merging is idempotent: the last one read
 * simply replaces the earlier.
 */
final class FileOutcomes extends AccumulatorV2<FileOutcome, Map<String, FileOutcome>> {
  private static final long serialVersionUID = 1L;
  private final TreeMap<String, FileOutcome> outcomes = new TreeMap<>();

  @Override
  public boolean isZero() {
    return outcomes.isEmpty();
  }

  @Override
  public AccumulatorV2<FileOutcome, Map<String, FileOutcome>> copy() {
    FileOutcomes copy = new FileOutcomes();
    copy.outcomes.putAll(outcomes);
    return copy;
  }

  @Override
  public void reset() {
    outcomes.clear();
  }

  @Override
  public void add(FileOutcome outcome) {
    outcomes.put(outcome.report().file(), outcome);
  }

  @Override
  public void merge(AccumulatorV2<FileOutcome, Map<String, FileOutcome>> other) {
    outcomes.putAll(other.value());
  }

  @Override
  public Map<String, FileOutcome> value() {
    return outcomes;
  }
}
