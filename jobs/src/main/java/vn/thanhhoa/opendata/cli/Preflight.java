package vn.thanhhoa.opendata.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.SourceSchema;

/** What a run checks before it takes the lock and starts Spark; a problem is exit 2. */
final class Preflight {
  private Preflight() {}

  /** Every source named on the command line is a configured one. */
  static void requireKnown(PipelineConfig config, List<String> only) {
    for (String name : only) {
      if (!config.sources().contains(name)) {
        throw new ConfigException(
            "--source: unknown source '"
                + name
                + "'; known: "
                + String.join(", ", config.sources()));
      }
    }
  }

  /**
   * The schemas of the sources to run ({@code only}, or every configured source when empty), whose
   * landing folders must exist when the run reads them.
   */
  static List<SourceSchema> schemas(
      PipelineConfig config, List<String> only, boolean readsLanding) {
    List<String> names = only.isEmpty() ? config.sources() : only;
    List<SourceSchema> schemas =
        names.stream().map(n -> SourceSchema.load(config.schemas(), n)).toList();
    if (readsLanding) {
      names.forEach(name -> requireFolder(config.input(), name));
    }
    return schemas;
  }

  private static void requireFolder(String input, String source) {
    if (input.contains("://")) {
      return; // a remote filesystem is checked when Spark lists it
    }
    Path folder = Paths.get(input.startsWith("file:") ? input.substring(5) : input, source);
    if (!Files.isDirectory(folder)) {
      throw new ConfigException("input: landing folder not found: " + folder);
    }
  }
}
