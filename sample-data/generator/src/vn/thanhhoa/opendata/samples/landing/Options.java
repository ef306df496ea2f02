package vn.thanhhoa.opendata.samples.landing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options; {@link #canonicalArgs()} is what the output depends on. */
record Options(
    String scope,
    Path out,
    Integer days,
    Integer products,
    double bad,
    long seed,
    int gzipEvery,
    boolean holdBackLastDay,
    Double singleFileGb,
    Double crawlRate,
    int threads,
    Path repo,
    Path schemas,
    boolean confOnly) {

  static final String USAGE =
      "usage: sample-data/generator/generate landing --scope national|province --out DIR"
          + " [--days N] [--products N] [--bad 0.005] [--seed N] [--gzip-every 7]"
          + " [--hold-back-last-day] [--single-file-gb X] [--crawl-rate R] [--threads N]"
          + " [--repo DIR] [--schemas DIR] [--conf-only]";

  private static final List<String> FLAGS = List.of("--hold-back-last-day", "--conf-only");
  private static final List<String> KNOWN =
      List.of(
          "--scope",
          "--out",
          "--days",
          "--products",
          "--bad",
          "--seed",
          "--gzip-every",
          "--hold-back-last-day",
          "--single-file-gb",
          "--crawl-rate",
          "--threads",
          "--repo",
          "--schemas",
          "--conf-only");

  static Options parse(String[] args) {
    Map<String, String> values = values(args);
    String scope = scope(values);
    Path repo = values.containsKey("--repo") ? Paths.get(values.get("--repo")) : findRepo();
    Path schemas =
        values.containsKey("--schemas")
            ? Paths.get(values.get("--schemas"))
            : repo.resolve("schemas");
    return validated(of(scope, values, repo, schemas));
  }

  /** Option name → value ("true" for a flag); unknown options and stray arguments refused. */
  private static Map<String, String> values(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (FLAGS.contains(a)) {
        values.put(a, "true");
      } else if (a.startsWith("--") && i + 1 < args.length) {
        values.put(a, args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument: " + a);
      }
    }
    values.keySet().stream()
        .filter(k -> !KNOWN.contains(k))
        .findFirst()
        .ifPresent(
            k -> {
              throw new IllegalArgumentException("unknown option " + k);
            });
    return values;
  }

  private static String scope(Map<String, String> values) {
    String scope = required(values, "--scope");
    if (!scope.equals("national") && !scope.equals("province")) {
      throw new IllegalArgumentException("--scope must be national or province");
    }
    return scope;
  }

  private static Options of(String scope, Map<String, String> values, Path repo, Path schemas) {
    return new Options(
        scope,
        Paths.get(required(values, "--out")).toAbsolutePath().normalize(),
        optionalInt(values, "--days"),
        optionalInt(values, "--products"),
        Double.parseDouble(values.getOrDefault("--bad", "0.005")),
        Long.parseLong(values.getOrDefault("--seed", "20250701")),
        Integer.parseInt(values.getOrDefault("--gzip-every", "7")),
        values.containsKey("--hold-back-last-day"),
        optionalDouble(values, "--single-file-gb"),
        optionalDouble(values, "--crawl-rate"),
        Integer.parseInt(
            values.getOrDefault(
                "--threads",
                String.valueOf(Math.min(4, Runtime.getRuntime().availableProcessors())))),
        repo.toAbsolutePath().normalize(),
        schemas.toAbsolutePath().normalize(),
        values.containsKey("--conf-only"));
  }

  private static Options validated(Options o) {
    if (o.bad() < 0 || o.bad() > 0.5) {
      throw new IllegalArgumentException("--bad must be between 0 and 0.5");
    }
    if (!Files.isRegularFile(o.repo().resolve("conf/pipeline.yaml"))) {
      throw new IllegalArgumentException(
          "no conf/pipeline.yaml under " + o.repo() + " (give --repo)");
    }
    if (!Files.isDirectory(o.schemas())) {
      throw new IllegalArgumentException("schemas folder not found: " + o.schemas());
    }
    return o;
  }

  /** The repository: the working directory or its parent, whichever has conf/pipeline.yaml. */
  private static Path findRepo() {
    Path here = Paths.get("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("conf/pipeline.yaml"))
          && Files.isDirectory(p.resolve("schemas"))) {
        return p;
      }
    }
    return here;
  }

  private static String required(Map<String, String> values, String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    return v;
  }

  private static Integer optionalInt(Map<String, String> values, String key) {
    return values.containsKey(key) ? Integer.valueOf(values.get(key)) : null;
  }

  private static Double optionalDouble(Map<String, String> values, String key) {
    return values.containsKey(key) ? Double.valueOf(values.get(key)) : null;
  }

  /** The arguments that decide the files' content (not where they go, nor the thread count). */
  String canonicalArgs() {
    return "--scope "
        + scope
        + (days == null ? "" : " --days " + days)
        + (products == null ? "" : " --products " + products)
        + " --bad "
        + bad
        + " --seed "
        + seed
        + " --gzip-every "
        + gzipEvery
        + (holdBackLastDay ? " --hold-back-last-day" : "")
        + (singleFileGb == null ? "" : " --single-file-gb " + singleFileGb)
        + (crawlRate == null ? "" : " --crawl-rate " + crawlRate);
  }
}
