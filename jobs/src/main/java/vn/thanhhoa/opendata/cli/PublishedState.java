package vn.thanhhoa.opendata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.Sha256;
import vn.thanhhoa.opendata.core.SourceReport;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.ingest.IngestState;

/**
 * What the published release was made from, kept in {@code state/}: the configuration, and the
 * staging tables' inputs (every source's ingested files by content, and its schema). A build may
 * rebuild only some months or datasets and keep the rest of the published release only while that
 * release is "in step": made from the staging tables as they are. A rollback, an ingest that was
 * not followed by a publish, or a failed build each leave it out of step, and the next build then
 * rebuilds everything.
 */
final class PublishedState {
  private static final String CONFIGURATION = "configuration.sha256";
  private static final String INPUTS = "published-inputs.sha256";
  private static final String RESTORED = "restored ";

  private final PipelineConfig config;
  private final Layout layout;
  private final Store store;

  /** The configuration's hash, made once: it does not change during a run. */
  private String configuration;

  PublishedState(PipelineConfig config, Layout layout, Store store) {
    this.config = config;
    this.layout = layout;
    this.store = store;
  }

  /** The published release is a rollback's, and nothing in the configuration changed since. */
  boolean rollbackHolds() {
    String state = read(CONFIGURATION);
    return state.startsWith(RESTORED) && state.endsWith(" " + configuration());
  }

  /** The configuration changed since the last publish (or nothing was ever published here). */
  boolean configurationChanged() {
    return !read(CONFIGURATION).equals(configuration());
  }

  /**
   * The published release was made from the staging tables as they are now, under this
   * configuration.
   */
  boolean inStep() {
    return read(INPUTS).equals(inputs());
  }

  /** After a publish: {@code restored} names the release a rollback republished, if it was one. */
  void published(Optional<String> restored) {
    String configuration = configuration();
    write(CONFIGURATION, restored.map(r -> RESTORED + r + " ").orElse("") + configuration);
    write(INPUTS, restored.isPresent() ? RESTORED + restored.get() : inputs());
  }

  /** A hash of everything besides the landing files that decides the feed's content. */
  String configuration() {
    if (configuration == null) {
      configuration = hashConfiguration();
    }
    return configuration;
  }

  private String hashConfiguration() {
    MessageDigest digest = Sha256.digest();
    List<Path> files = new ArrayList<>(List.of(config.file(), config.datasets()));
    try {
      for (Path folder : List.of(config.schemas(), config.adminUnits().folder())) {
        try (var all = Files.walk(folder)) {
          all.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      }
      for (Path f : files) {
        digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot hash the configuration", e);
    }
    return Sha256.hex(digest);
  }

  /**
   * The configuration and, per source, its schema and the content of every file its staging table
   * holds.
   */
  String inputs() {
    StringBuilder text = new StringBuilder(configuration()).append('\n');
    for (String source : config.sources()) {
      Optional<SourceReport> report = IngestState.load(store, layout, source);
      text.append(source)
          .append(' ')
          .append(report.map(SourceReport::schemaSha256).orElse("-"))
          .append('\n');
      report.ifPresent(
          r ->
              r.fileReports().stream()
                  .map(f -> f.file() + " " + f.sha256())
                  .sorted()
                  .forEach(line -> text.append(line).append('\n')));
    }
    return Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private String read(String name) {
    String file = layout.state() + "/" + name;
    return store.isFile(file) ? store.readString(file).strip() : "";
  }

  private void write(String name, String value) {
    store.writeAtomically(
        layout.state() + "/" + name, (value + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
