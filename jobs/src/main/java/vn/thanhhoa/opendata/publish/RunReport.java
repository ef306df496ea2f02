package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/** The JSON run report of datasets.md: what a run did, source by source. */
public final class RunReport {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Map<String, Object> report = new LinkedHashMap<>();
  private final Map<String, Object> sources = new LinkedHashMap<>();
  private final Map<String, Object> datasets = new LinkedHashMap<>();
  private final Map<String, Object> stages = new LinkedHashMap<>();

  public RunReport(String runId, String command, Instant startedAt, String input, String output) {
    report.put("run_id", runId);
    report.put("command", command);
    report.put("started_at", startedAt.toString());
    report.put("finished_at", null);
    report.put("status", "running");
    report.put("input", input);
    report.put("output", output);
    report.put("sources", sources);
    report.put("datasets", datasets);
    report.put("stages", stages);
  }

  /** A source's counts over all its files; {@code ingest} says how this run ingested it. */
  public void add(SourceReport s, String ingest, int filesRead) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ingest", ingest);
    m.put("files_read_this_run", filesRead);
    m.put("files", s.files());
    m.put("files_rejected", s.filesRejected());
    rows(m, s.rowsRead(), s.rowsAccepted(), s.rowsQuarantined());
    m.put("quarantined_by_rule", s.quarantinedByRule());
    m.put("rows_superseded", s.rowsSuperseded());
    m.put("rows_staged", s.rowsStaged());
    m.put("warnings", s.warnings());
    m.put("file_details", s.fileReports().stream().map(RunReport::sourceFile).toList());
    sources.put(s.source(), m);
  }

  /** Records a dataset written by the build; {@code changed} compares with the previous release. */
  public void add(DatasetFiles.Written w, boolean changed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", w.rows());
    m.put("changed", changed);
    m.put("sha256", w.sha256());
    m.put("files", w.files().stream().map(RunReport::datasetFile).toList());
    datasets.put(w.name(), m);
  }

  /** A release's datasets as its run report records them, by name; none without a report. */
  public static Map<String, DatasetFiles.Written> datasetRecords(
      Store store, Optional<String> release) {
    Map<String, DatasetFiles.Written> records = new LinkedHashMap<>();
    release.ifPresent(
        r -> datasets(store, r, d -> d).forEach((name, d) -> records.put(name, written(name, d))));
    return records;
  }

  private static DatasetFiles.Written written(String name, JsonNode dataset) {
    List<DatasetFiles.FileEntry> files = new ArrayList<>();
    for (JsonNode f : dataset.path("files")) {
      files.add(
          new DatasetFiles.FileEntry(
              f.path("path").asText(),
              f.path("format").asText(),
              f.path("bytes").asLong(-1),
              f.path("sha256").asText()));
    }
    return new DatasetFiles.Written(
        name, dataset.path("rows").asLong(), dataset.path("sha256").asText(), List.copyOf(files));
  }

  private static <T> Map<String, T> datasets(
      Store store, String release, Function<JsonNode, T> field) {
    Map<String, T> values = new LinkedHashMap<>();
    JsonNode report = Feed.read(store, release + "/run-report.json");
    if (report != null) {
      report
          .path("datasets")
          .fields()
          .forEachRemaining(e -> values.put(e.getKey(), field.apply(e.getValue())));
    }
    return values;
  }

  private static Map<String, Object> datasetFile(DatasetFiles.FileEntry f) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("path", f.path());
    file.put("format", f.format());
    file.put("bytes", f.bytes());
    file.put("sha256", f.sha256());
    return file;
  }

  private static Map<String, Object> sourceFile(SourceReport.FileReport f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", f.file());
    m.put("bytes", f.bytes());
    m.put("sha256", f.sha256());
    m.put("encoding", f.encoding());
    rows(m, f.rowsRead(), f.rowsAccepted(), f.rowsQuarantined());
    if (f.rejectedBy() != null) {
      m.put("rejected_by", f.rejectedBy());
      m.put("rejection", f.rejection());
    }
    return m;
  }

  /** Row conservation: read = accepted + quarantined, for a source and for each of its files. */
  private static void rows(Map<String, Object> m, long read, long accepted, long quarantined) {
    m.put("rows_read", read);
    m.put("rows_accepted", accepted);
    m.put("rows_quarantined", quarantined);
  }

  /** How long a stage took and how many rows it handled. */
  public void stage(String name, double seconds, long rows) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", Math.round(seconds * 10) / 10.0);
    m.put("rows", rows);
    stages.put(name, m);
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

  /** Replaces {@code file} on {@code store} whole: a reader never sees half a report. */
  public void write(Store store, String file) {
    try {
      store.writeAtomically(file, JSON.writeValueAsBytes(report));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write run report " + file, e);
    }
  }
}
