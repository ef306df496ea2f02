package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.thanhhoa.opendata.ingest.SourceReport;

/** The JSON run report of datasets.md: what a run did, source by source. */
public final class RunReport {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Map<String, Object> report = new LinkedHashMap<>();
  private final Map<String, Object> sources = new LinkedHashMap<>();

  public RunReport(String runId, String command, Instant startedAt, String input, String output) {
    report.put("run_id", runId);
    report.put("command", command);
    report.put("started_at", startedAt.toString());
    report.put("finished_at", null);
    report.put("status", "running");
    report.put("input", input);
    report.put("output", output);
    report.put("sources", sources);
    report.put("datasets", new LinkedHashMap<>());
  }

  public void add(SourceReport s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", s.files());
    m.put("files_rejected", s.filesRejected());
    m.put("rows_read", s.rowsRead());
    m.put("rows_accepted", s.rowsAccepted());
    m.put("rows_quarantined", s.rowsQuarantined());
    m.put("quarantined_by_rule", s.quarantinedByRule());
    m.put("rows_superseded", s.rowsSuperseded());
    m.put("rows_staged", s.rowsStaged());
    m.put("warnings", s.warnings());
    m.put("file_details", s.fileReports().stream().map(RunReport::file).toList());
    sources.put(s.source(), m);
  }

  private static Map<String, Object> file(SourceReport.FileReport f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", f.file());
    m.put("encoding", f.encoding());
    m.put("rows_read", f.rowsRead());
    m.put("rows_accepted", f.rowsAccepted());
    m.put("rows_quarantined", f.rowsQuarantined());
    if (f.rejectedBy() != null) {
      m.put("rejected_by", f.rejectedBy());
      m.put("rejection", f.rejection());
    }
    return m;
  }

  /** Records the outcome: {@code published}, {@code ingested} or {@code failed} (with why). */
  public void finish(String status, Instant finishedAt, String error) {
    report.put("status", status);
    report.put("finished_at", finishedAt.toString());
    if (error != null) {
      report.put("error", error);
    }
  }

  public void put(String key, Object value) {
    report.put(key, value);
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), report);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write run report " + file, e);
    }
  }
}
