import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Generates a benchmark landing folder for the pipeline: commune reports, payment-account counts
 * and daily OCOP listings that follow docs/input-formats.md, plus a configuration that points the
 * pipeline at them. Seeded: the same arguments give byte-identical files.
 *
 * <pre>
 * java bench/GenerateLanding.java --scope national|province --out DIR [--days N] [--products N]
 *     [--bad 0.005] [--seed N] [--gzip-every 7] [--hold-back-last-day] [--single-file-gb X]
 *     [--crawl-rate R] [--threads N] [--repo DIR] [--schemas DIR] [--conf-only]
 * </pre>
 *
 * Writes DIR/landing/{commune-reports,payment-accounts,ocop-listings}/, DIR/extra/ (the held-back
 * day), DIR/conf/ (pipeline.yaml, datasets.yaml, admin-units/), DIR/schemas/ (a copy) and
 * DIR/manifest.json (what was written, with every deliberately bad row counted by the rule the
 * pipeline must quarantine it under). JDK 17 only, no libraries.
 */
public class GenerateLanding {
  public static void main(String[] args) throws Exception {
    // The source launcher compiles this file in the platform charset: under LANG=C the
    // Vietnamese literals would be mangled, so stop instead of writing wrong text.
    if (!"X\u00e3".equals("Xã")) {
      throw new IllegalStateException(
          "this source was not read as UTF-8: run java -Dfile.encoding=UTF-8 ...");
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    new GenerateLanding(options).run();
  }

  private final Options options;
  private final Scope scope;

  GenerateLanding(Options options) {
    this.options = options;
    this.scope = Scope.of(options);
  }

  void run() throws Exception {
    long start = System.nanoTime();
    Path out = options.out();
    Files.createDirectories(out);
    new ConfWriter(options, scope).write();
    if (options.confOnly()) {
      System.out.println("configuration written to " + out.resolve("conf"));
      return;
    }
    for (String folder : List.of("landing", "extra")) {
      Files.createDirectories(out.resolve(folder));
      deleteTree(out.resolve(folder));
    }
    Path landing = out.resolve("landing");
    for (String source : List.of("commune-reports", "payment-accounts", "ocop-listings")) {
      Files.createDirectories(landing.resolve(source));
    }
    List<Tally> tallies = new ArrayList<>();
    tallies.add(new CommuneReports(options, scope).write(landing.resolve("commune-reports")));
    tallies.add(new PaymentAccounts(options, scope).write(landing.resolve("payment-accounts")));
    tallies.addAll(
        new OcopListings(options, scope)
            .write(
                landing.resolve("ocop-listings"), out.resolve("extra").resolve("ocop-listings")));
    Files.writeString(out.resolve("manifest.json"), manifest(tallies));
    printSummary(tallies, (System.nanoTime() - start) / 1e9);
  }

  private String manifest(List<Tally> tallies) {
    StringBuilder json =
        new StringBuilder("{\n  \"generator_args\": ")
            .append(Json.quote(options.canonicalArgs()))
            .append(",\n  \"scope\": ")
            .append(Json.quote(options.scope()))
            .append(",\n  \"sources\": [\n");
    for (int i = 0; i < tallies.size(); i++) {
      json.append(tallies.get(i).toJson("    ")).append(i + 1 < tallies.size() ? ",\n" : "\n");
    }
    return json.append("  ]\n}\n").toString();
  }

  private static void printSummary(List<Tally> tallies, double seconds) {
    System.out.printf(
        Locale.ROOT,
        "%-26s %7s %12s %12s %12s %9s%n",
        "source",
        "files",
        "rows",
        "MB on disk",
        "MB raw",
        "bad rows");
    for (Tally t : tallies) {
      System.out.printf(
          Locale.ROOT,
          "%-26s %7d %,12d %12.1f %12.1f %,9d%n",
          t.label(),
          t.files,
          t.rows,
          t.bytes / 1e6,
          t.rawBytes / 1e6,
          t.badRows());
    }
    System.out.printf(Locale.ROOT, "generated in %.1f s%n", seconds);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(root)) {
          Files.delete(p);
        }
      }
    }
  }
}

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
      "usage: java bench/GenerateLanding.java --scope national|province --out DIR"
          + " [--days N] [--products N] [--bad 0.005] [--seed N] [--gzip-every 7] [--hold-back-last-day]"
          + " [--single-file-gb X] [--crawl-rate R] [--threads N] [--repo DIR] [--schemas DIR] [--conf-only]";

  static Options parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    List<String> flags = List.of("--hold-back-last-day", "--conf-only");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (flags.contains(a)) {
        values.put(a, "true");
      } else if (a.startsWith("--") && i + 1 < args.length) {
        values.put(a, args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument: " + a);
      }
    }
    List<String> known =
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
    values.keySet().stream()
        .filter(k -> !known.contains(k))
        .findFirst()
        .ifPresent(
            k -> {
              throw new IllegalArgumentException("unknown option " + k);
            });
    String scope = required(values, "--scope");
    if (!scope.equals("national") && !scope.equals("province")) {
      throw new IllegalArgumentException("--scope must be national or province");
    }
    Path repo = values.containsKey("--repo") ? Paths.get(values.get("--repo")) : findRepo();
    Path schemas =
        values.containsKey("--schemas")
            ? Paths.get(values.get("--schemas"))
            : repo.resolve("schemas");
    Options o =
        new Options(
            scope,
            Paths.get(required(values, "--out")).toAbsolutePath().normalize(),
            optionalInt(values, "--days"),
            optionalInt(values, "--products"),
            Double.parseDouble(values.getOrDefault("--bad", "0.005")),
            Long.parseLong(values.getOrDefault("--seed", "20250701")),
            Integer.parseInt(values.getOrDefault("--gzip-every", "7")),
            values.containsKey("--hold-back-last-day"),
            values.containsKey("--single-file-gb")
                ? Double.valueOf(values.get("--single-file-gb"))
                : null,
            values.containsKey("--crawl-rate") ? Double.valueOf(values.get("--crawl-rate")) : null,
            Integer.parseInt(
                values.getOrDefault(
                    "--threads",
                    String.valueOf(Math.min(4, Runtime.getRuntime().availableProcessors())))),
            repo.toAbsolutePath().normalize(),
            schemas.toAbsolutePath().normalize(),
            values.containsKey("--conf-only"));
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

/** Deterministic random streams: one per (seed, purpose, index), independent of thread order. */
final class Seeds {
  private Seeds() {}

  static SplittableRandom rng(long seed, String purpose, long index) {
    return new SplittableRandom(mix(mix(seed ^ purpose.hashCode() * 0x9E3779B97F4A7C15L) + index));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static <T> T pick(SplittableRandom rnd, List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }

  static <T> T pick(SplittableRandom rnd, T[] items) {
    return items[rnd.nextInt(items.length)];
  }
}

/** One commune of a unit list (district fields only on pre-reform lists). */
record Commune(
    String provinceCode,
    String districtCode,
    String districtName,
    String code,
    String name,
    String type) {}

/** A unit list and the dates it is valid for (to == null: still valid). */
record Era(String file, LocalDate from, LocalDate to, List<Commune> communes) {
  boolean contains(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }

  Map<String, List<Commune>> byProvince() {
    Map<String, List<Commune>> m = new TreeMap<>();
    communes.forEach(c -> m.computeIfAbsent(c.provinceCode(), k -> new ArrayList<>()).add(c));
    return m;
  }
}

/**
 * What a scope is: its unit lists, the months of the reports, the first OCOP day and the sizes.
 * national = the 3,321 post-reform communes of all provinces; province = Thanh Hóa before and after
 * the reform, with the real crosswalk.
 */
final class Scope {
  final String name;
  final List<Era> eras;
  final List<YearMonth> months;
  final LocalDate ocopStart;
  final int days;
  final int products;
  final double crawlRate;

  /** Old code → the new commune its figures go to (empty for national). */
  final Map<String, String> successor;

  final String crosswalkHeader;

  private Scope(
      String name,
      List<Era> eras,
      List<YearMonth> months,
      LocalDate ocopStart,
      int days,
      int products,
      double crawlRate,
      Map<String, String> successor,
      String crosswalkHeader) {
    this.name = name;
    this.eras = eras;
    this.months = months;
    this.ocopStart = ocopStart;
    this.days = days;
    this.products = products;
    this.crawlRate = crawlRate;
    this.successor = successor;
    this.crosswalkHeader = crosswalkHeader;
  }

