package vn.thanhhoa.opendata.samples.landing;

import java.util.Map;
import java.util.TreeMap;
import vn.thanhhoa.opendata.samples.JsonText;

/** Files, rows and bytes written for one source, and the bad rows by the rule they break. */
final class Tally {
  final String source;
  final String where;
  long files;
  long rows;
  long bytes;
  long rawBytes;
  long resubmitted;
  final Map<String, Long> badByRule = new TreeMap<>();
  final Map<String, FileStats> perFile = new TreeMap<>();

  /** One file: its rows, its size on disk and its deliberately bad rows by rule. */
  record FileStats(long rows, long bytes, Map<String, Long> bad) {}

  Tally(String source, String where) {
    this.source = source;
    this.where = where;
  }

  String label() {
    return where.equals("landing") ? source : source + " (" + where + ")";
  }

  static void count(Map<String, Long> bad, String rule) {
    bad.merge(rule, 1L, Long::sum);
  }

  long badRows() {
    return badByRule.values().stream().mapToLong(Long::longValue).sum();
  }

  void file(String name, long rowCount, long diskBytes, long uncompressed, Map<String, Long> bad) {
    files++;
    rows += rowCount;
    bytes += diskBytes;
    rawBytes += uncompressed;
    bad.forEach((r, n) -> badByRule.merge(r, n, Long::sum));
    perFile.put(name, new FileStats(rowCount, diskBytes, new TreeMap<>(bad)));
  }

  void add(Tally other) {
    files += other.files;
    rows += other.rows;
    bytes += other.bytes;
    rawBytes += other.rawBytes;
    resubmitted += other.resubmitted;
    other.badByRule.forEach((r, n) -> badByRule.merge(r, n, Long::sum));
    perFile.putAll(other.perFile);
  }

  String toJson(String indent) {
    StringBuilder j =
        new StringBuilder(indent)
            .append("{\"source\": ")
            .append(JsonText.quote(source))
            .append(", \"where\": ")
            .append(JsonText.quote(where))
            .append(", \"files\": ")
            .append(files)
            .append(", \"rows\": ")
            .append(rows)
            .append(", \"bytes\": ")
            .append(bytes)
            .append(", \"uncompressed_bytes\": ")
            .append(rawBytes)
            .append(", \"later_submissions\": ")
            .append(resubmitted)
            .append(", \"bad_rows\": ")
            .append(badRows())
            .append(",\n")
            .append(indent)
            .append(" \"bad_by_rule\": {");
    rules(j, badByRule);
    j.append("},\n").append(indent).append(" \"files_detail\": {");
    filesDetail(j, indent);
    return j.append("}}").toString();
  }

  private void filesDetail(StringBuilder j, String indent) {
    String sep = "";
    for (Map.Entry<String, FileStats> e : perFile.entrySet()) {
      FileStats f = e.getValue();
      j.append(sep)
          .append("\n")
          .append(indent)
          .append("   ")
          .append(JsonText.quote(e.getKey()))
          .append(": {\"rows\": ")
          .append(f.rows())
          .append(", \"bytes\": ")
          .append(f.bytes())
          .append(", \"bad\": {");
      rules(j, f.bad());
      j.append("}}");
      sep = ",";
    }
  }

  private static void rules(StringBuilder j, Map<String, Long> counts) {
    String sep = "";
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      j.append(sep).append(JsonText.quote(e.getKey())).append(": ").append(e.getValue());
      sep = ", ";
    }
  }
}
