package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.SourceReport.FileReport;
import vn.thanhhoa.opendata.ingest.LandingFileReader.LandingFile;

/**
 * A source's landing folder as it is now, listed once: its qualified root, the files it reads
 * (qualified path → size and modification time), their names as reports give them and, as warnings,
 * those it will not read (names its globs do not match, case-sensitively, and hidden files), never
 * skipped silently.
 */
public record Landing(
    String root, Map<String, LandingFile> files, Map<String, String> names, List<String> ignored) {

  /** The files at these qualified paths, in that order. */
  List<LandingFile> files(List<String> paths) {
    return paths.stream().map(files::get).toList();
  }

  /**
   * The qualified paths of the files that arrived since {@code previous} was reported, if nothing
   * else changed: every file it reported is still here with the same size and modification time.
   * Empty where a file changed or disappeared, so that every file must be read again.
   */
  Optional<List<String>> onlyNewSince(SourceReport previous) {
    Map<String, FileReport> before = new HashMap<>();
    previous.fileReports().forEach(f -> before.put(f.file(), f));
    List<String> fresh = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<String, LandingFile> file : files.entrySet()) {
      FileReport old = before.get(names.get(file.getKey()));
      if (old == null) {
        fresh.add(file.getKey());
      } else if (sameAs(old, file.getValue())) {
        unchanged++;
      }
    }
    boolean onlyAdded = unchanged == before.size() && unchanged + fresh.size() == files.size();
    return onlyAdded ? Optional.of(fresh) : Optional.empty();
  }

  private static boolean sameAs(FileReport reported, LandingFile file) {
    return reported.bytes() == file.bytes() && reported.modified() == file.modified();
  }
}