  static Scope of(Options o) {
    Path units = o.repo().resolve("conf/admin-units");
    String crosswalkHeader = UnitFiles.header(units.resolve("crosswalk_2025.csv"));
    if (o.scope().equals("national")) {
      Era era =
          new Era(
              "units_2025_national.csv",
              LocalDate.of(2025, 7, 1),
              null,
              UnitFiles.communes(units.resolve("units_2025_national.csv")));
      // ~38 k lines a day: 16,000 products × 2.5 platforms on average × 95 % crawled per day.
      return new Scope(
          "national",
          List.of(era),
          months(YearMonth.of(2025, 7), 12),
          LocalDate.of(2025, 7, 1),
          value(o.days(), 260),
          value(o.products(), 16_000),
          o.crawlRate() == null ? 0.95 : o.crawlRate(),
          Map.of(),
          crosswalkHeader);
    }
    Era before =
        new Era(
            "units_pre2025.csv",
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 6, 30),
            UnitFiles.communes(units.resolve("units_pre2025.csv")));
    Era after =
        new Era(
            "units_2025.csv",
            LocalDate.of(2025, 7, 1),
            null,
            UnitFiles.communes(units.resolve("units_2025.csv")));
    // ~55 lines a day, like sample-data: 150 products × 2.5 platforms × 15 % crawled per day.
    return new Scope(
        "province",
        List.of(before, after),
        months(YearMonth.of(2025, 1), 10),
        LocalDate.of(2025, 1, 1),
        value(o.days(), 304),
        value(o.products(), 150),
        o.crawlRate() == null ? 0.15 : o.crawlRate(),
        UnitFiles.successors(units.resolve("crosswalk_2025.csv")),
        crosswalkHeader);
  }

  private static int value(Integer given, int fallback) {
    return given == null ? fallback : given;
  }

  private static List<YearMonth> months(YearMonth first, int count) {
    List<YearMonth> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(first.plusMonths(i));
    }
    return list;
  }

  Era eraOn(LocalDate day) {
    return eras.stream()
        .filter(e -> e.contains(day))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no unit list covers " + day));
  }

  int eraIndexOn(LocalDate day) {
    return eras.indexOf(eraOn(day));
  }

  LocalDate earliest() {
    return eras.get(0).from();
  }

  /** A well-formed code that is not valid in {@code era}: one of another era, else 99999. */
  String unknownCodeFor(Era era, SplittableRandom rnd) {
    List<Era> others = eras.stream().filter(e -> e != era).toList();
    if (others.isEmpty()) {
      return "99999";
    }
    for (int tries = 0; tries < 20; tries++) {
      Commune c = Seeds.pick(rnd, Seeds.pick(rnd, others).communes());
      if (era.communes().stream().noneMatch(x -> x.code().equals(c.code()))) {
        return c.code();
      }
    }
    return "99999";
  }
}

/** Reads the reference CSVs of conf/admin-units (RFC 4180, header row). */
final class UnitFiles {
  private UnitFiles() {}

  static String header(Path file) {
    return read(file).get(0).stream().reduce((a, b) -> a + "," + b).orElseThrow();
  }

  static List<Commune> communes(Path file) {
    List<Map<String, String>> rows = rows(file);
    return rows.stream()
        .map(
            r ->
                new Commune(
                    r.get("province_code"),
                    r.get("district_code"),
                    r.get("district_name"),
                    r.get("commune_code"),
                    r.get("commune_name"),
                    r.get("commune_type")))
        .toList();
  }

  /** The pipeline's rule: the successor that took over the old code, else the lowest code. */
  static Map<String, String> successors(Path crosswalk) {
    Map<String, String> assigned = new TreeMap<>();
    for (Map<String, String> r : rows(crosswalk)) {
      String old = r.get("old_commune_code");
      assigned.merge(
          old,
          r.get("new_commune_code"),
          (a, b) -> a.equals(old) || b.equals(old) ? old : a.compareTo(b) <= 0 ? a : b);
    }
    return assigned;
  }

  static List<Map<String, String>> rows(Path file) {
    List<List<String>> records = read(file);
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> rec : records.subList(1, records.size())) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = i < rec.size() ? rec.get(i).strip() : "";
        row.put(header.get(i), v.isEmpty() ? null : v);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }
}

/** Writes DIR/conf (pipeline.yaml, datasets.yaml, admin-units/) and DIR/schemas. */
final class ConfWriter {
  private final Options options;
  private final Scope scope;

  ConfWriter(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
  }

  void write() throws IOException {
    Path conf = options.out().resolve("conf");
    Path units = conf.resolve("admin-units");
    GenerateLanding.deleteTree(conf);
    Files.createDirectories(units);
    Path repoConf = options.repo().resolve("conf");
    Files.copy(
        repoConf.resolve("datasets.yaml"),
        conf.resolve("datasets.yaml"),
        StandardCopyOption.REPLACE_EXISTING);
    if (scope.name.equals("national")) {
      copy(
          repoConf.resolve("admin-units/units_2025_national.csv"),
          units.resolve("units_2025_national.csv"));
      // AdminUnits reads the crosswalk's header only: no edges, every unit is its own 2025 commune.
      Files.writeString(units.resolve("crosswalk_2025.csv"), scope.crosswalkHeader + "\n");
    } else {
      try (Stream<Path> files = Files.list(repoConf.resolve("admin-units"))) {
        for (Path f :
            files
                .filter(f -> !f.getFileName().toString().equals("units_2025_national.csv"))
                .toList()) {
          copy(f, units.resolve(f.getFileName().toString()));
        }
      }
    }
    Files.writeString(
        conf.resolve("pipeline.yaml"),
        pipelineYaml(Files.readString(repoConf.resolve("pipeline.yaml"))));
    Path schemas = options.out().resolve("schemas");
    GenerateLanding.deleteTree(schemas);
    copyTree(options.schemas(), schemas);
  }

  /** The repository's configuration with the landing, output and unit lists of this scope. */
  private String pipelineYaml(String repoYaml) {
    Map<String, String> blocks = topLevelBlocks(repoYaml);
    StringBuilder y = new StringBuilder();
    y.append("# Generated by bench/GenerateLanding.java ")
        .append(options.canonicalArgs())
        .append("\n");
    y.append(
        "# Everything but input, output, schemas and admin_units is copied from conf/pipeline.yaml.\n");
    y.append(
        "input: ../landing\noutput: ../output\nschemas: ../schemas\ndatasets: datasets.yaml\n");
    for (String key : List.of("timezone", "sources")) {
      y.append(blocks.get(key));
    }
    if (scope.name.equals("province")) {
      y.append(blocks.get("admin_units"));
    } else {
      y.append("admin_units:\n  folder: admin-units\n  lists:\n");
      for (Era e : scope.eras) {
        y.append("    - {file: ")
            .append(e.file())
            .append(", valid_from: \"")
            .append(e.from())
            .append('"')
            .append(e.to() == null ? "" : ", valid_to: \"" + e.to() + "\"")
            .append("}\n");
      }
      y.append("  crosswalk: crosswalk_2025.csv\n");
    }
    blocks.forEach(
        (key, block) -> {
          if (!List.of(
                  "input", "output", "schemas", "datasets", "timezone", "sources", "admin_units")
              .contains(key)) {
            y.append(block);
          }
        });
    return y.toString();
  }

  /** Top-level key → its lines (the key line and the indented lines below it, comments dropped). */
  static Map<String, String> topLevelBlocks(String yaml) {
    Map<String, String> blocks = new LinkedHashMap<>();
    String key = null;
    StringBuilder block = new StringBuilder();
    for (String line : yaml.split("\n")) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        if (key != null) {
          blocks.put(key, block.toString());
        }
        key = line.substring(0, line.indexOf(':'));
        block = new StringBuilder();
      }
      block.append(line).append('\n');
    }
    if (key != null) {
      blocks.put(key, block.toString());
    }
    return blocks;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          copy(p, target);
        }
      }
    }
  }
}

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
            .append(Json.quote(source))
            .append(", \"where\": ")
            .append(Json.quote(where))
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
    String sep = "";
    for (Map.Entry<String, FileStats> e : perFile.entrySet()) {
      FileStats f = e.getValue();
      j.append(sep)
          .append("\n")
          .append(indent)
          .append("   ")
          .append(Json.quote(e.getKey()))
          .append(": {\"rows\": ")
          .append(f.rows())
          .append(", \"bytes\": ")
          .append(f.bytes())
          .append(", \"bad\": {");
      rules(j, f.bad());
      j.append("}}");
      sep = ",";
    }
    return j.append("}}").toString();
  }

  private static void rules(StringBuilder j, Map<String, Long> counts) {
    String sep = "";
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      j.append(sep).append(Json.quote(e.getKey())).append(": ").append(e.getValue());
      sep = ", ";
    }
  }
}

