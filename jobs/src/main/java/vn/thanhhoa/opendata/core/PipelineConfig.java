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
import java.util.function.Function;

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
    Checker check = new Checker(file);
    PipelineConfig config = of(file, Yaml.read(file, ConfigFile.class), check);
    checkPaths(check, config);
    return config;
  }

  private static PipelineConfig of(Path file, ConfigFile raw, Checker check) {
    Path base = file.toAbsolutePath().normalize().getParent();
    return new PipelineConfig(
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
  }

  /** The folders and files the settings name must exist. */
  private static void checkPaths(Checker check, PipelineConfig config) {
    check.folder("schemas", config.schemas());
    check.folder("admin_units.folder", config.adminUnits().folder());
    check.file("datasets", config.datasets());
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
    List<UnitList> lists = unitLists(check, check.nonEmpty("admin_units.lists", raw.lists()));
    return new AdminUnitsConfig(
        base.resolve(check.present("admin_units.folder", raw.folder())).normalize(),
        lists,
        check.present("admin_units.crosswalk", raw.crosswalk()));
  }

  private static List<UnitList> unitLists(Checker check, List<RawUnitList> raw) {
    List<UnitList> lists = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      lists.add(unitList(check, "admin_units.lists[" + i + "]", raw.get(i)));
    }
    return lists;
  }

  private static UnitList unitList(Checker check, String key, RawUnitList raw) {
    return new UnitList(
        check.present(key + ".file", raw.file()),
        check.date(key + ".valid_from", check.present(key + ".valid_from", raw.validFrom())),
        raw.validTo() == null ? null : check.date(key + ".valid_to", raw.validTo()));
  }

  private static Portal portal(Checker check, RawPortal raw) {
    check.present("portal", raw);
    String url = baseUrl(check, raw.baseUrl());
    return new Portal(url, check.present("portal.site_title", raw.siteTitle()));
  }

  /** An absolute http(s) URL, without a trailing slash. */
  private static String baseUrl(Checker check, String value) {
    String url = check.present("portal.base_url", value);
    if (!url.matches("^https?://[A-Za-z0-9.\\-]+(:[0-9]+)?(/[^\\s]*)?$")) {
      throw check.error("portal.base_url", "not an absolute http(s) URL: " + url);
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static int keep(Checker check, RawReleases raw) {
    return check.atLeastOne("releases.keep", raw == null ? null : raw.keep(), 5);
  }

  private static SparkConfig spark(Checker check, RawSpark raw) {
    if (raw == null) {
      return new SparkConfig("local[*]", 4, Map.of());
    }
    int partitions = check.atLeastOne("spark.shuffle_partitions", raw.shufflePartitions(), 4);
    Map<String, String> settings = sparkSettings(check, raw.settings());
    return new SparkConfig(raw.master() == null ? "local[*]" : raw.master(), partitions, settings);
  }

  /** The extra settings, sorted; each must be a {@code spark.} key. */
  private static Map<String, String> sparkSettings(Checker check, Map<String, String> raw) {
    Map<String, String> settings = new TreeMap<>(raw == null ? Map.of() : raw);
    for (String key : settings.keySet()) {
      if (!key.startsWith("spark.")) {
        throw check.error("spark.settings." + key, "Spark settings start with 'spark.'");
      }
    }
    return settings;
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

    /** A count that must be at least 1, {@code otherwise} when not given. */
    int atLeastOne(String key, Integer value, int otherwise) {
      int count = value == null ? otherwise : value;
      if (count < 1) {
        throw error(key, "must be at least 1");
      }
      return count;
    }

    ZoneId zone(String key, String value) {
      return parsed(key, present(key, value), ZoneId::of, "not a time zone: ");
    }

    LocalDate date(String key, String value) {
      return parsed(key, value, LocalDate::parse, "not a date (YYYY-MM-DD): ");
    }

    private <T> T parsed(String key, String value, Function<String, T> parse, String problem) {
      try {
        return parse.apply(value);
      } catch (DateTimeException e) {
        throw error(key, problem + value);
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
