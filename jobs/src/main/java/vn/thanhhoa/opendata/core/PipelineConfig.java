package vn.thanhhoa.opendata.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pipeline's settings, read once from {@code conf/pipeline.yaml}. Relative paths in the file
 * are resolved against the file's own folder, so the pipeline runs from any working directory.
 * Locations of input and output may also be URIs of any Hadoop filesystem ({@code hdfs://}, {@code
 * s3a://}); those are kept as written.
 */
public record PipelineConfig(
    Path file,
    String input,
    String output,
    Path schemas,
    Path datasets,
    ZoneId timezone,
    List<String> sources,
    AdminUnitsConfig adminUnits,
    SparkConfig spark,
    Portal portal,
    int keepReleases) {

  public static final String DEFAULT_FILE = "conf/pipeline.yaml";

  public PipelineConfig {
    sources = List.copyOf(sources);
  }

  /** Where the reference lists live and from when to when each is valid. */
  public record AdminUnitsConfig(Path folder, List<UnitList> lists, String crosswalk) {
    public AdminUnitsConfig {
      lists = List.copyOf(lists);
    }
  }

  /** One reference list of communes and its validity (validTo null = still valid). */
  public record UnitList(String file, LocalDate validFrom, LocalDate validTo) {}

  /** Spark settings for the embedded launcher; spark-submit's own master always wins. */
  public record SparkConfig(String master, int shufflePartitions, Map<String, String> settings) {
    public SparkConfig {
      settings = Map.copyOf(settings);
    }
  }

  /** The portal the feed is published for; resource URLs and DCAT URIs start with baseUrl. */
  public record Portal(String baseUrl, String siteTitle) {}

  public PipelineConfig withInput(String newInput) {
    return with(newInput, output);
  }

  public PipelineConfig withOutput(String newOutput) {
    return with(input, newOutput);
  }

  private PipelineConfig with(String newInput, String newOutput) {
    return new PipelineConfig(
        file,
        newInput,
        newOutput,
        schemas,
        datasets,
        timezone,
        sources,
        adminUnits,
        spark,
        portal,
        keepReleases);
  }

  /** Reads and checks the file; every problem is a {@link ConfigException} naming the key. */
  public static PipelineConfig load(Path file) {
    ConfigFile raw = Yaml.read(file, ConfigFile.class);
    Path base = file.toAbsolutePath().normalize().getParent();
    Checker check = new Checker(file);
    PipelineConfig config =
        new PipelineConfig(
            file,
            location(base, check.present("input", raw.input())),
            location(base, check.present("output", raw.output())),
            base.resolve(check.present("schemas", raw.schemas())).normalize(),
            base.resolve(check.present("datasets", raw.datasets())).normalize(),
            check.zone("timezone", raw.timezone()),
            check.nonEmpty("sources", raw.sources()),
            adminUnits(base, check, raw.adminUnits()),
            spark(check, raw.spark()),
            portal(check, raw.portal()),
            keep(check, raw.releases()));
    check.folder("schemas", config.schemas());
    check.folder("admin_units.folder", config.adminUnits().folder());
    check.file("datasets", config.datasets());
    return config;
  }

  /** Resolves a local path against {@code base}; URIs with a scheme are kept as written. */
  public static String location(Path base, String value) {
    if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || value.startsWith("file:")) {
      return value;
    }
    return base.resolve(value).normalize().toString();
  }

  private static AdminUnitsConfig adminUnits(Path base, Checker check, RawAdminUnits raw) {
    check.present("admin_units", raw);
    List<UnitList> lists = new ArrayList<>();
    List<RawUnitList> rawLists = check.nonEmpty("admin_units.lists", raw.lists());
    for (int i = 0; i < rawLists.size(); i++) {
      String key = "admin_units.lists[" + i + "]";
      RawUnitList l = rawLists.get(i);
      lists.add(
          new UnitList(
              check.present(key + ".file", l.file()),
              check.date(key + ".valid_from", check.present(key + ".valid_from", l.validFrom())),
              l.validTo() == null ? null : check.date(key + ".valid_to", l.validTo())));
    }
    return new AdminUnitsConfig(
        base.resolve(check.present("admin_units.folder", raw.folder())).normalize(),
        lists,
        check.present("admin_units.crosswalk", raw.crosswalk()));
  }

  private static Portal portal(Checker check, RawPortal raw) {
    check.present("portal", raw);
    String url = check.present("portal.base_url", raw.baseUrl());
    if (!url.matches("^https?://[A-Za-z0-9.\\-]+(:[0-9]+)?(/[^\\s]*)?$")) {
      throw check.error("portal.base_url", "not an absolute http(s) URL: " + url);
    }
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return new Portal(trimmed, check.present("portal.site_title", raw.siteTitle()));
  }

  private static int keep(Checker check, RawReleases raw) {
    int keep = raw == null || raw.keep() == null ? 5 : raw.keep();
    if (keep < 1) {
      throw check.error("releases.keep", "must be at least 1");
    }
    return keep;
  }

  private static SparkConfig spark(Checker check, RawSpark raw) {
    if (raw == null) {
      return new SparkConfig("local[*]", 4, Map.of());
    }
    int partitions = raw.shufflePartitions() == null ? 4 : raw.shufflePartitions();
    if (partitions < 1) {
      throw check.error("spark.shuffle_partitions", "must be at least 1");
    }
    Map<String, String> settings =
        new TreeMap<>(raw.settings() == null ? Map.of() : raw.settings());
    settings.keySet().stream()
        .filter(k -> !k.startsWith("spark."))
        .findFirst()
        .ifPresent(
            k -> {
              throw check.error("spark.settings." + k, "Spark settings start with 'spark.'");
            });
    return new SparkConfig(raw.master() == null ? "local[*]" : raw.master(), partitions, settings);
  }

  record ConfigFile(
      String input,
      String output,
      String schemas,
      String datasets,
      String timezone,
      List<String> sources,
      RawAdminUnits adminUnits,
      RawSpark spark,
      RawPortal portal,
      RawReleases releases) {}

  record RawPortal(String baseUrl, String siteTitle) {}

  record RawReleases(Integer keep) {}

  record RawAdminUnits(String folder, List<RawUnitList> lists, String crosswalk) {}

  record RawUnitList(String file, String validFrom, String validTo) {}

  record RawSpark(String master, Integer shufflePartitions, Map<String, String> settings) {}

  /** Turns a missing or malformed value into a one-line error naming file and key. */
  private record Checker(Path file) {
    ConfigException error(String key, String problem) {
      return new ConfigException(file + ": " + key + ": " + problem);
    }

    <T> T present(String key, T value) {
      if (value == null || (value instanceof String s && s.isBlank())) {
        throw error(key, "missing");
      }
      return value;
    }

    <T> List<T> nonEmpty(String key, List<T> value) {
      if (value == null || value.isEmpty()) {
        throw error(key, "missing or empty");
      }
      return value;
    }

    ZoneId zone(String key, String value) {
      try {
        return ZoneId.of(present(key, value));
      } catch (DateTimeException e) {
        throw error(key, "not a time zone: " + value);
      }
    }

    LocalDate date(String key, String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeException e) {
        throw error(key, "not a date (YYYY-MM-DD): " + value);
      }
    }

    void file(String key, Path path) {
      if (!Files.isRegularFile(path)) {
        throw error(key, "file not found: " + path);
      }
    }

    void folder(String key, Path folder) {
      if (!Files.isDirectory(folder)) {
        throw error(key, "folder not found: " + folder);
      }
    }
  }
}
