package vn.thanhhoa.opendata.samples.sampledata;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/** Latest-submission-wins bookkeeping, to report what the dataset should end up holding. */
final class Effective<T> {
  private record Entry<T>(Instant at, String file, T value) {}

  private final SortedMap<String, Entry<T>> entries = new TreeMap<>();

  void offer(String key, Instant at, String file, T value) {
    Entry<T> current = entries.get(key);
    boolean later =
        current == null
            || at.isAfter(current.at())
            || (at.equals(current.at()) && file.compareTo(current.file()) >= 0);
    if (later) {
      entries.put(key, new Entry<>(at, file, value));
    }
  }

  SortedMap<String, T> values() {
    SortedMap<String, T> result = new TreeMap<>();
    entries.forEach((k, v) -> result.put(k, v.value()));
    return result;
  }
}