final class Json {
  private Json() {}

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}

/** Vietnamese text helpers: slugs for file names and URLs, and a coarse name key. */
final class Text {
  private Text() {}

  /** ASCII, lower case, dashes: "Huyện Bá Thước" → "huyen-ba-thuoc". */
  static String slug(String s) {
    String ascii =
        Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** Name without its type prefix: "Xã Trung Hạ" → "Trung Hạ". */
  static String bare(String name) {
    for (String prefix : List.of("Xã ", "Phường ", "Thị trấn ", "Đặc khu ")) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  /**
   * Coarser than the pipeline's name folding (no diacritics at all, no type prefix): a name unique
   * under this key is certainly unique, and so resolvable, for the pipeline.
   */
  static String coarseKey(String name, String district) {
    return slug(bare(name)) + "|" + (district == null ? "" : slug(district));
  }

  static String twoDigits(int v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }

  static String grouped(long v, char separator) {
    String digits = Long.toString(Math.abs(v));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        b.append(separator);
      }
      b.append(digits.charAt(i));
    }
    return (v < 0 ? "-" : "") + b;
  }

  /** A CSV field, quoted when it holds the delimiter, a quote or a line break. */
  static String csvField(String v, char delimiter) {
    if (v.indexOf(delimiter) >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  static String csvLine(List<String> fields, char delimiter) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(delimiter);
      }
      b.append(csvField(fields.get(i), delimiter));
    }
    return b.append('\n').toString();
  }
}

/** Writes one whole file from a string in the given encoding and records it in a tally. */
final class FileOut {
  private FileOut() {}

