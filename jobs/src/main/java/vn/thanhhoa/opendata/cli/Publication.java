package vn.thanhhoa.opendata.cli;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/** A published release: its id, the datasets it holds, and which of them changed. */
record Publication(String releaseId, List<DatasetFiles.Written> written, Set<String> changed) {
  Publication {
    written = List.copyOf(written);
    changed = Collections.unmodifiableSet(new TreeSet<>(changed));
  }
}