  static void write(
      Path file, String text, String encoding, Tally tally, long rows, Map<String, Long> bad) {
    byte[] body =
        switch (encoding) {
          case "utf-8-bom" ->
              concat(
                  new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                  text.getBytes(StandardCharsets.UTF_8));
          case "utf-16le" ->
              concat(
                  new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
          default -> text.getBytes(StandardCharsets.UTF_8);
        };
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tally.file(
        file.getParent().getFileName() + "/" + file.getFileName(),
        rows,
        body.length,
        body.length,
        bad);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}

/**
 * commune-reports/: one file per month and group (province nationally; old district in Thanh Hóa,
 * post-reform communes grouped by the old district of their code), in varied layouts (header
 * language and order, delimiter, encoding, number, date and boolean spellings), plus one
 * resubmission file per month whose later rows replace earlier ones.
 */
final class CommuneReports {
  static final List<String> COLUMNS =
      List.of(
          "report_period",
          "commune_code",
          "commune_name",
          "district_name",
          "submitted_at",
          "population",
          "households",
          "digital_teams",
          "digital_team_members",
          "online_dossiers_received",
          "online_dossiers_on_time",
          "smartphone_users_pct",
          "fiber_households",
          "dt_completed",
          "notes");
  static final List<String> LABELS =
      List.of(
          "Kỳ báo cáo",
          "Mã xã",
          "Tên xã",
          "Huyện",
          "Thời điểm gửi",
          "Dân số",
          "Số hộ",
          "Số tổ công nghệ số cộng đồng",
          "Số thành viên tổ công nghệ số",
          "Hồ sơ trực tuyến tiếp nhận",
          "Hồ sơ trực tuyến giải quyết đúng hạn",
          "Tỷ lệ người dùng điện thoại thông minh (%)",
          "Số hộ có cáp quang",
          "Hoàn thành chuyển đổi số cấp xã",
          "Ghi chú");
  static final List<String> NOTES =
      List.of(
          "Đã cập nhật số liệu tổ công nghệ số",
          "Số liệu tạm tính, sẽ gửi bổ sung",
          "Cáp quang tăng do triển khai dự án \"Xã thông minh\"",
          "Hồ sơ trễ hạn do lỗi hệ thống, đã báo cáo huyện");

  enum Fault {
    BAD_MONTH("bad-month"),
    BAD_CODE("bad-commune-code"),
    UNKNOWN_CODE("unknown-commune-code"),
    UNRESOLVED_NAME("unresolved-commune-name"),
    BAD_TIMESTAMP("bad-timestamp"),
    BAD_INTEGER("bad-integer"),
    NEGATIVE("out-of-range"),
    BAD_DECIMAL("bad-decimal"),
    PCT_OVER_100("out-of-range"),
    BAD_BOOLEAN("bad-boolean"),
    MISSING_VALUE("missing-value"),
    MEMBERS_BELOW_TEAMS("members-below-teams"),
    ON_TIME_EXCEEDS("on-time-exceeds-received"),
    FIBER_EXCEEDS("fiber-exceeds-households"),
    FIELD_COUNT("field-count"),
    NO_UNIT_LIST("unit-list-unavailable");

    final String rule;

    Fault(String rule) {
      this.rule = rule;
    }
  }

  /** One report, typed; formatted only once the file's layout is known. */
  record Report(
      YearMonth period,
      Commune commune,
      boolean blankCode,
      LocalDateTime submitted,
      long population,
      long households,
      long teams,
      long members,
      long received,
      long onTime,
      int pctTenths,
      long fiber,
      boolean completed,
      String notes,
      Fault fault) {}

  enum Bool {
    CO_KHONG("Có", "Không"),
    X_BLANK("x", ""),
    ONE_ZERO("1", "0"),
    TRUE_FALSE("true", "false"),
    YES_NO("yes", "no");

    final String yes;
    final String no;

    Bool(String yes, String no) {
      this.yes = yes;
      this.no = no;
    }
  }

  /** How one file is laid out. */
  record Layout(
      boolean vietnamese,
      int[] order,
      char delimiter,
      String encoding,
      boolean slashMonth,
      String timestamps,
      char grouping,
      boolean decimalComma,
      Bool bool) {}

  private final Options options;
  private final Scope scope;

  /** Unit list file + coarse name key of the communes a blank code can safely stand for. */
  private final Set<String> uniqueNames = new HashSet<>();

  CommuneReports(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
    for (Era era : scope.eras) {
      Map<String, Integer> counts = new HashMap<>();
      era.communes()
          .forEach(c -> counts.merge(Text.coarseKey(c.name(), c.districtName()), 1, Integer::sum));
      counts.forEach(
          (k, n) -> {
            if (n == 1) {
              uniqueNames.add(era.file() + "|" + k);
            }
          });
    }
  }

  Tally write(Path folder) {
    Tally tally = new Tally("commune-reports", "landing");
    for (YearMonth month : scope.months) {
      Era era = scope.eraOn(month.atDay(1));
      Map<String, List<Commune>> groups = groups(era);
      List<Report> resubmissions = new ArrayList<>();
      int g = 0;
      for (Map.Entry<String, List<Commune>> group : groups.entrySet()) {
        SplittableRandom rnd = Seeds.rng(options.seed(), "reports/" + month, g++);
        List<Report> rows = new ArrayList<>();
        for (Commune c : group.getValue()) {
          rows.add(report(month, era, c, rnd, false));
          if (rnd.nextDouble() < 0.005) {
            resubmissions.add(report(month, era, c, rnd, true));
          }
        }
        writeFile(
            folder.resolve(month + "_" + group.getKey() + ".csv"), rows, layout(rnd, rows), tally);
      }
      if (!resubmissions.isEmpty()) {
        SplittableRandom rnd = Seeds.rng(options.seed(), "reports/" + month + "/resubmitted", 0);
        tally.resubmitted += resubmissions.size();
        writeFile(
            folder.resolve(month + "_gui-lai.csv"),
            resubmissions,
            layout(rnd, resubmissions),
            tally);
      }
    }
    return tally;
  }

  /** File group → communes: the province nationally, the (old) district in Thanh Hóa. */
  private Map<String, List<Commune>> groups(Era era) {
    Map<String, List<Commune>> groups = new TreeMap<>();
    Map<String, Commune> old = new HashMap<>();
    scope.eras.get(0).communes().forEach(c -> old.put(c.code(), c));
    for (Commune c : era.communes()) {
      String key;
      if (c.districtName() != null) {
        key = Text.slug(c.districtName());
      } else if (scope.name.equals("province")) {
        Commune before = old.get(c.code());
        key = before == null ? "khac" : Text.slug(before.districtName());
      } else {
        key = "tinh-" + c.provinceCode();
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    return groups;
  }

  private Report report(
      YearMonth month, Era era, Commune c, SplittableRandom rnd, boolean resubmission) {
    SplittableRandom base =
        Seeds.rng(options.seed(), "commune/" + era.file(), Long.parseLong(c.code()));
    int monthIndex = scope.months.indexOf(month);
    double growth = 1 + 0.002 * monthIndex;
    long population = Math.round((3_000 + base.nextInt(60_000)) * growth);
    long households = population * (26 + base.nextInt(8)) / 100;
    long teams = 3 + base.nextInt(18);
    long members = teams * (3 + base.nextInt(3)) + rnd.nextInt(3);
    long received = Math.max(1, population / (40 + base.nextInt(80)) + rnd.nextInt(30));
    long onTime =
        received - (rnd.nextDouble() < 0.3 ? rnd.nextInt((int) Math.min(received, 10) + 1) : 0);
    int pctTenths = 550 + base.nextInt(350) + monthIndex * 3 + rnd.nextInt(10);
    long fiber = households * (45 + base.nextInt(50)) / 100;
    boolean completed = rnd.nextDouble() < 0.1 + 0.05 * monthIndex;
    String notes = rnd.nextDouble() < 0.03 ? Seeds.pick(rnd, NOTES) : "";
    YearMonth next = month.plusMonths(1);
    LocalDateTime submitted =
        resubmission
            ? next.atDay(12 + rnd.nextInt(10)).atTime(8 + rnd.nextInt(9), rnd.nextInt(60))
            : next.atDay(1 + rnd.nextInt(10)).atTime(7 + rnd.nextInt(11), rnd.nextInt(60));
    boolean blankCode =
        !resubmission
            && rnd.nextDouble() < 0.01
            && uniqueNames.contains(era.file() + "|" + Text.coarseKey(c.name(), c.districtName()));
    Fault fault =
        !resubmission && rnd.nextDouble() < options.bad() ? Seeds.pick(rnd, Fault.values()) : null;
    if (resubmission) {
      received += 5;
      onTime += 5;
    }
    return new Report(
        month,
        c,
        blankCode,
        submitted,
        population,
        households,
        teams,
        members,
        received,
        onTime,
        Math.min(pctTenths, 1000),
        fiber,
        completed,
        notes,
        fault);
  }

  private static Layout layout(SplittableRandom rnd, List<Report> rows) {
    boolean vietnamese = rnd.nextDouble() < 0.6;
    int[] order = new int[COLUMNS.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (rnd.nextDouble() < 0.3) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    double e = rnd.nextDouble();
    String encoding = e < 0.8 ? "utf-8" : e < 0.95 ? "utf-8-bom" : "utf-16le";
    char delimiter = rnd.nextDouble() < 0.9 ? ',' : ';';
    String timestamps = Seeds.pick(rnd, List.of("dd/MM/yyyy HH:mm", "iso-offset", "iso-local"));
    char grouping = Seeds.pick(rnd, List.of('\0', '.', ' '));
    Bool bool = Seeds.pick(rnd, Bool.values());
    // The x/blank convention is recognised only in a file that has an 'x' somewhere.
    if (bool == Bool.X_BLANK
        && rows.stream().noneMatch(r -> r.completed() && r.fault() != Fault.BAD_BOOLEAN)) {
      bool = Bool.CO_KHONG;
    }
    return new Layout(
        vietnamese,
        order,
        delimiter,
        encoding,
        rnd.nextBoolean(),
        timestamps,
        grouping,
        rnd.nextBoolean(),
        bool);
  }

  private void writeFile(Path file, List<Report> rows, Layout layout, Tally tally) {
    List<String> header = new ArrayList<>();
    for (int i : layout.order()) {
      header.add((layout.vietnamese() ? LABELS : COLUMNS).get(i));
    }
    StringBuilder text = new StringBuilder(Text.csvLine(header, layout.delimiter()));
    Map<String, Long> bad = new TreeMap<>();
    for (Report r : rows) {
      String[] cells = cells(r, layout);
      if (r.fault() != null) {
        cells = broken(r, cells, layout);
        Tally.count(bad, r.fault().rule);
      }
      List<String> ordered = new ArrayList<>();
      for (int i : layout.order()) {
        ordered.add(cells[i]);
      }
      if (r.fault() == Fault.FIELD_COUNT) {
        ordered.add("thừa");
      }
      text.append(Text.csvLine(ordered, layout.delimiter()));
    }
    FileOut.write(file, text.toString(), layout.encoding(), tally, rows.size(), bad);
  }

  private static String[] cells(Report r, Layout l) {
    String[] c = new String[COLUMNS.size()];
    c[0] =
        l.slashMonth()
            ? Text.twoDigits(r.period().getMonthValue()) + "/" + r.period().getYear()
            : r.period().toString();
    c[1] = r.blankCode() ? "" : r.commune().code();
    c[2] = r.commune().name();
    c[3] = r.commune().districtName() == null ? "" : r.commune().districtName();
    c[4] = timestamp(r.submitted(), l.timestamps());
    c[5] = integer(r.population(), l);
    c[6] = integer(r.households(), l);
    c[7] = integer(r.teams(), l);
    c[8] = integer(r.members(), l);
    c[9] = integer(r.received(), l);
    c[10] = integer(r.onTime(), l);
    c[11] = (r.pctTenths() / 10) + (l.decimalComma() ? "," : ".") + (r.pctTenths() % 10);
    c[12] = integer(r.fiber(), l);
    c[13] = r.completed() ? l.bool().yes : l.bool().no;
    c[14] = r.notes();
    return c;
  }

  private static String integer(long v, Layout l) {
    return l.grouping() == '\0' ? Long.toString(v) : Text.grouped(v, l.grouping());
  }

  private static String timestamp(LocalDateTime t, String style) {
    String date = t.toLocalDate().toString();
    String time = Text.twoDigits(t.getHour()) + ":" + Text.twoDigits(t.getMinute());
    return switch (style) {
      case "dd/MM/yyyy HH:mm" ->
          Text.twoDigits(t.getDayOfMonth())
              + "/"
              + Text.twoDigits(t.getMonthValue())
              + "/"
              + t.getYear()
              + " "
              + time;
      case "iso-offset" -> date + "T" + time + ":00+07:00";
      default -> date + "T" + time + ":00";
    };
  }

  /** The cells with exactly one rule broken (the fault's); every other cell stays valid. */
  private String[] broken(Report r, String[] c, Layout l) {
    SplittableRandom rnd =
        Seeds.rng(
            options.seed(), "reports/fault/" + r.period(), Long.parseLong(r.commune().code()));
    switch (r.fault()) {
      case BAD_MONTH ->
          c[0] = l.slashMonth() ? "13/" + r.period().getYear() : r.period().getYear() + "-13";
      case BAD_CODE -> c[1] = r.commune().code().substring(1);
      case UNKNOWN_CODE -> c[1] = scope.unknownCodeFor(scope.eraOn(r.period().atDay(1)), rnd);
      case UNRESOLVED_NAME -> {
        c[1] = "";
        c[2] = "Xã Không Tồn Tại";
      }
      case BAD_TIMESTAMP ->
          c[4] =
              l.timestamps().equals("dd/MM/yyyy HH:mm")
                  ? "32" + c[4].substring(2)
                  : c[4].substring(0, 8) + "32" + c[4].substring(10);
      case BAD_INTEGER -> c[5] = "khoảng " + c[5];
      case NEGATIVE -> c[6] = "-" + c[6];
      case BAD_DECIMAL -> c[11] = "n/a";
      case PCT_OVER_100 -> c[11] = "112" + (l.decimalComma() ? "," : ".") + "5";
      case BAD_BOOLEAN -> c[13] = "chưa";
      case MISSING_VALUE -> c[5] = "";
      case MEMBERS_BELOW_TEAMS -> c[8] = integer(r.teams() - 1, l);
      case ON_TIME_EXCEEDS -> c[10] = integer(r.received() + 5, l);
      case FIBER_EXCEEDS -> c[12] = integer(r.households() + 10, l);
      case FIELD_COUNT -> {} // an extra cell is appended by the caller
      case NO_UNIT_LIST -> {
        YearMonth before = YearMonth.from(scope.earliest()).minusMonths(1);
        c[0] =
            l.slashMonth()
                ? Text.twoDigits(before.getMonthValue()) + "/" + before.getYear()
                : before.toString();
      }
    }
    return c;
  }
}

/**
 * payment-accounts/: strict machine-made CSV, one file per provider and month (each commune served
 * by about five providers of the three types), plus one correction file per month.
 */
final class PaymentAccounts {
  record Provider(String name, String type) {}

  static final List<Provider> BANKS =
      List.of(
          new Provider("VietinBank", "bank"),
          new Provider("BIDV", "bank"),
          new Provider("Vietcombank", "bank"),
          new Provider("MB", "bank"),
          new Provider("Techcombank", "bank"),
          new Provider("Sacombank", "bank"));
  static final Provider AGRIBANK = new Provider("Agribank", "bank");
  static final List<Provider> WALLETS =
      List.of(
          new Provider("MoMo", "e_wallet"),
          new Provider("ZaloPay", "e_wallet"),
          new Provider("ShopeePay", "e_wallet"),
          new Provider("VNPay", "e_wallet"));
  static final List<Provider> MOBILE =
      List.of(
          new Provider("Viettel Money", "mobile_money"),
          new Provider("VNPT Money", "mobile_money"),
          new Provider("MobiFone Money", "mobile_money"));
  static final String HEADER =
      "period,commune_code,provider_type,provider_name,accounts_total,accounts_opened,"
          + "accounts_active,reported_at\n";

  enum Fault {
    BAD_MONTH("bad-month"),
    BAD_CODE("bad-commune-code"),
    UNKNOWN_CODE("unknown-commune-code"),
    BAD_TYPE("unknown-value"),
    MISSING_NAME("missing-value"),
    BAD_INTEGER("bad-integer"),
    NEGATIVE("out-of-range"),
    BAD_TIMESTAMP("bad-timestamp"),
    OPENED_EXCEEDS("opened-exceeds-total"),
    ACTIVE_EXCEEDS("active-exceeds-total"),
    NO_UNIT_LIST("unit-list-unavailable");

    final String rule;

    Fault(String rule) {
      this.rule = rule;
    }
  }

  private final Options options;
  private final Scope scope;

  PaymentAccounts(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
  }

  Tally write(Path folder) {
    Tally tally = new Tally("payment-accounts", "landing");
    for (YearMonth month : scope.months) {
      Era era = scope.eraOn(month.atDay(1));
      Map<Provider, StringBuilder> files = new LinkedHashMap<>();
      Map<Provider, Long> rows = new HashMap<>();
      Map<Provider, Map<String, Long>> bad = new HashMap<>();
      StringBuilder corrections = new StringBuilder(HEADER);
      long correctionRows = 0;
      SplittableRandom rnd = Seeds.rng(options.seed(), "payments/" + month, 0);
      for (Commune c : era.communes()) {
        for (Provider p : providers(era, c)) {
          long[] counts = counts(month, era, c, p, rnd);
          String reported =
              month.plusMonths(1).atDay(1 + rnd.nextInt(7))
                  + "T"
                  + Text.twoDigits(8 + rnd.nextInt(10))
                  + ":"
                  + Text.twoDigits(rnd.nextInt(60))
                  + ":00+07:00";
          String[] cells = {
            month.toString(),
            c.code(),
            p.type(),
            p.name(),
            Long.toString(counts[0]),
            Long.toString(counts[1]),
            Long.toString(counts[2]),
            reported
          };
          if (rnd.nextDouble() < options.bad()) {
            Fault fault = Seeds.pick(rnd, Fault.values());
            cells = broken(fault, cells, counts, era, rnd);
            Tally.count(bad.computeIfAbsent(p, k -> new TreeMap<>()), fault.rule);
          }
          files
              .computeIfAbsent(p, k -> new StringBuilder(HEADER))
              .append(Text.csvLine(List.of(cells), ','));
          rows.merge(p, 1L, Long::sum);
          if (rnd.nextDouble() < 0.002) {
            String later = month.plusMonths(1).atDay(15) + "T10:00:00+07:00";
            corrections.append(
                Text.csvLine(
                    List.of(
                        month.toString(),
                        c.code(),
                        p.type(),
                        p.name(),
                        Long.toString(counts[0] + 3),
                        Long.toString(counts[1] + 3),
                        Long.toString(counts[2]),
                        later),
                    ','));
            correctionRows++;
          }
        }
      }
      for (Map.Entry<Provider, StringBuilder> f : files.entrySet()) {
        FileOut.write(
            folder.resolve(month + "_" + Text.slug(f.getKey().name()) + ".csv"),
            f.getValue().toString(),
            "utf-8",
            tally,
            rows.get(f.getKey()),
            bad.getOrDefault(f.getKey(), Map.of()));
      }
      if (correctionRows > 0) {
        tally.resubmitted += correctionRows;
        FileOut.write(
            folder.resolve(month + "_dieu-chinh.csv"),
            corrections.toString(),
            "utf-8",
            tally,
            correctionRows,
            Map.of());
      }
    }
    return tally;
  }

  /**
   * Five on average: Agribank, another bank, often a third, one or two e-wallets, a mobile-money
   * provider.
   */
  private List<Provider> providers(Era era, Commune c) {
    SplittableRandom rnd =
        Seeds.rng(options.seed(), "providers/" + era.file(), Long.parseLong(c.code()));
    List<Provider> list = new ArrayList<>();
    list.add(AGRIBANK);
    List<Provider> banks = new ArrayList<>(BANKS);
    list.add(banks.remove(rnd.nextInt(banks.size())));
    if (rnd.nextBoolean()) {
      list.add(banks.remove(rnd.nextInt(banks.size())));
    }
    List<Provider> wallets = new ArrayList<>(WALLETS);
    list.add(wallets.remove(rnd.nextInt(wallets.size())));
    if (rnd.nextBoolean()) {
      list.add(wallets.remove(rnd.nextInt(wallets.size())));
    }
    list.add(Seeds.pick(rnd, MOBILE));
    return list;
  }

  /** total, opened, active: growing month by month; some small counts, to exercise small cells. */
  private long[] counts(YearMonth month, Era era, Commune c, Provider p, SplittableRandom rnd) {
    SplittableRandom base =
        Seeds.rng(
            options.seed(), "accounts/" + era.file() + "/" + p.name(), Long.parseLong(c.code()));
    long start = p.type().equals("bank") ? 50 + base.nextInt(4_000) : 2 + base.nextInt(600);
    long total = Math.round(start * (1 + 0.01 * scope.months.indexOf(month))) + rnd.nextInt(5);
    long opened = Math.min(total, total / 50 + rnd.nextInt(4));
    long active = total * (40 + rnd.nextInt(50)) / 100;
    return new long[] {total, opened, active};
  }

  private String[] broken(Fault fault, String[] c, long[] counts, Era era, SplittableRandom rnd) {
    switch (fault) {
      case BAD_MONTH -> c[0] = c[0].substring(5) + "/" + c[0].substring(0, 4);
      case BAD_CODE -> c[1] = c[1].substring(1);
      case UNKNOWN_CODE -> c[1] = scope.unknownCodeFor(era, rnd);
      case BAD_TYPE -> c[2] = "credit_card";
      case MISSING_NAME -> c[3] = "";
      case BAD_INTEGER -> c[4] = c[4] + ".0";
      case NEGATIVE -> c[5] = "-" + (1 + rnd.nextInt(9));
      case BAD_TIMESTAMP -> c[7] = c[7].substring(0, 10) + " " + c[7].substring(11, 19);
      case OPENED_EXCEEDS -> c[5] = Long.toString(counts[0] + 1);
      case ACTIVE_EXCEEDS -> c[6] = Long.toString(counts[0] + 1);
      case NO_UNIT_LIST -> c[0] = YearMonth.from(scope.earliest()).minusMonths(1).toString();
    }
    return c;
  }
}

/** A growable byte buffer for building JSON lines without String churn. */
final class Bytes {
  byte[] buf;
  int len;

  Bytes(int capacity) {
    buf = new byte[capacity];
  }

  private void room(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  Bytes put(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  Bytes put(Bytes b) {
    room(b.len);
    System.arraycopy(b.buf, 0, buf, len, b.len);
    len += b.len;
    return this;
  }

  Bytes ascii(String s) {
    room(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  Bytes number(long v) {
    if (v < 0) {
      room(1);
      buf[len++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    room(digits);
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len += digits;
    return this;
  }

  Bytes twoDigits(int v) {
    room(2);
    buf[len++] = (byte) ('0' + v / 10);
    buf[len++] = (byte) ('0' + v % 10);
    return this;
  }

  Bytes bool(boolean b) {
    return ascii(b ? "true" : "false");
  }

  String text() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }
}

/** The OCOP catalogue: products, and each product's listings on one to four platforms. */
final class OcopCatalog {
  static final String[] PLATFORMS = {
    "shopee", "lazada", "tiki", "tiktok_shop", "sendo", "postmart", "voso"
  };
  static final String[] SELLER_TYPES = {"htx", "doanh_nghiep", "ho_kinh_doanh"};

  /** A kind of product: name stem, category, sale units, price range in thousand đồng. */
  record Kind(String stem, String category, String[] units, int minK, int maxK) {}

  static final Kind[] KINDS = {
    new Kind("Nem chua", "thuc_pham", new String[] {"hộp 500g", "chục 10 chiếc"}, 45, 120),
    new Kind("Gạo hữu cơ", "thuc_pham", new String[] {"túi 5kg", "túi 2kg"}, 90, 260),
    new Kind("Mật ong rừng", "thuc_pham", new String[] {"chai 500ml", "chai 1 lít"}, 150, 450),
    new Kind("Nước mắm", "thuc_pham", new String[] {"chai 500ml", "can 2 lít"}, 40, 180),
    new Kind("Bánh gai", "thuc_pham", new String[] {"hộp 10 chiếc", "túi 5 chiếc"}, 35, 90),
    new Kind("Chả tôm", "thuc_pham", new String[] {"hộp 500g", "gói 300g"}, 120, 320),
    new Kind("Miến dong", "thuc_pham", new String[] {"gói 500g", "túi 1kg"}, 40, 110),
    new Kind("Bưởi Diễn", "thuc_pham", new String[] {"quả 1,2kg", "thùng 5 quả"}, 60, 300),
    new Kind("Chè Shan tuyết", "do_uong", new String[] {"hộp 200g", "túi 500g"}, 120, 600),
    new Kind("Rượu men lá", "do_uong", new String[] {"chai 500ml", "bình 2 lít"}, 80, 350),
    new Kind("Trà hoa vàng", "do_uong", new String[] {"hộp 100g", "hộp 50g"}, 200, 900),
    new Kind("Cà phê bột", "do_uong", new String[] {"gói 500g", "túi 1kg"}, 90, 280),
    new Kind("Tinh dầu quế", "duoc_lieu", new String[] {"lọ 10ml", "lọ 50ml"}, 50, 220),
    new Kind("Trà giảo cổ lam", "duoc_lieu", new String[] {"túi 500g", "hộp 30 gói"}, 80, 260),
    new Kind("Cao lá xông", "duoc_lieu", new String[] {"chai 250ml", "hộp 10 gói"}, 45, 150),
    new Kind(
        "Thảm cói", "thu_cong_my_nghe", new String[] {"chiếc 60x90cm", "chiếc 1,2x1,8m"}, 90, 650),
    new Kind("Giỏ mây tre đan", "thu_cong_my_nghe", new String[] {"chiếc", "bộ 3 chiếc"}, 60, 400),
    new Kind("Khăn thổ cẩm", "thu_cong_my_nghe", new String[] {"chiếc", "bộ 2 chiếc"}, 120, 480),
    new Kind("Bình gốm men lam", "luu_niem_noi_that", new String[] {"chiếc", "bộ"}, 250, 1800),
    new Kind("Tượng gỗ mỹ nghệ", "luu_niem_noi_that", new String[] {"chiếc"}, 300, 3500),
    new Kind("Đèn mây tre", "luu_niem_noi_that", new String[] {"chiếc", "bộ 2 chiếc"}, 180, 900),
    new Kind(
        "Tour trải nghiệm làng nghề",
        "du_lich",
        new String[] {"vé/người", "gói/nhóm 10 người"},
        150,
        1500),
    new Kind("Homestay cộng đồng", "du_lich", new String[] {"đêm/phòng"}, 350, 1200)
  };
  static final String[] BRANDS = {
    "Hương Quê",
    "Việt Hưng",
    "Phúc Lộc",
    "An Khang",
    "Thành Đạt",
    "Hồng Phát",
    "Minh Châu",
    "Bảo An",
    "Tân Tiến",
    "Hòa Bình",
    "Đại Phát",
    "Ngọc Lan"
  };
  static final String[] HTX_TRADES = {
    "Nông nghiệp",
    "Dịch vụ nông nghiệp",
    "Nông nghiệp hữu cơ",
    "Thủ công mỹ nghệ",
    "Chế biến nông sản",
    "Du lịch cộng đồng",
    "Dược liệu"
  };
  static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô"
  };
  static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Quang"};
  static final String[] GIVEN = {
    "Hùng", "Lan", "Dũng", "Hoa", "Tuấn", "Mai", "Sơn", "Hương", "Long", "Thủy"
  };

  /** One product: what every listing of it shares; seller commune per unit list (era). */
  record Product(
      int index,
      String code,
      int stars,
      Kind kind,
      String unit,
      LocalDate certifiedOn,
      String name,
      String sellerName,
      String sellerType,
      String[] sellerCommune,
      int priceK,
      boolean stamp,
      int[] platforms) {}

  private final Options options;
  private final Scope scope;
  private final List<String> provinces;
  private final Map<String, List<Commune>> communesByProvince;
  private final Map<String, int[]> nextNumber = new HashMap<>();
  private static final int FIRST_YEAR = 2019;
  private final LocalDate lastCertification;

  OcopCatalog(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
    this.communesByProvince = scope.eras.get(0).byProvince();
    this.provinces = new ArrayList<>(communesByProvince.keySet());
    this.lastCertification = scope.ocopStart.minusDays(1);
  }

  /** Products are made in index order (OCOP numbers count up per province and year). */
  Product product(int index) {
    SplittableRandom rnd = Seeds.rng(options.seed(), "product", index);
    String province = provinces.get(index % provinces.size());
    Commune seller = Seeds.pick(rnd, communesByProvince.get(province));
    Kind kind = Seeds.pick(rnd, KINDS);
    int year = FIRST_YEAR + rnd.nextInt(lastCertification.getYear() - FIRST_YEAR + 1);
    int number = 0;
    for (int tries = 0; number == 0; tries++) {
      if (tries > lastCertification.getYear() - FIRST_YEAR) {
        throw new IllegalStateException(
            "too many products for the OCOP-"
                + province
                + "-<year>-<4 digits> codes ("
                + (lastCertification.getYear() - FIRST_YEAR + 1)
                + " years × 9,999); ask for fewer products");
      }
      int[] counter = nextNumber.computeIfAbsent(province + "-" + year, k -> new int[1]);
      if (counter[0] < 9999) {
        number = ++counter[0];
      } else {
        year = year == lastCertification.getYear() ? FIRST_YEAR : year + 1;
      }
    }
    LocalDate certified = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(365));
    if (certified.isAfter(lastCertification)) {
      certified = lastCertification.minusDays(rnd.nextInt(150));
    }
    String place = Text.bare(seller.name());
    String brand = Seeds.pick(rnd, BRANDS);
    String name = kind.stem() + " " + place + (rnd.nextBoolean() ? " " + brand : "");
    String sellerType = Seeds.pick(rnd, SELLER_TYPES);
    String sellerName =
        switch (sellerType) {
          case "htx" -> "HTX " + Seeds.pick(rnd, HTX_TRADES) + " " + place;
          case "doanh_nghiep" -> "Công ty TNHH " + brand + " " + place;
          default ->
              "Hộ kinh doanh "
                  + Seeds.pick(rnd, FAMILY)
                  + " "
                  + Seeds.pick(rnd, MIDDLE)
                  + " "
                  + Seeds.pick(rnd, GIVEN);
        };
    String[] communes = new String[scope.eras.size()];
    for (int e = 0; e < communes.length; e++) {
      communes[e] =
          e == 0 ? seller.code() : scope.successor.getOrDefault(seller.code(), seller.code());
    }
    int priceK = kind.minK() + rnd.nextInt(kind.maxK() - kind.minK() + 1);
    String code =
        "OCOP-" + province + "-" + year + "-" + String.format(Locale.ROOT, "%04d", number);
    return new Product(
        index,
        code,
        3 + rnd.nextInt(3),
        kind,
        Seeds.pick(rnd, kind.units()),
        certified,
        name,
        sellerName,
        sellerType,
        communes,
        priceK,
        rnd.nextDouble() < 0.6,
        platforms(rnd));
  }

  /** One to four distinct platforms, in platform order. */
  private static int[] platforms(SplittableRandom rnd) {
    int count = 1 + rnd.nextInt(4);
    List<Integer> all = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    int[] chosen = new int[count];
    for (int i = 0; i < count; i++) {
      chosen[i] = all.remove(rnd.nextInt(all.size()));
    }
    Arrays.sort(chosen);
    return chosen;
  }
}

/**
 * One listing (a product on one platform), with the parts of its JSON line that never change
 * pre-encoded: everything up to the price (one per unit list, since the seller's commune code
 * depends on the date), and the fixed pieces between the daily values.
 */
final class Listing {
  /** Length of the platform's own ids, in OcopCatalog.PLATFORMS order. */
  private static final int[] ID_DIGITS = {10, 10, 8, 19, 9, 8, 8};

  final OcopCatalog.Product product;
  final int platformIndex;
  final String platform;
  final String nativeId;
  final byte[][] head;
  final byte[] unitAndStock;
  final byte[] ratingAndReviews;
  final byte[] soldKey;
  final byte[] tail;
  final int basePrice;
  final long reviews;
  final long sold;
  final int soldPerDay;

  Listing(long seed, OcopCatalog.Product p, int platformIndex, int eraCount) {
    this.product = p;
    this.platformIndex = platformIndex;
    this.platform = OcopCatalog.PLATFORMS[platformIndex];
    this.nativeId = nativeId(platformIndex, p.index());
    SplittableRandom rnd = Seeds.rng(seed, "listing/" + platform, p.index());
    this.head = new byte[eraCount][];
    for (int e = 0; e < eraCount; e++) {
      head[e] = head(p, p.sellerCommune()[e]).getBytes(StandardCharsets.UTF_8);
    }
    this.unitAndStock =
        (",\"unit\":" + Json.quote(p.unit()) + ",\"in_stock\":").getBytes(StandardCharsets.UTF_8);
    int rating = 38 + rnd.nextInt(13);
    // voso lists neither rating nor reviews; sendo has no sold count; postmart reports it as null.
    this.ratingAndReviews =
        platform.equals("voso")
            ? new byte[0]
            : (",\"rating\":" + rating / 10 + "." + rating % 10 + ",\"review_count\":")
                .getBytes(StandardCharsets.UTF_8);
    this.soldKey =
        platform.equals("sendo")
            ? new byte[0]
            : (platform.equals("postmart") ? ",\"sold_count\":null" : ",\"sold_count\":")
                .getBytes(StandardCharsets.UTF_8);
    this.tail =
        (",\"traceability_stamp\":" + p.stamp() + ",\"crawled_at\":\"")
            .getBytes(StandardCharsets.UTF_8);
    this.basePrice = (int) Math.round(p.priceK() * (0.92 + 0.16 * rnd.nextDouble())) * 1000;
    this.reviews = rnd.nextInt(400);
    this.sold = reviews * (3 + rnd.nextInt(6));
    this.soldPerDay = rnd.nextInt(12);
  }

  boolean hasReviews() {
    return ratingAndReviews.length > 0;
  }

  boolean hasSoldNumber() {
    return soldKey.length > 0 && !platform.equals("postmart");
  }

  private String head(OcopCatalog.Product p, String commune) {
    return "{\"listing_id\":\""
        + platform
        + ":"
        + nativeId
        + "\",\"platform\":\""
        + platform
        + "\",\"url\":"
        + Json.quote(url(p))
        + ",\"product\":{\"name\":"
        + Json.quote(p.name())
        + ",\"ocop_code\":\""
        + p.code()
        + "\",\"ocop_stars\":"
        + p.stars()
        + ",\"category\":\""
        + p.kind().category()
        + "\",\"certified_on\":\""
        + p.certifiedOn()
        + "\"},\"seller\":{\"name\":"
        + Json.quote(p.sellerName())
        + ",\"type\":\""
        + p.sellerType()
        + "\",\"commune_code\":\""
        + commune
        + "\"},\"price_vnd\":";
  }

  private String url(OcopCatalog.Product p) {
    String slug = Text.slug(p.name());
    return switch (platform) {
      case "shopee" ->
          "https://shopee.vn/" + slug + "-i." + (100_000 + p.index() % 900_000) + "." + nativeId;
      case "lazada" -> "https://www.lazada.vn/products/" + slug + "-i" + nativeId + ".html";
      case "tiki" -> "https://tiki.vn/" + slug + "-p" + nativeId + ".html";
      case "tiktok_shop" -> "https://www.tiktok.com/view/product/" + nativeId;
      case "sendo" -> "https://www.sendo.vn/" + slug + "-" + nativeId + ".html";
      case "postmart" -> "https://postmart.vn/san-pham/" + slug + "-" + nativeId;
      default -> "https://voso.vn/" + slug + "-p" + nativeId + ".html";
    };
  }

  /**
   * A platform-style id, distinct per product on each platform (an odd multiplier is a bijection
   * mod 10^k).
   */
  private static String nativeId(int platformIndex, int productIndex) {
    int digits = ID_DIGITS[platformIndex];
    // The first (up to) 12 digits are (a·i + b) mod 9·10^(k-1), offset by 10^(k-1): a bijection,
    // since a is coprime with 9·10^(k-1), so ids are distinct; tiktok's 19 digits get 7 more.
    long first = (long) Math.pow(10, Math.min(digits, 12) - 1);
    long id =
        first
            + Math.floorMod(
                (productIndex + 1L) * 2_654_435_761L + platformIndex * 7919L, 9 * first);
    return digits <= 12
        ? Long.toString(id)
        : id + String.format(Locale.ROOT, "%07d", Seeds.mix(productIndex) & 0xFFFFF);
  }
}

/**
 * ocop-listings/: one JSON Lines file per day (every Nth gzipped), platform by platform in crawl
 * order, a few listings crawled again late in the evening at another price, and a fraction of bad
 * lines; or one big file (--single-file-gb). Days are written in parallel, each from its own random
 * stream, so the bytes do not depend on the thread count.
 */
final class OcopListings {
  enum Fault {
    MALFORMED("malformed-json"),
    PRICE_AS_STRING("wrong-json-type"),
    STOCK_AS_YES("wrong-json-type"),
    BAD_PLATFORM("unknown-value"),
    BAD_CATEGORY("unknown-value"),
    BAD_STARS("unknown-value"),
    BAD_OCOP_CODE("bad-ocop-code"),
    PLATFORM_MISMATCH("listing-platform-mismatch"),
    UNKNOWN_COMMUNE("unknown-commune-code"),
    ZERO_PRICE("out-of-range"),
    NEGATIVE_PRICE("out-of-range"),
    HTTP_URL("bad-url"),
    NO_NAME("missing-value"),
    NO_OFFSET("bad-timestamp"),
    BAD_DATE("bad-date");

    final String rule;

    Fault(String rule) {
      this.rule = rule;
    }
  }

  private static final double RECRAWL_RATE = 0.001;
  private final Options options;
  private final Scope scope;
  private final OcopCatalog catalog;

  OcopListings(Options options, Scope scope) {
    this.options = options;
    this.scope = scope;
    this.catalog = new OcopCatalog(options, scope);
  }

  List<Tally> write(Path landing, Path extra) throws Exception {
    Tally tally = new Tally("ocop-listings", "landing");
    Tally held = new Tally("ocop-listings", "extra");
    boolean daily = options.singleFileGb() == null || options.days() != null;
    if (daily) {
      writeDays(landing, extra, tally, held);
    }
    if (options.singleFileGb() != null) {
      LocalDate date = scope.ocopStart.plusDays(options.days() == null ? 0 : options.days());
      tally.add(writeBigFile(landing.resolve("big-" + date + ".jsonl"), date));
    }
    return held.files == 0 ? List.of(tally) : List.of(tally, held);
  }

  private void writeDays(Path landing, Path extra, Tally tally, Tally held) throws Exception {
    List<Listing> listings = listings();
    int days = scope.days;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
    try {
      List<Future<Tally>> results = new ArrayList<>();
      for (int d = 0; d < days; d++) {
        int day = d;
        Path folder = options.holdBackLastDay() && d == days - 1 ? extra : landing;
        results.add(pool.submit(() -> writeDay(folder, day, listings)));
      }
      for (int d = 0; d < days; d++) {
        (options.holdBackLastDay() && d == days - 1 ? held : tally).add(results.get(d).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Listing> listings() {
    List<OcopCatalog.Product> products = new ArrayList<>();
    for (int i = 0; i < scope.products; i++) {
      products.add(catalog.product(i));
    }
    List<Listing> listings = new ArrayList<>();
    for (int platform = 0; platform < OcopCatalog.PLATFORMS.length; platform++) {
      for (OcopCatalog.Product p : products) {
        if (Arrays.binarySearch(p.platforms(), platform) >= 0) {
          listings.add(new Listing(options.seed(), p, platform, scope.eras.size()));
        }
      }
    }
    return listings;
  }

  private Tally writeDay(Path folder, int dayIndex, List<Listing> listings) throws IOException {
    LocalDate date = scope.ocopStart.plusDays(dayIndex);
    int era = scope.eraIndexOn(date);
    SplittableRandom rnd = Seeds.rng(options.seed(), "ocop-day", dayIndex);
    Tally tally = new Tally("ocop-listings", "day");
    Bytes out = new Bytes(listings.size() * 600 + 1024);
    Bytes line = new Bytes(1024);
    byte[] datePrefix = (date + "T").getBytes(StandardCharsets.US_ASCII);
    Map<String, Integer> perPlatform = new HashMap<>();
    listings.forEach(l -> perPlatform.merge(l.platform, 1, Integer::sum));
    List<Listing> recrawled = new ArrayList<>();
    Map<String, Long> bad = new TreeMap<>();
    String platform = "";
    int position = 0;
    long rows = 0;
    for (Listing l : listings) {
      position = l.platform.equals(platform) ? position + 1 : 0;
      platform = l.platform;
      if (rnd.nextDouble() >= scope.crawlRate) {
        continue;
      }
      // Each platform's crawl runs two hours, from 06:00 (shopee) to 20:00 (voso).
      int second =
          (6 + 2 * l.platformIndex) * 3600
              + (int) ((long) position * 7200 / perPlatform.get(l.platform));
      line.len = 0;
      buildLine(line, l, era, dayIndex, datePrefix, second, rnd, false);
      appendMaybeBroken(out, line, l, date, rnd, bad);
      rows++;
      if (rnd.nextDouble() < RECRAWL_RATE) {
        recrawled.add(l);
      }
    }
    for (int i = 0; i < recrawled.size(); i++) {
      line.len = 0;
      buildLine(
          line, recrawled.get(i), era, dayIndex, datePrefix, 22 * 3600 + i * 7 % 7000, rnd, true);
      out.put(line);
      rows++;
    }
    tally.resubmitted = recrawled.size();
    boolean gzip = options.gzipEvery() > 0 && (dayIndex + 1) % options.gzipEvery() == 0;
    Path file = folder.resolve(date + (gzip ? ".jsonl.gz" : ".jsonl"));
    long onDisk = save(file, out, gzip);
    tally.file("ocop-listings/" + file.getFileName(), rows, onDisk, out.len, bad);
    return tally;
  }

  /** A listing's line for one day: the price moves on promotion days, the counts grow. */
  private static void buildLine(
      Bytes line,
      Listing l,
      int era,
      int day,
      byte[] datePrefix,
      int second,
      SplittableRandom rnd,
      boolean recrawl) {
    boolean promotion = rnd.nextDouble() < 0.1;
    int price = promotion ? l.basePrice * 9 / 10 / 1000 * 1000 : l.basePrice;
    if (recrawl) {
      price = price + 1000 * (1 + rnd.nextInt(9));
    }
    line.put(l.head[era]).number(price).put(l.unitAndStock).bool(rnd.nextDouble() < 0.95);
    if (l.hasReviews()) {
      line.put(l.ratingAndReviews).number(l.reviews + day / 3);
    }
    line.put(l.soldKey);
    if (l.hasSoldNumber()) {
      line.number(l.sold + (long) day * l.soldPerDay);
    }
    line.put(l.tail)
        .put(datePrefix)
        .twoDigits(second / 3600)
        .ascii(":")
        .twoDigits(second / 60 % 60)
        .ascii(":")
        .twoDigits(second % 60)
        .ascii("+07:00\"}\n");
  }

  private void appendMaybeBroken(
      Bytes out,
      Bytes line,
      Listing l,
      LocalDate date,
      SplittableRandom rnd,
      Map<String, Long> bad) {
    if (rnd.nextDouble() >= options.bad()) {
      out.put(line);
      return;
    }
    Fault fault = Seeds.pick(rnd, Fault.values());
    String text = line.text();
    out.put(
        broken(fault, text.substring(0, text.length() - 1), l, date, rnd)
            .concat("\n")
            .getBytes(StandardCharsets.UTF_8));
    Tally.count(bad, fault.rule);
  }

  /** The line with exactly one rule broken (the fault's); every other field stays valid. */
  private String broken(Fault fault, String json, Listing l, LocalDate date, SplittableRandom rnd) {
    OcopCatalog.Product p = l.product;
    return switch (fault) {
      case MALFORMED -> json.substring(0, json.length() / 2);
      case PRICE_AS_STRING -> json.replaceFirst("\"price_vnd\":(\\d+)", "\"price_vnd\":\"$1\"");
      case STOCK_AS_YES -> json.replaceFirst("\"in_stock\":(true|false)", "\"in_stock\":\"yes\"");
      case BAD_PLATFORM ->
          json.replace("\"listing_id\":\"" + l.platform + ":", "\"listing_id\":\"facebook:")
              .replace("\"platform\":\"" + l.platform + "\"", "\"platform\":\"facebook\"");
      case BAD_CATEGORY ->
          json.replace("\"category\":\"" + p.kind().category() + "\"", "\"category\":\"dac_san\"");
      case BAD_STARS -> json.replace("\"ocop_stars\":" + p.stars(), "\"ocop_stars\":6");
      case BAD_OCOP_CODE -> json.replace(p.code(), p.code().replace("-20", "-"));
      case PLATFORM_MISMATCH ->
          json.replace(
              "\"platform\":\"" + l.platform + "\"",
              "\"platform\":\"" + (l.platform.equals("shopee") ? "lazada" : "shopee") + "\"");
      case UNKNOWN_COMMUNE ->
          json.replace(
              "\"commune_code\":\"" + p.sellerCommune()[scope.eraIndexOn(date)] + "\"",
              "\"commune_code\":\"" + scope.unknownCodeFor(scope.eraOn(date), rnd) + "\"");
      case ZERO_PRICE -> json.replaceFirst("\"price_vnd\":\\d+", "\"price_vnd\":0");
      case NEGATIVE_PRICE -> json.replaceFirst("\"price_vnd\":(\\d+)", "\"price_vnd\":-$1");
      case HTTP_URL -> json.replace("\"url\":\"https://", "\"url\":\"http://");
      case NO_NAME ->
          json.replace("\"product\":{\"name\":" + Json.quote(p.name()) + ",", "\"product\":{");
      case NO_OFFSET -> json.replace("+07:00\"}", "\"}");
      case BAD_DATE ->
          json.replace(
              "\"certified_on\":\"" + p.certifiedOn() + "\"",
              "\"certified_on\":\"" + p.certifiedOn().getYear() + "-02-30\"");
    };
  }

  private static long save(Path file, Bytes content, boolean gzip) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
      content.writeTo(out);
    }
    return Files.size(file);
  }

  /**
   * One file of about X GB, all crawled on {@code date}: products are made one after another (never
   * all held in memory) until the file reaches its size, every listing crawled once.
   */
  private Tally writeBigFile(Path file, LocalDate date) throws IOException {
    long target = (long) (options.singleFileGb() * 1e9);
    long expectedLines = Math.max(1, target / 560);
    int era = scope.eraIndexOn(date);
    SplittableRandom rnd = Seeds.rng(options.seed(), "ocop-big", date.toEpochDay());
    Tally tally = new Tally("ocop-listings", "big");
    byte[] datePrefix = (date + "T").getBytes(StandardCharsets.US_ASCII);
    Files.createDirectories(file.getParent());
    long rows = 0;
    long written = 0;
    Bytes out = new Bytes(16 << 20);
    Bytes line = new Bytes(1024);
    Map<String, Long> bad = new TreeMap<>();
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (int i = 0; written + out.len < target; i++) {
        OcopCatalog.Product p = catalog.product(i);
        for (int platform : p.platforms()) {
          Listing l = new Listing(options.seed(), p, platform, scope.eras.size());
          int second =
              (int) Math.min(21 * 3600 + 3599, 6 * 3600 + rows * (15L * 3600) / expectedLines);
          line.len = 0;
          buildLine(line, l, era, 0, datePrefix, second, rnd, false);
          appendMaybeBroken(out, line, l, date, rnd, bad);
          rows++;
        }
        if (out.len > (15 << 20)) {
          out.writeTo(stream);
          written += out.len;
          out.len = 0;
        }
      }
      out.writeTo(stream);
      written += out.len;
    }
    tally.file("ocop-listings/" + file.getFileName(), rows, written, written, bad);
    return tally;
  }
}
