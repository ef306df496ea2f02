import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the seeded sample landing data of the three sources (commune reports, payment-account
 * counts, OCOP e-commerce listings) for Thanh Hóa, 2025-01 to 2025-10, together with {@code
 * expected-quarantine.csv} and {@code README.md}.
 *
 * <p>Run from the repository root with {@code java sample-data/generator/GenerateSampleData.java}.
 * Uses only the JDK. The output is a pure function of the seed and of {@code conf/admin-units}: two
 * runs give byte-identical files.
 */
public final class GenerateSampleData {
  static final long SEED = 20250701L;
  static final List<String> SOURCES =
      List.of("commune-reports", "payment-accounts", "ocop-listings");

  private GenerateSampleData() {}

  /**
   * Java 17 compiles a source file with the platform charset: under {@code LANG=C} the Vietnamese
   * literals below would silently turn into '?'. Stop instead of writing them.
   */
  private static void requireUtf8Source() {
    if (!"Thanh Hóa".equals("Thanh H\u00f3a")) {
      throw new IllegalStateException(
          "The generator source was not read as UTF-8 (platform "
              + "charset "
              + Charset.defaultCharset()
              + "). Run: java -Dfile.encoding=UTF-8 "
              + "sample-data/generator/GenerateSampleData.java");
    }
  }

  public static void main(String[] args) throws IOException {
    requireUtf8Source();
    Path out = Path.of("sample-data");
    Reference ref = Reference.load(Path.of("conf", "admin-units"));
    Output.resetFolders(out, SOURCES);
    Catalog catalog = new Catalog();

    ReportModel reports = ReportModel.generate(ref, Seeds.forSource("commune-reports"));
    ReportSummary reportSummary =
        new CommuneReportsWriter(
                ref, reports, Seeds.forSource("commune-reports-files"), catalog, out)
            .writeAll();

    PaymentModel payments =
        PaymentModel.generate(ref, reports, Seeds.forSource("payment-accounts"));
    PaymentSummary paymentSummary =
        new PaymentAccountsWriter(ref, payments, catalog, out).writeAll();

    OcopModel ocop = OcopModel.generate(ref, Seeds.forSource("ocop-listings"));
    OcopSummary ocopSummary = new OcopListingsWriter(ref, ocop, catalog, out).writeAll();

    catalog.writeExpectedQuarantine(out.resolve("expected-quarantine.csv"));
    Readme.write(
        out.resolve("README.md"), ref, catalog, reportSummary, paymentSummary, ocopSummary);
    System.out.printf(
        Locale.ROOT,
        "sample-data written: %d deliberately bad records%n",
        catalog.expected().size());
  }
}

// ---------------------------------------------------------------------------------------------
// Seeds, dates, text helpers
// ---------------------------------------------------------------------------------------------

/** One seeded {@link Random} per source, derived from the fixed seed. */
final class Seeds {
  private Seeds() {}

  static Random forSource(String source) {
    long salt = 0;
    for (char c : source.toCharArray()) {
      salt = salt * 31 + c;
    }
    return new Random(GenerateSampleData.SEED ^ salt);
  }

  static double uniform(Random rnd, double lo, double hi) {
    return lo + (hi - lo) * rnd.nextDouble();
  }
}

/** The covered months and the reform date. */
final class Dates {
  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final ZoneOffset PLUS7 = ZoneOffset.ofHours(7);
  static final YearMonth FIRST = YearMonth.of(2025, 1);
  static final YearMonth LAST = YearMonth.of(2025, 10);
  static final YearMonth REFORM = YearMonth.of(2025, 7);
  static final LocalDate FIRST_DAY = FIRST.atDay(1);
  static final LocalDate LAST_DAY = LAST.atEndOfMonth();
  static final DateTimeFormatter ISO_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private Dates() {}

  static List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  static boolean preReform(YearMonth m) {
    return m.isBefore(REFORM);
  }

  static boolean preReform(LocalDate d) {
    return d.isBefore(REFORM.atDay(1));
  }

  static Instant local(LocalDateTime t) {
    return t.atZone(HCM).toInstant();
  }
}

/** Small text helpers: NFC/NFD, slugs, number formatting. */
final class Text {
  private Text() {}

  static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  /** ASCII slug: {@code Huyện Quan Sơn -> huyen-quan-son}. */
  static String slug(String s) {
    String plain = nfd(s).replaceAll("\\p{M}", "").replace('\u0111', 'd').replace('\u0110', 'D');
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  /** Drops the unit-type prefix: {@code Xã Hoằng Đạo -> Hoằng Đạo}. */
  static String shortName(String unitName) {
    for (String prefix : List.of("Thị trấn ", "Phường ", "Xã ")) {
      if (unitName.startsWith(prefix)) {
        return unitName.substring(prefix.length());
      }
    }
    return unitName;
  }

  static String thousands(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", "⏎");
  }
}

// ---------------------------------------------------------------------------------------------
// Reference units
// ---------------------------------------------------------------------------------------------

/** A pre-reform commune (valid 2025-01-01 .. 2025-06-30). */
record OldUnit(String code, String name, String districtCode, String districtName, String type) {
  static final Set<String> MOUNTAIN_DISTRICTS =
      Set.of("384", "385", "386", "387", "388", "389", "390", "391", "396", "402", "403");
  static final Set<String> CITY_DISTRICTS = Set.of("380", "381", "382");

  boolean mountain() {
    return MOUNTAIN_DISTRICTS.contains(districtCode);
  }

  boolean urban() {
    return !type.equals("xã") || CITY_DISTRICTS.contains(districtCode);
  }
}

/** A post-reform commune (valid from 2025-07-01). */
record NewUnit(String code, String name, String type) {}

/** One crosswalk edge old -> new. */
record Edge(String oldCode, String newCode, boolean split) {}

/** The reference lists of {@code conf/admin-units}, indexed by code (sorted maps only). */
final class Reference {
  private final SortedMap<String, OldUnit> oldUnits;
  private final SortedMap<String, NewUnit> newUnits;
  private final SortedMap<String, List<Edge>> byOld;
  private final SortedMap<String, List<Edge>> byNew;
  private final List<OldUnit> disputed;

  private Reference(
      SortedMap<String, OldUnit> oldUnits,
      SortedMap<String, NewUnit> newUnits,
      List<Edge> edges,
      List<OldUnit> disputed) {
    this.oldUnits = oldUnits;
    this.newUnits = newUnits;
    this.byOld = new TreeMap<>();
    this.byNew = new TreeMap<>();
    for (Edge e : edges) {
      byOld.computeIfAbsent(e.oldCode(), k -> new ArrayList<>()).add(e);
      byNew.computeIfAbsent(e.newCode(), k -> new ArrayList<>()).add(e);
    }
    byOld.values().forEach(l -> l.sort(Comparator.comparing(Edge::newCode)));
    byNew.values().forEach(l -> l.sort(Comparator.comparing(Edge::oldCode)));
    this.disputed = List.copyOf(disputed);
  }

  static Reference load(Path dir) throws IOException {
    SortedMap<String, OldUnit> old = new TreeMap<>();
    for (Map<String, String> r : Csv.readTable(dir.resolve("units_pre2025.csv"))) {
      old.put(r.get("commune_code"), oldUnit(r));
    }
    SortedMap<String, NewUnit> fresh = new TreeMap<>();
    for (Map<String, String> r : Csv.readTable(dir.resolve("units_2025.csv"))) {
      fresh.put(
          r.get("commune_code"),
          new NewUnit(r.get("commune_code"), r.get("commune_name"), r.get("commune_type")));
    }
    List<Edge> edges = new ArrayList<>();
    for (Map<String, String> r : Csv.readTable(dir.resolve("crosswalk_2025.csv"))) {
      edges.add(
          new Edge(
              r.get("old_commune_code"),
              r.get("new_commune_code"),
              Boolean.parseBoolean(r.get("old_unit_split"))));
    }
    List<OldUnit> disputed = new ArrayList<>();
    for (Map<String, String> r : Csv.readTable(dir.resolve("disputed_pre2025_codes.csv"))) {
      disputed.add(
          new OldUnit(
              r.get("old_commune_code"),
              r.get("old_commune_name"),
              r.get("old_district_code"),
              r.get("old_district_name"),
              "xã"));
    }
    return new Reference(old, fresh, edges, disputed);
  }

  private static OldUnit oldUnit(Map<String, String> r) {
    return new OldUnit(
        r.get("commune_code"),
        r.get("commune_name"),
        r.get("district_code"),
        r.get("district_name"),
        r.get("commune_type"));
  }

  List<OldUnit> oldUnits() {
    return List.copyOf(oldUnits.values());
  }

  List<NewUnit> newUnits() {
    return List.copyOf(newUnits.values());
  }

  OldUnit old(String code) {
    return require(oldUnits.get(code), code);
  }

  NewUnit fresh(String code) {
    return require(newUnits.get(code), code);
  }

  boolean isNew(String code) {
    return newUnits.containsKey(code);
  }

  List<Edge> predecessors(String newCode) {
    return byNew.get(newCode);
  }

  List<Edge> successors(String oldCode) {
    return byOld.get(oldCode);
  }

  /** Equal share of a split old unit among its successors (1 for unsplit units). */
  double share(Edge e) {
    return 1.0 / byOld.get(e.oldCode()).size();
  }

  /** The successor with the lowest code: where a seller of a split unit is taken to be. */
  String primarySuccessor(String oldCode) {
    return byOld.get(oldCode).get(0).newCode();
  }

  List<String> districtCodes() {
    return oldUnits.values().stream().map(OldUnit::districtCode).distinct().sorted().toList();
  }

  List<OldUnit> district(String districtCode) {
    return oldUnits.values().stream().filter(u -> u.districtCode().equals(districtCode)).toList();
  }

  String districtName(String districtCode) {
    return district(districtCode).get(0).districtName();
  }

  List<OldUnit> disputed() {
    return disputed;
  }

  /** Old codes that are not reused as a new code: unknown after 2025-07-01. */
  List<String> retiredCodes() {
    return oldUnits.keySet().stream().filter(c -> !newUnits.containsKey(c)).toList();
  }

  private static <T> T require(T value, String code) {
    if (value == null) {
      throw new IllegalArgumentException("Unknown commune code: " + code);
    }
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV, encodings, files
// ---------------------------------------------------------------------------------------------

/** Minimal RFC 4180 reading and writing. */
final class Csv {
  private Csv() {}

  record Rendered(String text, List<Integer> startLines) {}

  static List<Map<String, String>> readTable(Path file) throws IOException {
    List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8), ',');
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> rec : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), rec.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<List<String>> parse(String text, char delimiter) {
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
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString().replaceAll("\r$", ""));
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }

  static String field(String value, char delimiter) {
    boolean quote =
        value.indexOf(delimiter) >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** Renders header and records; records may carry line breaks inside quoted fields. */
  static Rendered render(
      List<String> header, List<List<String>> records, char delimiter, String eol) {
    StringBuilder sb = new StringBuilder(line(header, delimiter)).append(eol);
    List<Integer> starts = new ArrayList<>();
    int line = 2;
    for (List<String> rec : records) {
      String text = line(rec, delimiter);
      starts.add(line);
      line += 1 + (int) text.chars().filter(c -> c == '\n').count();
      sb.append(text).append(eol);
    }
    return new Rendered(sb.toString(), starts);
  }

  private static String line(List<String> fields, char delimiter) {
    return fields.stream()
        .map(f -> field(f, delimiter))
        .collect(Collectors.joining(String.valueOf(delimiter)));
  }
}

/** The byte encodings a landing file may come in (the last one is deliberately invalid). */
enum Enc {
  UTF8("UTF-8"),
  UTF8_BOM("UTF-8 with BOM"),
  UTF16LE_BOM("UTF-16LE with BOM"),
  CP1258("windows-1258 (not UTF-8)");

  final String label;

  Enc(String label) {
    this.label = label;
  }

  byte[] encode(String text) {
    return switch (this) {
      case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
      case UTF8_BOM ->
          Output.concat(
              new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
              text.getBytes(StandardCharsets.UTF_8));
      case UTF16LE_BOM ->
          Output.concat(
              new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
      case CP1258 -> Windows1258.encode(text);
    };
  }
}

/**
 * Vietnamese Windows ANSI (code page 1258), as a district's old Excel export would write it: base
 * letters with circumflex/breve/horn are precomposed, tone marks are combining bytes.
 */
final class Windows1258 {
  private static final Charset CHARSET = Charset.forName("windows-1258");
  private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

  private Windows1258() {}

  static byte[] encode(String text) {
    CharsetEncoder encoder = CHARSET.newEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String nfc = Text.nfc(text);
    for (int i = 0; i < nfc.length(); i++) {
      String ch = String.valueOf(nfc.charAt(i));
      String bytes = encoder.canEncode(ch) ? ch : decomposed(ch, encoder);
      out.writeBytes(bytes.getBytes(CHARSET));
    }
    byte[] result = out.toByteArray();
    if (!Text.nfc(new String(result, CHARSET)).equals(nfc) || Output.isUtf8(result)) {
      throw new IllegalStateException("windows-1258 round trip failed");
    }
    return result;
  }

  private static String decomposed(String ch, CharsetEncoder encoder) {
    StringBuilder base = new StringBuilder();
    StringBuilder tones = new StringBuilder();
    for (char c : Text.nfd(ch).toCharArray()) {
      (TONES.indexOf(c) >= 0 ? tones : base).append(c);
    }
    String result = Text.nfc(base.toString()) + tones;
    if (!encoder.canEncode(result)) {
      throw new IllegalStateException("Not encodable in windows-1258: " + ch);
    }
    return result;
  }
}

/** File system helpers. */
final class Output {
  private Output() {}

  static void resetFolders(Path root, List<String> folders) throws IOException {
    for (String folder : folders) {
      Path dir = root.resolve(folder);
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(dir);
    }
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gzip with a fixed header (mtime 0): the same bytes on every run. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(buffer)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /**
   * What a gzip stream decompresses to before it breaks off, read in chunks until the stream throws
   * (as the pipeline reads a damaged file); null if it decompresses whole.
   */
  static byte[] gunzipAsFarAsItGoes(byte[] gz) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        out.write(chunk, 0, n);
      }
      return null;
    } catch (IOException e) {
      return out.toByteArray();
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Catalog of deliberately bad records and tricky cases
// ---------------------------------------------------------------------------------------------

/** A record the pipeline must quarantine. */
record Expected(String file, int line, String rule, String what) {}

/** A valid but tricky case and what the pipeline should do with it. */
record Tricky(String file, String lines, String what, String expect) {}

/** Collects expected quarantine rows and tricky cases while files are written. */
final class Catalog {
  private final List<Expected> expected = new ArrayList<>();
  private final List<Tricky> tricky = new ArrayList<>();

  void bad(String source, String file, int line, String rule, String what) {
    expected.add(new Expected(source + "/" + file, line, rule, what));
  }

  void tricky(String source, String file, String lines, String what, String expect) {
    tricky.add(new Tricky(source + "/" + file, lines, what, expect));
  }

  List<Expected> expected() {
    return expected.stream()
        .sorted(Comparator.comparing(Expected::file).thenComparingInt(Expected::line))
        .toList();
  }

  List<Tricky> tricky() {
    return List.copyOf(tricky);
  }

  long count(String source) {
    return expected.stream().filter(e -> e.file().startsWith(source + "/")).count();
  }

  void writeExpectedQuarantine(Path file) {
    StringBuilder sb = new StringBuilder("file,line,rule\n");
    for (Expected e : expected()) {
      sb.append(e.file()).append(',').append(e.line()).append(',').append(e.rule()).append('\n');
    }
    Output.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}

/** Latest-submission-wins bookkeeping, to report what the dataset should end up holding. */
final class Effective<T> {
  private record Entry<T>(Instant at, String file, T value) {}

  private final SortedMap<String, Entry<T>> entries = new TreeMap<>();

  void offer(String key, Instant at, String file, T value) {
    Entry<T> current = entries.get(key);
    boolean later =
        current == null
            || at.isAfter(current.at())
            || (at.equals(current.at()) && file.compareTo(current.file()) >= 0);
    if (later) {
      entries.put(key, new Entry<>(at, file, value));
    }
  }

  SortedMap<String, T> values() {
    SortedMap<String, T> result = new TreeMap<>();
    entries.forEach((k, v) -> result.put(k, v.value()));
    return result;
  }
}

/** One written file, for the README's file tables. */
record FileInfo(String name, int records, String format) {}

// ---------------------------------------------------------------------------------------------
// Commune reports: model
// ---------------------------------------------------------------------------------------------

/** The indicators of one commune report. {@code pctTenths} is the smartphone share x 10. */
record ReportFigures(
    long population,
    long households,
    long teams,
    long members,
    long received,
    long onTime,
    int pctTenths,
    long fiber,
    boolean dtCompleted) {

  ReportFigures withDossiers(long newReceived, long newOnTime) {
    return new ReportFigures(
        population,
        households,
        teams,
        members,
        newReceived,
        newOnTime,
        pctTenths,
        fiber,
        dtCompleted);
  }

  ReportFigures withTeams(long newTeams, long newMembers) {
    return new ReportFigures(
        population,
        households,
        newTeams,
        newMembers,
        received,
        onTime,
        pctTenths,
        fiber,
        dtCompleted);
  }

  ReportFigures withFiber(long newFiber) {
    return new ReportFigures(
        population, households, teams, members, received, onTime, pctTenths, newFiber, dtCompleted);
  }

  ReportFigures withDt(boolean done) {
    return new ReportFigures(
        population, households, teams, members, received, onTime, pctTenths, fiber, done);
  }
}

/** Per old commune constants from which its monthly figures are drawn. */
record Profile(
    double population,
    double householdSize,
    long teams,
    int teamGrowthMonth,
    double memberRatio,
    double dossierRate,
    double lateShare,
    double pctBase,
    double fiberBase,
    int dtMonth) {

  static final double POPULATION = 3_700_000;
  static final double HOUSEHOLDS = 1_100_000;
  static final double TEAMS_JANUARY = 4_330;

  static SortedMap<String, Profile> all(Reference ref, Random rnd) {
    SortedMap<String, Double> raw = new TreeMap<>();
    for (OldUnit u : ref.oldUnits()) {
      raw.put(u.code(), rawPopulation(u, rnd));
    }
    double popScale = POPULATION / raw.values().stream().mapToDouble(d -> d).sum() / 1.0036;
    double perTeam = POPULATION / TEAMS_JANUARY;
    SortedMap<String, Double> householdSizes = new TreeMap<>();
    for (String code : raw.keySet()) {
      householdSizes.put(code, Seeds.uniform(rnd, 3.0, 3.75));
    }
    double households =
        raw.keySet().stream().mapToDouble(c -> raw.get(c) * popScale / householdSizes.get(c)).sum();
    double hhScale = households / (HOUSEHOLDS / 1.0036);
    SortedMap<String, Profile> profiles = new TreeMap<>();
    for (OldUnit u : ref.oldUnits()) {
      double pop = raw.get(u.code()) * popScale;
      profiles.put(u.code(), profile(u, pop, householdSizes.get(u.code()) * hhScale, perTeam, rnd));
    }
    return profiles;
  }

  private static double rawPopulation(OldUnit u, Random rnd) {
    double base =
        switch (u.type()) {
          case "phường" -> 13_000;
          case "thị trấn" -> 9_500;
          default -> u.mountain() ? 4_600 : 6_800;
        };
    return base * Math.exp(0.35 * rnd.nextGaussian());
  }

  private static Profile profile(OldUnit u, double pop, double hhSize, double perTeam, Random rnd) {
    long teams = Math.max(2, Math.round(pop / perTeam * Seeds.uniform(rnd, 0.8, 1.2)));
    int growth = rnd.nextDouble() < 0.15 ? 2 + rnd.nextInt(9) : 99;
    double ratio = Seeds.uniform(rnd, 2.82, 3.77);
    double dossierRate = Seeds.uniform(rnd, 0.006, 0.012) * (u.urban() ? 1.4 : 1.0);
    double r = rnd.nextDouble();
    double late =
        r < 0.05 ? 0 : r < 0.75 ? Seeds.uniform(rnd, 0.004, 0.02) : Seeds.uniform(rnd, 0.02, 0.05);
    double pct =
        u.urban()
            ? Seeds.uniform(rnd, 84, 92)
            : u.mountain() ? Seeds.uniform(rnd, 56, 72) : Seeds.uniform(rnd, 70, 84);
    double fiber =
        u.urban()
            ? Seeds.uniform(rnd, 0.85, 0.95)
            : u.mountain() ? Seeds.uniform(rnd, 0.32, 0.6) : Seeds.uniform(rnd, 0.62, 0.85);
    int dtMonth = 1 + rnd.nextInt(14);
    return new Profile(pop, hhSize, teams, growth, ratio, dossierRate, late, pct, fiber, dtMonth);
  }
}

/** Monthly report figures: old communes for 2025-01..06, crosswalk sums for 2025-07..10. */
final class ReportModel {
  private static final double[] SEASON = {0.8, 0.75, 1.0, 1.0, 1.05, 1.05, 1.0, 1.0, 1.05, 1.1};

  private final Map<YearMonth, SortedMap<String, ReportFigures>> figures;
  private final Map<String, LocalDateTime> submitted;

  private ReportModel(
      Map<YearMonth, SortedMap<String, ReportFigures>> figures,
      Map<String, LocalDateTime> submitted) {
    this.figures = figures;
    this.submitted = submitted;
  }

  static ReportModel generate(Reference ref, Random rnd) {
    SortedMap<String, Profile> profiles = Profile.all(ref, rnd);
    Map<YearMonth, SortedMap<String, ReportFigures>> figures = new TreeMap<>();
    for (YearMonth m : Dates.months()) {
      SortedMap<String, ReportFigures> old = oldFigures(profiles, m, rnd);
      figures.put(m, Dates.preReform(m) ? old : aggregate(ref, old));
    }
    Map<String, LocalDateTime> submitted = new TreeMap<>();
    for (YearMonth m : Dates.months()) {
      for (String code : figures.get(m).keySet()) {
        submitted.put(key(m, code), submissionTime(m, rnd));
      }
    }
    return new ReportModel(figures, submitted);
  }

  SortedMap<String, ReportFigures> month(YearMonth m) {
    return figures.get(m);
  }

  ReportFigures get(YearMonth m, String code) {
    return figures.get(m).get(code);
  }

  LocalDateTime submittedAt(YearMonth m, String code) {
    return submitted.get(key(m, code));
  }

  static String key(YearMonth m, String code) {
    return m + "|" + code;
  }

  private static LocalDateTime submissionTime(YearMonth m, Random rnd) {
    return m.plusMonths(1).atDay(2 + rnd.nextInt(8)).atTime(7 + rnd.nextInt(10), rnd.nextInt(60));
  }

  private static SortedMap<String, ReportFigures> oldFigures(
      SortedMap<String, Profile> profiles, YearMonth m, Random rnd) {
    int k = m.getMonthValue() - 1;
    SortedMap<String, ReportFigures> result = new TreeMap<>();
    profiles.forEach((code, p) -> result.put(code, figures(p, k, rnd)));
    return result;
  }

  private static ReportFigures figures(Profile p, int k, Random rnd) {
    long pop = Math.round(p.population() * (1 + 0.0004 * k));
    long households = Math.round(pop / p.householdSize());
    long teams = p.teams() + (k + 1 >= p.teamGrowthMonth() ? 1 : 0);
    long members = Math.round(teams * p.memberRatio() * (1 + 0.002 * k));
    long received =
        Math.round(p.population() * p.dossierRate() * SEASON[k] * Seeds.uniform(rnd, 0.9, 1.1));
    long late =
        Math.min(received, Math.round(received * p.lateShare() * Seeds.uniform(rnd, 0.5, 1.5)));
    double pct = Math.min(99.0, p.pctBase() + 0.3 * k + Seeds.uniform(rnd, -0.2, 0.2));
    long fiber =
        Math.min(households, Math.round(households * Math.min(0.99, p.fiberBase() + 0.004 * k)));
    return new ReportFigures(
        pop,
        households,
        teams,
        members,
        received,
        received - late,
        (int) Math.round(pct * 10),
        fiber,
        k + 1 >= p.dtMonth());
  }

  /** Post-reform figures: counts summed over predecessors (split units shared equally). */
  private static SortedMap<String, ReportFigures> aggregate(
      Reference ref, SortedMap<String, ReportFigures> old) {
    SortedMap<String, ReportFigures> result = new TreeMap<>();
    for (NewUnit n : ref.newUnits()) {
      double[] sum = new double[9];
      for (Edge e : ref.predecessors(n.code())) {
        double s = ref.share(e);
        ReportFigures f = old.get(e.oldCode());
        double[] add = {
          f.population(),
          f.households(),
          f.teams(),
          f.members(),
          f.received(),
          f.onTime(),
          f.pctTenths() * (double) f.population(),
          f.fiber(),
          f.dtCompleted() ? f.population() : 0
        };
        for (int i = 0; i < sum.length; i++) {
          sum[i] += s * add[i];
        }
      }
      result.put(
          n.code(),
          new ReportFigures(
              Math.round(sum[0]),
              Math.round(sum[1]),
              Math.round(sum[2]),
              Math.round(sum[3]),
              Math.round(sum[4]),
              Math.round(sum[5]),
              (int) Math.round(sum[6] / sum[0]),
              Math.round(sum[7]),
              sum[8] >= 0.5 * sum[0]));
    }
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Commune reports: file styles and rows
// ---------------------------------------------------------------------------------------------

/** Canonical columns of the commune report and their Vietnamese template labels. */
final class ReportColumns {
  static final String PERIOD = "report_period";
  static final String CODE = "commune_code";
  static final String NAME = "commune_name";
  static final String DISTRICT = "district_name";
  static final String SUBMITTED = "submitted_at";
  static final String POPULATION = "population";
  static final String HOUSEHOLDS = "households";
  static final String TEAMS = "digital_teams";
  static final String MEMBERS = "digital_team_members";
  static final String RECEIVED = "online_dossiers_received";
  static final String ON_TIME = "online_dossiers_on_time";
  static final String PCT = "smartphone_users_pct";
  static final String FIBER = "fiber_households";
  static final String DT = "dt_completed";
  static final String NOTES = "notes";
  static final List<String> CANONICAL =
      List.of(
          PERIOD,
          CODE,
          NAME,
          DISTRICT,
          SUBMITTED,
          POPULATION,
          HOUSEHOLDS,
          TEAMS,
          MEMBERS,
          RECEIVED,
          ON_TIME,
          PCT,
          FIBER,
          DT,
          NOTES);
  static final Map<String, String> VIETNAMESE =
      Map.ofEntries(
          Map.entry(PERIOD, "Kỳ báo cáo"),
          Map.entry(CODE, "Mã xã"),
          Map.entry(NAME, "Tên xã"),
          Map.entry(DISTRICT, "Huyện"),
          Map.entry(SUBMITTED, "Thời điểm gửi"),
          Map.entry(POPULATION, "Dân số"),
          Map.entry(HOUSEHOLDS, "Số hộ"),
          Map.entry(TEAMS, "Số tổ công nghệ số cộng đồng"),
          Map.entry(MEMBERS, "Số thành viên tổ công nghệ số"),
          Map.entry(RECEIVED, "Hồ sơ trực tuyến tiếp nhận"),
          Map.entry(ON_TIME, "Hồ sơ trực tuyến giải quyết đúng hạn"),
          Map.entry(PCT, "Tỷ lệ người dùng điện thoại thông minh (%)"),
          Map.entry(FIBER, "Số hộ có cáp quang"),
          Map.entry(DT, "Hoàn thành chuyển đổi số cấp xã"),
          Map.entry(NOTES, "Ghi chú"));

  private ReportColumns() {}
}

enum PeriodFmt {
  YM("YYYY-MM", "yyyy-MM"),
  MY("MM/YYYY", "MM/yyyy");

  final String label;
  final DateTimeFormatter formatter;

  PeriodFmt(String label, String pattern) {
    this.label = label;
    this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
  }

  String format(YearMonth m) {
    return formatter.format(m);
  }
}

enum TsFmt {
  ISO_OFFSET("ISO-8601 +07:00", "yyyy-MM-dd'T'HH:mm:ss'+07:00'"),
  ISO_LOCAL("ISO-8601 without offset", "yyyy-MM-dd'T'HH:mm:ss"),
  DMY_HM("dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm");

  final String label;
  final DateTimeFormatter formatter;

  TsFmt(String label, String pattern) {
    this.label = label;
    this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
  }

  String format(LocalDateTime t) {
    return formatter.format(t);
  }
}

enum IntFmt {
  PLAIN("12345", ""),
  DOT("12.345", "."),
  SPACE("12 345", " ");

  final String label;
  final String separator;

  IntFmt(String label, String separator) {
    this.label = label;
    this.separator = separator;
  }

  String format(long v) {
    String digits = Long.toString(Math.abs(v));
    if (separator.isEmpty() || digits.length() <= 3) {
      return Long.toString(v);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(separator);
      }
      sb.append(digits.charAt(i));
    }
    return (v < 0 ? "-" : "") + sb;
  }
}

/** How a file spells dt_completed. */
record BoolFmt(String yes, String no) {
  static final BoolFmt CO_KHONG = new BoolFmt("Có", "Không");
  static final BoolFmt ONE_ZERO = new BoolFmt("1", "0");
  static final BoolFmt TRUE_FALSE = new BoolFmt("true", "false");
  static final BoolFmt YES_NO = new BoolFmt("yes", "no");
  static final BoolFmt X_BLANK = new BoolFmt("x", "");

  String format(boolean v) {
    return v ? yes : no;
  }

  String label() {
    return yes + "/" + (no.isEmpty() ? "blank" : no);
  }
}

/** How one commune-report file is laid out (fluent; one instance per file). */
final class ReportStyle {
  boolean vietnamese;
  List<String> order = ReportColumns.CANONICAL;
  boolean shuffled;
  char delimiter = ',';
  Enc enc = Enc.UTF8;
  String eol = "\n";
  PeriodFmt period = PeriodFmt.YM;
  TsFmt ts = TsFmt.ISO_OFFSET;
  IntFmt ints = IntFmt.PLAIN;
  boolean decimalComma;
  BoolFmt bools = BoolFmt.TRUE_FALSE;
  boolean districtColumn = true;
  String extraHeader;

  /** Headers of columns left over after the real ones, empty in every row (Excel's `Cột 16`…). */
  List<String> emptyColumns = List.of();

  static ReportStyle english() {
    return new ReportStyle();
  }

  static ReportStyle vietnamese() {
    ReportStyle s = new ReportStyle();
    s.vietnamese = true;
    s.bools = BoolFmt.CO_KHONG;
    return s;
  }

  ReportStyle shuffle(Random rnd) {
    List<String> cols = new ArrayList<>(ReportColumns.CANONICAL);
    Collections.shuffle(cols, rnd);
    order = List.copyOf(cols);
    shuffled = true;
    return this;
  }

  ReportStyle delimiter(char d) {
    delimiter = d;
    return this;
  }

  ReportStyle enc(Enc e) {
    enc = e;
    return this;
  }

  ReportStyle crlf() {
    eol = "\r\n";
    return this;
  }

  ReportStyle period(PeriodFmt p) {
    period = p;
    return this;
  }

  ReportStyle ts(TsFmt t) {
    ts = t;
    return this;
  }

  ReportStyle ints(IntFmt i) {
    ints = i;
    return this;
  }

  ReportStyle decimalComma() {
    decimalComma = true;
    return this;
  }

  ReportStyle bools(BoolFmt b) {
    bools = b;
    return this;
  }

  ReportStyle withoutDistrict() {
    districtColumn = false;
    return this;
  }

  ReportStyle extraColumn(String header) {
    extraHeader = header;
    return this;
  }

  /** {@code n} empty columns named as a Vietnamese Excel names columns past the last header. */
  ReportStyle leftoverColumns(int n) {
    int first = header().size() + 1;
    List<String> names = new ArrayList<>();
    for (int c = first; c < first + n; c++) {
      names.add("Cột " + c);
    }
    emptyColumns = List.copyOf(names);
    return this;
  }

  List<String> columns() {
    return order.stream().filter(c -> districtColumn || !c.equals(ReportColumns.DISTRICT)).toList();
  }

  List<String> header() {
    List<String> header = new ArrayList<>();
    for (String c : columns()) {
      header.add(vietnamese ? ReportColumns.VIETNAMESE.get(c) : c);
    }
    if (extraHeader != null) {
      header.add(extraHeader);
    }
    header.addAll(emptyColumns);
    return header;
  }

  String formatPct(int tenths) {
    String s = (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    return decimalComma ? s.replace('.', ',') : s;
  }

  String describe() {
    String delim =
        switch (delimiter) {
          case ';' -> "`;`";
          case '\t' -> "TAB";
          default -> "`,`";
        };
    return String.join(
            ", ",
            List.of(
                (vietnamese ? "Vietnamese" : "English")
                    + " headers"
                    + (shuffled ? " (shuffled)" : ""),
                delim + (districtColumn ? "" : ", no district column"),
                enc.label,
                eol.equals("\r\n") ? "CRLF" : "LF",
                period.label,
                ts.label,
                "`" + ints.label + "`",
                decimalComma ? "`78,5`" : "`78.5`",
                "`" + bools.label() + "`"))
        + (extraHeader == null ? "" : ", extra column `" + extraHeader + "`")
        + (emptyColumns.isEmpty()
            ? ""
            : ", "
                + emptyColumns.size()
                + " empty extra columns `"
                + emptyColumns.get(0)
                + "`…`"
                + emptyColumns.get(emptyColumns.size() - 1)
                + "`");
  }
}

/** One record of a commune-report file: canonical cells plus how it deviates (if at all). */
final class ReportRow {
  final String code;
  final YearMonth month;
  final ReportFigures figures;
  final LocalDateTime submitted;
  final Map<String, String> cells = new LinkedHashMap<>();
  final List<String> extraFields = new ArrayList<>();
  int dropFields;
  String extraValue = "";
  String rule;
  String what;
  String tricky;
  String expect;

  ReportRow(String code, YearMonth month, ReportFigures figures, LocalDateTime submitted) {
    this.code = code;
    this.month = month;
    this.figures = figures;
    this.submitted = submitted;
  }

  ReportRow bad(String ruleId, String description) {
    rule = ruleId;
    what = description;
    return this;
  }

  ReportRow tricky(String description, String expectation) {
    tricky = description;
    expect = expectation;
    return this;
  }

  String name() {
    return cells.get(ReportColumns.NAME);
  }

  List<String> fields(ReportStyle style) {
    List<String> fields = new ArrayList<>();
    for (String c : style.columns()) {
      fields.add(cells.getOrDefault(c, ""));
    }
    if (style.extraHeader != null) {
      fields.add(extraValue);
    }
    style.emptyColumns.forEach(c -> fields.add(""));
    for (int i = 0; i < dropFields; i++) {
      fields.remove(fields.size() - 1);
    }
    fields.addAll(extraFields);
    return fields;
  }
}

/** A commune-report file being assembled. */
final class ReportFile {
  final String name;
  final ReportStyle style;
  final List<ReportRow> rows = new ArrayList<>();
  String fileRule;
  String fileWhat;

  ReportFile(String name, ReportStyle style) {
    this.name = name;
    this.style = style;
  }

  ReportRow row(String code) {
    return rows.stream()
        .filter(r -> r.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no row for " + code));
  }

  /** The code of the i-th row (used to pick ordinary communes for deliberate errors). */
  String codeAt(int index) {
    return rows.get(index).code;
  }

  void rejectWhole(String rule, String what) {
    fileRule = rule;
    fileWhat = what;
  }
}

/** Province totals of one month of the commune-report dataset (after resubmissions). */
record ReportMonthTotals(
    YearMonth month,
    int communes,
    long population,
    long households,
    long teams,
    long members,
    long received,
    long onTime,
    long dtCompleted) {}

/** What the commune-report files hold, for the README. */
record ReportSummary(
    List<FileInfo> files, List<ReportMonthTotals> months, SortedMap<String, ReportFigures> rows) {}

// ---------------------------------------------------------------------------------------------
// Commune reports: the landing folder
// ---------------------------------------------------------------------------------------------

/** Writes {@code commune-reports/}: the files, the deliberate errors and the tricky cases. */
final class CommuneReportsWriter {
  static final String SOURCE = "commune-reports";
  private static final List<String> NOTES =
      List.of(
          "Đã kiện toàn tổ công nghệ số cộng đồng",
          "Số liệu dịch vụ công lấy từ Cổng DVC tỉnh",
          "Bổ sung thành viên tổ CNSCĐ, tập huấn kỹ năng số",
          "Đang triển khai định danh điện tử VNeID",
          "Số liệu cáp quang do VNPT, Viettel cung cấp",
          "Ước tính");
  private static final List<String> PREPARERS =
      List.of(
          "Lê Văn Hùng",
          "Nguyễn Thị Lan",
          "Phạm Văn Tuấn",
          "Hà Thị Mai",
          "Lò Văn Sơn",
          "Trịnh Thị Hoa");

  private final Reference ref;
  private final ReportModel model;
  private final Random rnd;
  private final Catalog catalog;
  private final Path dir;
  private final Effective<ReportFigures> effective = new Effective<>();
  private final List<FileInfo> files = new ArrayList<>();

  CommuneReportsWriter(Reference ref, ReportModel model, Random rnd, Catalog catalog, Path root) {
    this.ref = ref;
    this.model = model;
    this.rnd = rnd;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
  }

  ReportSummary writeAll() {
    writeJanuary();
    writeFebruary();
    writeMarchByDistrict();
    writeApril();
    writeMay();
    writeJuneByDistrict();
    writeJuly();
    writeAugust();
    writeSeptember();
    writeOctober();
    writeCorrections();
    files.sort(Comparator.comparing(FileInfo::name));
    return new ReportSummary(List.copyOf(files), monthTotals(), effective.values());
  }

  // --- months ---------------------------------------------------------------------------------

  private void writeJanuary() {
    YearMonth m = YearMonth.of(2025, 1);
    ReportFile f = provinceFile("bao-cao-thang-01-2025.csv", m, ReportStyle.english());
    OldUnit late = ref.old("15016");
    ReportRow december =
        oldRow(
            late,
            YearMonth.of(2024, 12),
            model.get(m, late.code()),
            LocalDateTime.of(2025, 1, 6, 8, 40),
            f.style);
    f.rows.add(
        december.bad(
            "unit-list-unavailable",
            "report_period 2024-12 (a late December report of "
                + late.name()
                + "): no unit list before 2025-01-01"));
    OldUnit disputed = ref.disputed().get(0);
    ReportRow ghost =
        oldRow(
            disputed,
            m,
            model.get(m, "16408"),
            model.submittedAt(m, "16408").plusMinutes(25),
            f.style);
    f.rows.add(
        ghost.bad(
            "unknown-commune-code",
            "commune_code "
                + disputed.code()
                + " ("
                + disputed.name()
                + ", a code from the disputed Jan–Feb 2025 GSO snapshots) is not in "
                + "units_pre2025.csv"));
    write(f);
  }

  private void writeFebruary() {
    YearMonth m = YearMonth.of(2025, 2);
    ReportStyle style =
        ReportStyle.vietnamese()
            .shuffle(rnd)
            .enc(Enc.UTF8_BOM)
            .period(PeriodFmt.MY)
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.DOT)
            .decimalComma();
    ReportFile f = provinceFile("bao-cao-thang-02-2025.csv", m, style);
    corrupt(
        f,
        f.codeAt(40),
        ReportColumns.PERIOD,
        "T2/2025",
        "bad-month",
        "report_period `T2/2025` is neither YYYY-MM nor MM/YYYY");
    corrupt(
        f,
        f.codeAt(130),
        ReportColumns.DT,
        "",
        "missing-value",
        "dt_completed blank in a file that spells it Có/Không (blank means false only in an x/blank file)");
    corrupt(
        f,
        f.codeAt(260),
        ReportColumns.DT,
        "Chưa",
        "bad-boolean",
        "dt_completed `Chưa` (\"not yet\") is not a boolean spelling");
    f.rows
        .get(0)
        .tricky(
            "UTF-8 BOM, Vietnamese headers in shuffled order, MM/YYYY periods, "
                + "dd/MM/yyyy HH:mm times, `12.345` thousands, quoted `78,5` decimals, Có/Không",
            "read every record; map headers through the schema aliases");
    write(f);
  }

  private void writeMarchByDistrict() {
    YearMonth m = YearMonth.of(2025, 3);
    List<String> districts = ref.districtCodes();
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      ReportStyle style = marchStyle(d, i);
      String name =
          "2025-03_" + Text.slug(ref.districtName(d)) + (d.equals("382") ? ".txt" : ".csv");
      ReportFile f = districtFile(name, m, d, style);
      marchSpecials(f, d);
      write(f);
    }
    writeMuongLatResubmission(m);
  }

  private ReportStyle marchStyle(String district, int index) {
    return switch (district) {
      case "380" ->
          ReportStyle.english()
              .shuffle(rnd)
              .ts(TsFmt.ISO_LOCAL)
              .ints(IntFmt.DOT)
              .bools(BoolFmt.ONE_ZERO);
      case "381" ->
          ReportStyle.vietnamese()
              .delimiter(';')
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma();
      case "382" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .delimiter('\t')
              .enc(Enc.UTF16LE_BOM)
              .crlf()
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .decimalComma();
      case "384" -> ReportStyle.vietnamese().enc(Enc.CP1258).ts(TsFmt.DMY_HM).decimalComma();
      case "385" -> ReportStyle.english().crlf();
      case "386" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma()
              .bools(BoolFmt.X_BLANK);
      case "387" -> ReportStyle.english().shuffle(rnd).bools(BoolFmt.YES_NO);
      case "388" ->
          ReportStyle.vietnamese().ints(IntFmt.SPACE).ts(TsFmt.DMY_HM).bools(BoolFmt.ONE_ZERO);
      case "389" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .ts(TsFmt.DMY_HM)
              .decimalComma()
              .extraColumn("Người lập biểu");
      default -> rotatingStyle(index);
    };
  }

  /** Ordinary district files cycle through four everyday layouts. */
  private ReportStyle rotatingStyle(int index) {
    return switch (index % 4) {
      case 0 -> ReportStyle.english();
      case 1 ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma();
      case 2 ->
          ReportStyle.vietnamese()
              .enc(Enc.UTF8_BOM)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.SPACE)
              .decimalComma()
              .bools(BoolFmt.ONE_ZERO);
      default ->
          ReportStyle.english()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.ISO_LOCAL)
              .ints(IntFmt.DOT)
              .bools(BoolFmt.YES_NO);
    };
  }

  private void marchSpecials(ReportFile f, String district) {
    switch (district) {
      case "380" -> marchThanhHoaCity(f);
      case "381" ->
          f.rows
              .get(0)
              .tricky(
                  "semicolon-delimited file with unquoted decimal commas",
                  "detect `;` from the header row");
      case "382" -> {
        f.rows
            .get(0)
            .tricky(
                "Excel \"Unicode text\" export: UTF-16LE with BOM, TAB-delimited " + "`.txt`, CRLF",
                "decode UTF-16LE, split on TAB");
        ReportRow r = f.row(f.codeAt(5));
        r.cells.put(ReportColumns.MEMBERS, f.style.ints.format(r.figures.teams() - 2));
        r.bad(
            "members-below-teams",
            "digital_team_members "
                + (r.figures.teams() - 2)
                + " < digital_teams "
                + r.figures.teams()
                + " (in the UTF-16LE TAB file)");
      }
      case "384" ->
          f.rejectWhole(
              "invalid-encoding",
              "file written in windows-1258, not UTF-8 "
                  + "(corrected UTF-8 copy: 2025-03_huyen-muong-lat_gui-lai.csv)");
      case "385" -> {
        f.rows.get(0).tricky("CRLF line endings", "strip the CR; line numbers unchanged");
        corrupt(
            f,
            f.codeAt(9),
            ReportColumns.POPULATION,
            "#VALUE!",
            "bad-integer",
            "population `#VALUE!` (Excel error) in the CRLF file");
      }
      case "386" -> {
        f.rows.stream()
            .filter(r -> r.figures.dtCompleted())
            .findFirst()
            .orElseThrow()
            .tricky("dt_completed uses `x`/blank", "blank means false in this file only");
      }
      case "389" ->
          f.rows
              .get(0)
              .tricky(
                  "unknown extra column `Người lập biểu`",
                  "warn once for the file, ignore the column");
      case "395" -> marchFieldCount(f);
      case "396" -> marchBlankCodes(f);
      case "397" ->
          corrupt(
              f,
              f.codeAt(17),
              ReportColumns.SUBMITTED,
              "9h30 05/04/2025",
              "bad-timestamp",
              "submitted_at `9h30 05/04/2025` matches no accepted format");
      default -> {}
    }
  }

  private void marchThanhHoaCity(ReportFile f) {
    ReportRow multi = f.row(f.codeAt(3));
    multi.cells.put(
        ReportColumns.NOTES,
        "Đã kiện toàn 3 tổ, bổ sung 9 thành viên.\nĐề nghị tỉnh hỗ trợ thêm thiết bị.");
    multi.tricky(
        "quoted notes containing a comma and a line break",
        "one record spanning two physical lines; the next record starts a line later");
    ReportRow nfd = f.row(f.codeAt(7));
    nfd.cells.put(ReportColumns.NAME, Text.nfd(nfd.name()));
    nfd.tricky("commune_name written in NFD (decomposed) Unicode", "normalise to NFC");
    corrupt(
        f,
        f.codeAt(12),
        ReportColumns.PCT,
        "78,5%",
        "bad-decimal",
        "smartphone_users_pct `78,5%` (percent sign); record after the two-line record");
  }

  private void marchFieldCount(ReportFile f) {
    ReportRow more = f.row(f.codeAt(4));
    more.cells.put(ReportColumns.NOTES, "Đã họp");
    more.extraFields.add(" triển khai tháng 4");
    more.bad(
        "field-count",
        "one field too many: unquoted notes `Đã họp, triển khai tháng 4` "
            + "after the last column (16 fields for 15 columns)");
    ReportRow fewer = f.row(f.codeAt(21));
    fewer.dropFields = 2;
    fewer.bad("field-count", "record truncated: the last two fields are missing (13 of 15)");
  }

  private void marchBlankCodes(ReportFile f) {
    for (String code : List.of("15643", f.codeAt(10))) {
      ReportRow r = f.row(code);
      r.cells.put(ReportColumns.CODE, "");
      r.tricky(
          "blank commune_code, resolved from `"
              + r.name()
              + "` + `"
              + r.cells.get(ReportColumns.DISTRICT)
              + "`",
          "resolve to " + code);
    }
  }

  private void writeMuongLatResubmission(YearMonth m) {
    ReportStyle style = ReportStyle.vietnamese().ts(TsFmt.DMY_HM).decimalComma();
    ReportFile f = districtFile("2025-03_huyen-muong-lat_gui-lai.csv", m, "384", style);
    f.rows
        .get(0)
        .tricky(
            "UTF-8 resubmission of the windows-1258 file with the same data",
            "accept all records; the rejected file supplies nothing");
    write(f);
  }

  private void writeApril() {
    YearMonth m = YearMonth.of(2025, 4);
    ReportStyle style =
        ReportStyle.english().shuffle(rnd).ts(TsFmt.ISO_LOCAL).bools(BoolFmt.ONE_ZERO);
    ReportFile f = provinceFile("bao-cao-thang-04-2025.csv", m, style);
    corrupt(
        f,
        f.codeAt(30),
        ReportColumns.PCT,
        "104.5",
        "out-of-range",
        "smartphone_users_pct 104.5 > 100");
    String typo = f.codeAt(77);
    corrupt(
        f,
        typo,
        ReportColumns.CODE,
        typo.substring(0, 4),
        "bad-commune-code",
        "commune_code `"
            + typo.substring(0, 4)
            + "` (last digit of "
            + typo
            + " lost): not 5 digits");
    ReportRow late = f.row(f.codeAt(150));
    late.cells.put(ReportColumns.ON_TIME, Long.toString(late.figures.received() + 12));
    late.bad(
        "on-time-exceeds-received",
        "online_dossiers_on_time "
            + (late.figures.received() + 12)
            + " > online_dossiers_received "
            + late.figures.received());
    ReportRow ambiguous = f.row("15736");
    ambiguous.cells.put(ReportColumns.CODE, "");
    ambiguous.cells.put(ReportColumns.DISTRICT, "");
    ambiguous.bad(
        "ambiguous-commune-name",
        "blank commune_code and district, `Xã Xuân Lộc`: three pre-reform units carry that name");
    blankCodeByName(f, "16057");
    blankCodeByName(f, "14823");
    f.rows
        .get(0)
        .tricky("ISO-8601 submitted_at without offset", "read as Asia/Ho_Chi_Minh local time");
    write(f);
  }

  private void writeMay() {
    YearMonth m = YearMonth.of(2025, 5);
    ReportStyle style =
        ReportStyle.vietnamese()
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.SPACE)
            .decimalComma()
            .bools(BoolFmt.YES_NO);
    ReportFile f = provinceFile("bao-cao-thang-05-2025.csv", m, style);
    ReportRow over = f.row(f.codeAt(60));
    long fiber = over.figures.households() + 35;
    over.cells.put(ReportColumns.FIBER, style.ints.format(fiber));
    over.bad(
        "fiber-exceeds-households",
        "fiber_households " + fiber + " > households " + over.figures.households());
    ReportRow wrong = f.row("15643");
    wrong.cells.put(ReportColumns.CODE, "");
    wrong.cells.put(ReportColumns.DISTRICT, "Huyện Thọ Xuân");
    wrong.bad(
        "unresolved-commune-name",
        "blank commune_code; `Xã Xuân Lộc` + `Huyện Thọ Xuân`: "
            + "no unit of that name in that district (it is in Huyện Thường Xuân)");
    corrupt(f, f.codeAt(200), ReportColumns.POPULATION, "", "missing-value", "population blank");
    corrupt(
        f,
        f.codeAt(330),
        ReportColumns.POPULATION,
        "6 512 người",
        "bad-integer",
        "population `6 512 người` (unit word in a number)");
    write(f);
  }

  private void writeJuneByDistrict() {
    YearMonth m = YearMonth.of(2025, 6);
    List<String> districts = ref.districtCodes();
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      String name = "2025-06_" + Text.slug(ref.districtName(d)) + ".csv";
      ReportFile f = districtFile(name, m, d, rotatingStyle(i + 1));
      juneSpecials(f, d);
      write(f);
    }
    ReportStyle style = ReportStyle.english();
    ReportFile fixed = districtFile("2025-06_huyen-nhu-xuan_bo-sung.csv", m, "402", style);
    fixed
        .rows
        .get(0)
        .tricky(
            "complete resubmission of a file rejected for a missing column", "accept all records");
    write(fixed);
  }

  private void juneSpecials(ReportFile f, String district) {
    switch (district) {
      case "380" ->
          f.rows
              .get(0)
              .tricky(
                  "June report submitted in July (after the reform) " + "with old codes",
                  "the period decides: validate against units_pre2025.csv");
      case "399" -> {
        for (int i : List.of(6, 19)) {
          ReportRow r = f.rows.get(i);
          f.rows.add(
              i + 1,
              copyOf(r)
                  .tricky(
                      "exact duplicate of the previous record",
                      "count as read and accepted; it reaches the dataset once"));
        }
      }
      case "401" ->
          corrupt(
              f,
              f.codeAt(8),
              ReportColumns.PERIOD,
              "Tháng 06/2025",
              "bad-month",
              "report_period `Tháng 06/2025`");
      case "402" -> {
        f.style.order =
            ReportColumns.CANONICAL.stream().filter(c -> !c.equals(ReportColumns.FIBER)).toList();
        f.rejectWhole(
            "missing-column",
            "required column fiber_households (`Số hộ có cáp quang`) "
                + "absent from the header (complete copy: 2025-06_huyen-nhu-xuan_bo-sung.csv)");
      }
      case "398" -> {
        f.style.leftoverColumns(14);
        List<String> extra = f.style.emptyColumns;
        catalog.tricky(
            SOURCE,
            f.name,
            "1",
            extra.size()
                + " unknown columns `"
                + extra.get(0)
                + "` … `"
                + extra.get(extra.size() - 1)
                + "` after the real ones (Excel's leftover "
                + "headers), empty in every row; BOM, quoted `78,5` decimals as in the rest of the file",
            "ignore them; the run report keeps the first 10 warnings `unknown column '…' ignored` "
                + "word for word and sums up the rest in one `…: … and "
                + (extra.size() - 10)
                + " more unknown columns`");
      }
      case "404" ->
          corrupt(
              f,
              f.codeAt(11),
              ReportColumns.DT,
              "Rồi",
              "bad-boolean",
              "dt_completed `Rồi` (\"done\", colloquial) is not a boolean spelling");
      case "406" ->
          corrupt(
              f, f.codeAt(14), ReportColumns.TEAMS, "-2", "out-of-range", "digital_teams -2 < 0");
      case "407" ->
          corrupt(
              f,
              f.codeAt(20),
              ReportColumns.PCT,
              "#DIV/0!",
              "bad-decimal",
              "smartphone_users_pct `#DIV/0!` (Excel error)");
      default -> {}
    }
  }

  private void writeJuly() {
    YearMonth m = YearMonth.of(2025, 7);
    ReportFile f = provinceFile("bao-cao-thang-07-2025.csv", m, ReportStyle.english());
    corrupt(
        f,
        "14758",
        ReportColumns.CODE,
        "14755",
        "unknown-commune-code",
        "Phường Hàm Rồng reports with its pre-reform code 14755; valid new code is 14758");
    String typo = f.codeAt(120);
    corrupt(
        f,
        typo,
        ReportColumns.CODE,
        typo + "0",
        "bad-commune-code",
        "commune_code `" + typo + "0` has 6 digits");
    f.rows
        .get(0)
        .tricky(
            "first post-reform month: new codes, blank district_name",
            "validate against units_2025.csv");
    write(f);
  }

  private void writeAugust() {
    YearMonth m = YearMonth.of(2025, 8);
    ReportStyle style =
        ReportStyle.vietnamese()
            .shuffle(rnd)
            .enc(Enc.UTF8_BOM)
            .period(PeriodFmt.MY)
            .ts(TsFmt.DMY_HM)
            .ints(IntFmt.DOT)
            .decimalComma();
    ReportFile f = provinceFile("bao-cao-thang-08-2025.csv", m, style);
    String hoangDao = ref.primarySuccessor("15946");
    ReportRow stale = f.row(hoangDao);
    stale.cells.put(ReportColumns.CODE, "");
    stale.cells.put(ReportColumns.NAME, "Xã Hoằng Đạo");
    stale.bad(
        "unresolved-commune-name",
        "blank commune_code and pre-reform name `Xã Hoằng Đạo` "
            + "(now part of "
            + ref.fresh(hoangDao).name()
            + "): no such unit after 2025-07-01");
    ReportRow cut = f.row(f.codeAt(50));
    cut.dropFields = 1;
    cut.bad("field-count", "one field short (14 of 15)");
    corrupt(
        f,
        f.codeAt(90),
        ReportColumns.SUBMITTED,
        "15/09/2025",
        "bad-timestamp",
        "submitted_at `15/09/2025` has no time of day");
    for (String code : List.of("14797", "14956")) {
      blankCodeByName(f, code);
    }
    ReportRow nfd = f.row("14854");
    nfd.cells.put(ReportColumns.CODE, "");
    nfd.cells.put(ReportColumns.NAME, Text.nfd(nfd.name()));
    nfd.tricky(
        "blank commune_code and NFD-encoded `Xã Mường Lý`",
        "normalise to NFC, then resolve by name alone to 14854");
    write(f);
    writeAugustTie(f);
  }

  /** Same submitted_at as the original: the later file name wins. */
  private void writeAugustTie(ReportFile original) {
    YearMonth m = YearMonth.of(2025, 8);
    String code = original.codeAt(100);
    if (original.row(code).rule != null) {
      throw new IllegalStateException("tie row must be valid in the original");
    }
    ReportFigures before = model.get(m, code);
    ReportFigures after = before.withTeams(before.teams() + 1, before.members() + 4);
    ReportFile f = new ReportFile("bao-cao-thang-08-2025_bo-sung.csv", original.style);
    f.rows.add(
        newRow(ref.fresh(code), m, after, model.submittedAt(m, code), f.style)
            .tricky(
                "same key and same submitted_at as in bao-cao-thang-08-2025.csv, teams "
                    + before.teams()
                    + " -> "
                    + after.teams()
                    + ", members "
                    + before.members()
                    + " -> "
                    + after.members(),
                "exact timestamp tie: the later file name wins (this row)"));
    write(f);
  }

  private void writeSeptember() {
    YearMonth m = YearMonth.of(2025, 9);
    ReportStyle style =
        ReportStyle.english()
            .shuffle(rnd)
            .withoutDistrict()
            .ts(TsFmt.ISO_LOCAL)
            .bools(BoolFmt.YES_NO);
    ReportFile f = provinceFile("bao-cao-thang-09-2025.csv", m, style);
    corrupt(f, f.codeAt(70), ReportColumns.SUBMITTED, "", "missing-value", "submitted_at blank");
    blankCodeByName(f, "16093");
    f.rows
        .get(0)
        .tricky(
            "no district_name column at all (optional column)",
            "read normally; district is blank after the reform anyway");
    write(f);
  }

  private void writeOctober() {
    YearMonth m = YearMonth.of(2025, 10);
    ReportStyle style = ReportStyle.vietnamese().decimalComma();
    ReportFile f = provinceFile("bao-cao-thang-10-2025.csv", m, style);
    ReportRow twin = f.rows.get(33);
    f.rows.add(
        34,
        copyOf(twin)
            .tricky(
                "exact duplicate of the previous record",
                "count as read and accepted; it reaches the dataset once"));
    write(f);
    writeOctoberDraft(f);
  }

  /** A later file with EARLIER submitted_at values: it must lose. */
  private void writeOctoberDraft(ReportFile original) {
    YearMonth m = YearMonth.of(2025, 10);
    ReportFile f =
        new ReportFile(
            "bao-cao-thang-10-2025_ban-nhap.csv", ReportStyle.english().ts(TsFmt.ISO_LOCAL));
    for (int i : List.of(10, 80, 140)) {
      String code = original.codeAt(i);
      ReportFigures real = model.get(m, code);
      long cut = Math.max(1, real.received() / 5);
      ReportFigures draft =
          real.withDossiers(real.received() - cut, Math.max(0, real.onTime() - cut - 1))
              .withDt(false);
      LocalDateTime earlier = model.submittedAt(m, code).minusDays(1).minusHours(2);
      f.rows.add(
          newRow(ref.fresh(code), m, draft, earlier, f.style)
              .tricky(
                  "draft with an earlier submitted_at than bao-cao-thang-10-2025.csv (received "
                      + draft.received()
                      + " instead of "
                      + real.received()
                      + ")",
                  "loses: the earlier instant never replaces the later one, whatever the file name"));
    }
    write(f);
  }

  /** Later resubmissions (later wins), one of them itself invalid (replaces nothing). */
  private void writeCorrections() {
    ReportFile f =
        new ReportFile("dieu-chinh-2025-11-10.csv", ReportStyle.english().ts(TsFmt.DMY_HM));
    LocalDateTime at = LocalDateTime.of(2025, 11, 10, 15, 30);
    YearMonth may = YearMonth.of(2025, 5);
    String oldCode = model.month(may).keySet().stream().toList().get(250);
    ReportFigures mayFig = model.get(may, oldCode);
    f.rows.add(
        oldRow(
                ref.old(oldCode),
                may,
                mayFig.withDossiers(mayFig.received() + 25, mayFig.onTime() + 25),
                at,
                f.style)
            .tricky(
                "correction of a 2025-05 report sent in "
                    + "November with the old code and district",
                "period decides: old list; later wins"));
    correction(f, YearMonth.of(2025, 8), 15, at, r -> r.withTeams(r.teams() + 2, r.members() + 7));
    correction(f, YearMonth.of(2025, 9), 42, at.plusMinutes(3), r -> r.withFiber(r.fiber() - 30));
    correction(f, YearMonth.of(2025, 10), 5, at.plusMinutes(5), r -> r.withDt(true));
    correction(
        f,
        YearMonth.of(2025, 10),
        99,
        at.plusMinutes(6),
        r -> r.withDossiers(r.received() + 18, r.onTime() + 18));
    YearMonth oct = YearMonth.of(2025, 10);
    String code = model.month(oct).keySet().stream().toList().get(120);
    ReportFigures real = model.get(oct, code);
    ReportRow bad = newRow(ref.fresh(code), oct, real, at.plusMinutes(8), f.style);
    bad.cells.put(ReportColumns.ON_TIME, Long.toString(real.received() + 3));
    f.rows.add(
        bad.bad(
            "on-time-exceeds-received",
            "correction with online_dossiers_on_time "
                + (real.received() + 3)
                + " > received "
                + real.received()
                + " (quarantined: the original October row stays)"));
    write(f);
  }

  private void correction(
      ReportFile f,
      YearMonth m,
      int index,
      LocalDateTime at,
      java.util.function.UnaryOperator<ReportFigures> change) {
    String code = model.month(m).keySet().stream().toList().get(index);
    ReportFigures before = model.get(m, code);
    ReportFigures after = change.apply(before);
    f.rows.add(
        newRow(ref.fresh(code), m, after, at, f.style)
            .tricky(
                "later resubmission of " + m + " " + code + " with changed values",
                "replaces the original (later submitted_at wins)"));
  }

  // --- rows and files -------------------------------------------------------------------------

  private ReportFile provinceFile(String name, YearMonth m, ReportStyle style) {
    ReportFile f = new ReportFile(name, style);
    for (String code : model.month(m).keySet()) {
      f.rows.add(
          Dates.preReform(m)
              ? oldRow(ref.old(code), m, model.get(m, code), model.submittedAt(m, code), style)
              : newRow(ref.fresh(code), m, model.get(m, code), model.submittedAt(m, code), style));
    }
    return f;
  }

  private ReportFile districtFile(String name, YearMonth m, String district, ReportStyle style) {
    ReportFile f = new ReportFile(name, style);
    for (OldUnit u : ref.district(district)) {
      f.rows.add(oldRow(u, m, model.get(m, u.code()), model.submittedAt(m, u.code()), style));
    }
    return f;
  }

  private ReportRow oldRow(
      OldUnit u, YearMonth m, ReportFigures fig, LocalDateTime at, ReportStyle style) {
    return row(u.code(), u.name(), u.districtName(), m, fig, at, style);
  }

  private ReportRow newRow(
      NewUnit u, YearMonth m, ReportFigures fig, LocalDateTime at, ReportStyle style) {
    return row(u.code(), u.name(), "", m, fig, at, style);
  }

  private ReportRow row(
      String code,
      String name,
      String district,
      YearMonth m,
      ReportFigures fig,
      LocalDateTime at,
      ReportStyle style) {
    ReportRow r = new ReportRow(code, m, fig, at);
    r.cells.put(ReportColumns.PERIOD, style.period.format(m));
    r.cells.put(ReportColumns.CODE, code);
    r.cells.put(ReportColumns.NAME, name);
    r.cells.put(ReportColumns.DISTRICT, district);
    r.cells.put(ReportColumns.SUBMITTED, style.ts.format(at));
    r.cells.put(ReportColumns.POPULATION, style.ints.format(fig.population()));
    r.cells.put(ReportColumns.HOUSEHOLDS, style.ints.format(fig.households()));
    r.cells.put(ReportColumns.TEAMS, style.ints.format(fig.teams()));
    r.cells.put(ReportColumns.MEMBERS, style.ints.format(fig.members()));
    r.cells.put(ReportColumns.RECEIVED, style.ints.format(fig.received()));
    r.cells.put(ReportColumns.ON_TIME, style.ints.format(fig.onTime()));
    r.cells.put(ReportColumns.PCT, style.formatPct(fig.pctTenths()));
    r.cells.put(ReportColumns.FIBER, style.ints.format(fig.fiber()));
    r.cells.put(ReportColumns.DT, style.bools.format(fig.dtCompleted()));
    r.cells.put(
        ReportColumns.NOTES, rnd.nextDouble() < 0.04 ? NOTES.get(rnd.nextInt(NOTES.size())) : "");
    r.extraValue = PREPARERS.get(rnd.nextInt(PREPARERS.size()));
    return r;
  }

  private ReportRow copyOf(ReportRow r) {
    ReportRow c = new ReportRow(r.code, r.month, r.figures, r.submitted);
    c.cells.putAll(r.cells);
    c.extraValue = r.extraValue;
    return c;
  }

  private void corrupt(
      ReportFile f, String code, String column, String text, String rule, String what) {
    ReportRow r = untouched(f, code);
    r.cells.put(column, text);
    r.bad(rule, what);
  }

  /** The row of a code that no other special case uses yet. */
  private ReportRow untouched(ReportFile f, String code) {
    ReportRow r = f.row(code);
    if (r.rule != null || r.tricky != null) {
      throw new IllegalStateException(f.name + ": row " + code + " already used");
    }
    return r;
  }

  private void blankCodeByName(ReportFile f, String code) {
    ReportRow r = untouched(f, code);
    r.cells.put(ReportColumns.CODE, "");
    String district = r.cells.get(ReportColumns.DISTRICT);
    r.tricky(
        "blank commune_code, name `"
            + r.name()
            + "`"
            + (district.isEmpty() ? " alone" : " + district `" + district + "`"),
        "resolve to " + code);
  }

  private void write(ReportFile f) {
    List<List<String>> records = f.rows.stream().map(r -> r.fields(f.style)).toList();
    Csv.Rendered rendered = Csv.render(f.style.header(), records, f.style.delimiter, f.style.eol);
    Output.write(dir.resolve(f.name), f.style.enc.encode(rendered.text()));
    for (int i = 0; i < f.rows.size(); i++) {
      register(f, f.rows.get(i), rendered.startLines().get(i));
    }
    files.add(new FileInfo(f.name, f.rows.size(), f.style.describe()));
  }

  private void register(ReportFile f, ReportRow r, int line) {
    if (f.fileRule != null) {
      catalog.bad(SOURCE, f.name, line, f.fileRule, f.fileWhat);
    } else if (r.rule != null) {
      catalog.bad(SOURCE, f.name, line, r.rule, r.what);
    } else {
      effective.offer(
          ReportModel.key(r.month, r.code), Dates.local(r.submitted), f.name, r.figures);
    }
    if (r.tricky != null) {
      catalog.tricky(SOURCE, f.name, Integer.toString(line), r.tricky, r.expect);
    }
  }

  private List<ReportMonthTotals> monthTotals() {
    SortedMap<String, ReportFigures> all = effective.values();
    List<ReportMonthTotals> totals = new ArrayList<>();
    for (YearMonth m : Dates.months()) {
      List<ReportFigures> rows =
          all.entrySet().stream()
              .filter(e -> e.getKey().startsWith(m + "|"))
              .map(Map.Entry::getValue)
              .toList();
      totals.add(
          new ReportMonthTotals(
              m,
              rows.size(),
              rows.stream().mapToLong(ReportFigures::population).sum(),
              rows.stream().mapToLong(ReportFigures::households).sum(),
              rows.stream().mapToLong(ReportFigures::teams).sum(),
              rows.stream().mapToLong(ReportFigures::members).sum(),
              rows.stream().mapToLong(ReportFigures::received).sum(),
              rows.stream().mapToLong(ReportFigures::onTime).sum(),
              rows.stream().filter(ReportFigures::dtCompleted).count()));
    }
    return totals;
  }
}

// ---------------------------------------------------------------------------------------------
// Payment accounts
// ---------------------------------------------------------------------------------------------

/** A payment provider and when its system sends the monthly file. */
record Provider(
    String name,
    String type,
    int day,
    int hour,
    int minute,
    double weight,
    double growth,
    double activeShare) {
  static final List<Provider> ALL =
      List.of(
          new Provider("Agribank", "bank", 3, 9, 15, 0.34, 0.007, 0.62),
          new Provider("BIDV", "bank", 4, 10, 0, 0.08, 0.008, 0.6),
          new Provider("VietinBank", "bank", 4, 14, 30, 0.08, 0.008, 0.6),
          new Provider("Vietcombank", "bank", 5, 8, 45, 0.06, 0.009, 0.65),
          new Provider("MoMo", "e_wallet", 2, 7, 0, 0.16, 0.018, 0.7),
          new Provider("ZaloPay", "e_wallet", 2, 18, 20, 0.06, 0.018, 0.66),
          new Provider("Viettel Money", "mobile_money", 3, 16, 20, 0.17, 0.013, 0.55),
          new Provider("VNPT Money", "mobile_money", 6, 11, 10, 0.05, 0.012, 0.5));

  static Provider named(String name) {
    return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow();
  }

  OffsetDateTime reportedAt(YearMonth period) {
    return period.plusMonths(1).atDay(day).atTime(hour, minute).atOffset(Dates.PLUS7);
  }
}

/** Counts of one provider in one commune and month. */
record Accounts(long total, long opened, long active) {}

/** One provider's book in one old commune: base size and whether it is a small cell. */
record Holding(Provider provider, double base, boolean small, double activeShare) {}

/** Monthly account counts: old communes for 2025-01..06, crosswalk sums for 2025-07..10. */
final class PaymentModel {
  static final double TOTAL_OCTOBER = 910_000;

  private final Map<YearMonth, SortedMap<String, Map<String, Accounts>>> months;

  private PaymentModel(Map<YearMonth, SortedMap<String, Map<String, Accounts>>> months) {
    this.months = months;
  }

  SortedMap<String, Map<String, Accounts>> month(YearMonth m) {
    return months.get(m);
  }

  static PaymentModel generate(Reference ref, ReportModel reports, Random rnd) {
    SortedMap<String, List<Holding>> holdings = new TreeMap<>();
    for (OldUnit u : ref.oldUnits()) {
      double pop = reports.get(Dates.FIRST, u.code()).population();
      holdings.put(u.code(), holdings(u, pop, rnd));
    }
    double scale = scaleToTarget(holdings);
    Map<YearMonth, SortedMap<String, Map<String, Accounts>>> months = new TreeMap<>();
    for (YearMonth m : Dates.months()) {
      SortedMap<String, Map<String, Accounts>> old = new TreeMap<>();
      for (Map.Entry<String, List<Holding>> e : holdings.entrySet()) {
        old.put(e.getKey(), oldAccounts(e.getValue(), m, scale, rnd));
      }
      months.put(m, Dates.preReform(m) ? old : aggregate(ref, old));
    }
    return new PaymentModel(months);
  }

  private static List<Holding> holdings(OldUnit u, double pop, Random rnd) {
    double perCapita =
        (u.urban() ? 0.42 : u.mountain() ? 0.12 : 0.21) * Seeds.uniform(rnd, 0.8, 1.2);
    Map<String, Boolean> present = new LinkedHashMap<>();
    Map<String, Boolean> small = new LinkedHashMap<>();
    boolean town = !u.type().equals("xã");
    present.put("Agribank", true);
    present.put("BIDV", u.urban() || town || pop > 8_000 || rnd.nextDouble() < 0.15);
    present.put("VietinBank", u.urban() || pop > 9_000 || rnd.nextDouble() < 0.1);
    present.put("Vietcombank", u.urban() && (u.type().equals("phường") || rnd.nextDouble() < 0.6));
    boolean momo = u.urban() || rnd.nextDouble() < (u.mountain() ? 0.35 : 0.9);
    present.put("MoMo", momo);
    boolean zalo =
        u.urban()
            || (!momo && rnd.nextDouble() < 0.6)
            || (momo && !u.mountain() && rnd.nextDouble() < 0.4);
    present.put("ZaloPay", zalo);
    small.put("ZaloPay", zalo && !momo);
    boolean viettel = u.urban() || rnd.nextDouble() < (u.mountain() ? 0.9 : 0.96);
    present.put("Viettel Money", viettel);
    boolean vnpt = u.urban() || !viettel || rnd.nextDouble() < 0.55;
    present.put("VNPT Money", vnpt);
    small.put("VNPT Money", vnpt && !u.urban() && (!viettel || rnd.nextDouble() < 0.3));
    double weights =
        Provider.ALL.stream()
            .filter(p -> present.get(p.name()) && !small.getOrDefault(p.name(), false))
            .mapToDouble(Provider::weight)
            .sum();
    List<Holding> result = new ArrayList<>();
    for (Provider p : Provider.ALL) {
      if (!present.get(p.name())) {
        continue;
      }
      boolean isSmall = small.getOrDefault(p.name(), false);
      double base =
          isSmall
              ? 1 + rnd.nextInt(8)
              : pop * perCapita * p.weight() / weights * Seeds.uniform(rnd, 0.85, 1.15);
      result.add(new Holding(p, base, isSmall, p.activeShare() * Seeds.uniform(rnd, 0.85, 1.1)));
    }
    return result;
  }

  private static double total(Holding h, int k, double scale) {
    return h.small() ? h.base() : h.base() * scale * Math.pow(1 + h.provider().growth(), k);
  }

  private static double scaleToTarget(SortedMap<String, List<Holding>> holdings) {
    double smallSum = 0;
    double largeSum = 0;
    for (List<Holding> list : holdings.values()) {
      for (Holding h : list) {
        double october = total(h, 9, 1.0);
        if (h.small()) {
          smallSum += Math.round(october);
        } else {
          largeSum += october;
        }
      }
    }
    return (TOTAL_OCTOBER - smallSum) / largeSum;
  }

  private static Map<String, Accounts> oldAccounts(
      List<Holding> holdings, YearMonth m, double scale, Random rnd) {
    int k = m.getMonthValue() - 1;
    Map<String, Accounts> result = new LinkedHashMap<>();
    for (Holding h : holdings) {
      long total = Math.round(total(h, k, scale));
      double grown = total(h, k, scale) - total(h, k - 1, scale);
      long opened =
          h.small()
              ? (rnd.nextDouble() < 0.3 ? 1 : 0)
              : Math.round(grown + total * Seeds.uniform(rnd, 0.004, 0.008));
      long active =
          Math.round(total * Math.min(0.95, h.activeShare() * Seeds.uniform(rnd, 0.97, 1.03)));
      result.put(
          h.provider().name(),
          new Accounts(total, Math.min(opened, total), Math.min(active, total)));
    }
    return result;
  }

  private static SortedMap<String, Map<String, Accounts>> aggregate(
      Reference ref, SortedMap<String, Map<String, Accounts>> old) {
    SortedMap<String, Map<String, Accounts>> result = new TreeMap<>();
    for (NewUnit n : ref.newUnits()) {
      Map<String, double[]> sums = new TreeMap<>();
      for (Edge e : ref.predecessors(n.code())) {
        double s = ref.share(e);
        old.get(e.oldCode())
            .forEach(
                (provider, a) -> {
                  double[] sum = sums.computeIfAbsent(provider, p -> new double[3]);
                  sum[0] += s * a.total();
                  sum[1] += s * a.opened();
                  sum[2] += s * a.active();
                });
      }
      Map<String, Accounts> accounts = new LinkedHashMap<>();
      for (Provider p : Provider.ALL) {
        double[] sum = sums.get(p.name());
        if (sum != null && Math.round(sum[0]) > 0) {
          accounts.put(
              p.name(), new Accounts(Math.round(sum[0]), Math.round(sum[1]), Math.round(sum[2])));
        }
      }
      result.put(n.code(), accounts);
    }
    return result;
  }
}

/** Province figures of the payment dataset, for the README. */
record PaymentSummary(
    List<FileInfo> files,
    SortedMap<String, Long> communeTotals,
    SortedMap<YearMonth, Long> totals,
    SortedMap<YearMonth, Integer> rows,
    int smallCellsOctober,
    int communesOneSmallOctober,
    int communesTwoSmallOctober,
    int smallCellsJune,
    int communesOneSmallJune) {}

/** Writes {@code payment-accounts/}: one strict CSV per month plus corrections. */
final class PaymentAccountsWriter {
  static final String SOURCE = "payment-accounts";
  static final String FAILED_EXPORT = "2025-10_viettel-money_loi-xuat.csv";
  static final List<String> HEADER =
      List.of(
          "period",
          "commune_code",
          "provider_type",
          "provider_name",
          "accounts_total",
          "accounts_opened",
          "accounts_active",
          "reported_at");

  private final Reference ref;
  private final PaymentModel model;
  private final Catalog catalog;
  private final Path dir;
  private final Effective<Accounts> effective = new Effective<>();
  private final List<FileInfo> files = new ArrayList<>();

  /** One CSV record with its key and (if deliberately wrong) its rule. */
  static final class Row {
    final YearMonth period;
    final String code;
    final Provider provider;
    final Accounts accounts;
    final OffsetDateTime reportedAt;
    final List<String> fields;
    String rule;
    String what;
    String tricky;
    String expect;

    Row(YearMonth period, String code, Provider provider, Accounts a, OffsetDateTime at) {
      this.period = period;
      this.code = code;
      this.provider = provider;
      this.accounts = a;
      this.reportedAt = at;
      this.fields =
          new ArrayList<>(
              List.of(
                  period.toString(),
                  code,
                  provider.type(),
                  provider.name(),
                  Long.toString(a.total()),
                  Long.toString(a.opened()),
                  Long.toString(a.active()),
                  Dates.ISO_OFFSET.format(at)));
    }

    Row set(String column, String value) {
      fields.set(HEADER.indexOf(column), value);
      return this;
    }

    Row bad(String ruleId, String description) {
      rule = ruleId;
      what = description;
      return this;
    }

    Row tricky(String description, String expectation) {
      tricky = description;
      expect = expectation;
      return this;
    }

    String key() {
      return period + "|" + code + "|" + provider.name();
    }
  }

  PaymentAccountsWriter(Reference ref, PaymentModel model, Catalog catalog, Path root) {
    this.ref = ref;
    this.model = model;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
  }

  PaymentSummary writeAll() {
    for (YearMonth m : Dates.months()) {
      List<Row> rows = monthRows(m);
      monthSpecials(m, rows);
      write(m + ".csv", HEADER, rows);
    }
    writeRejectedSupplement();
    writeCorrections();
    writeFailedExport();
    files.sort(Comparator.comparing(FileInfo::name));
    return summary();
  }

  private List<Row> monthRows(YearMonth m) {
    List<Row> rows = new ArrayList<>();
    model
        .month(m)
        .forEach(
            (code, accounts) ->
                accounts.forEach(
                    (name, a) -> {
                      Provider p = Provider.named(name);
                      rows.add(new Row(m, code, p, a, p.reportedAt(m)));
                    }));
    return rows;
  }

  private Row find(List<Row> rows, String providerName, int skip) {
    return rows.stream()
        .filter(r -> r.provider.name().equals(providerName))
        .skip(skip)
        .findFirst()
        .orElseThrow();
  }

  private void monthSpecials(YearMonth m, List<Row> rows) {
    switch (m.getMonthValue()) {
      case 1 -> january(rows);
      case 2 -> february(rows);
      case 3 -> march(rows);
      case 4 -> april(rows);
      case 5 -> may(rows);
      case 6 -> june(rows);
      case 7 -> july(rows);
      case 8 -> august(rows);
      default -> {}
    }
  }

  private void january(List<Row> rows) {
    Row r = find(rows, "Agribank", 20);
    Row december =
        new Row(
            YearMonth.of(2024, 12),
            r.code,
            r.provider,
            r.accounts,
            OffsetDateTime.of(2025, 1, 3, 9, 15, 0, 0, Dates.PLUS7));
    rows.add(
        rows.indexOf(r),
        december.bad(
            "unit-list-unavailable",
            "period 2024-12 (resent December row): no unit list before 2025-01-01"));
  }

  private void february(List<Row> rows) {
    Row template = find(rows, "Viettel Money", 3);
    String ghost = ref.disputed().get(1).code();
    rows.add(
        new Row(template.period, ghost, template.provider, template.accounts, template.reportedAt)
            .bad(
                "unknown-commune-code",
                "commune_code "
                    + ghost
                    + " (disputed Jan–Feb 2025 snapshot code) is not in units_pre2025.csv"));
    find(rows, "MoMo", 44)
        .set("provider_type", "ewallet")
        .bad("unknown-value", "provider_type `ewallet` is not one of bank, e_wallet, mobile_money");
  }

  private void march(List<Row> rows) {
    find(rows, "VietinBank", 12)
        .set("period", "03/2025")
        .bad("bad-month", "period `03/2025`: this source accepts YYYY-MM only");
    Row big =
        rows.stream()
            .filter(r -> r.accounts.total() >= 1000 && r.rule == null)
            .skip(30)
            .findFirst()
            .orElseThrow();
    big.set("accounts_total", IntFmt.DOT.format(big.accounts.total()))
        .bad(
            "bad-integer",
            "accounts_total `"
                + IntFmt.DOT.format(big.accounts.total())
                + "` with a thousands separator: plain integers only");
  }

  private void april(List<Row> rows) {
    Row r = find(rows, "BIDV", 25);
    long opened = r.accounts.total() + 15;
    r.set("accounts_opened", Long.toString(opened))
        .bad(
            "opened-exceeds-total",
            "accounts_opened " + opened + " > accounts_total " + r.accounts.total());
    Row extra = find(rows, "Agribank", 140);
    extra.fields.add("");
    extra.bad("field-count", "trailing comma: 9 fields for 8 columns");
  }

  private void may(List<Row> rows) {
    Row r = find(rows, "Vietcombank", 6);
    String local = r.reportedAt.toLocalDateTime().toString() + ":00";
    r.set("reported_at", local)
        .bad(
            "bad-timestamp", "reported_at `" + local + "` has no offset: this source requires one");
    for (int skip : List.of(100, 101, 102)) {
      Row twin = find(rows, "Agribank", skip);
      rows.add(
          new Row(twin.period, twin.code, twin.provider, twin.accounts, twin.reportedAt)
              .tricky(
                  "exact duplicate (the provider's export repeated three rows at the end)",
                  "count as read and accepted; reaches the dataset once"));
    }
  }

  private void june(List<Row> rows) {
    find(rows, "ZaloPay", 15).set("provider_name", "").bad("missing-value", "provider_name blank");
    find(rows, "Viettel Money", 200)
        .set("accounts_opened", "-3")
        .bad("out-of-range", "accounts_opened -3 < 0");
    find(rows, "Agribank", 0)
        .tricky(
            "June rows reported in July with old codes",
            "period decides: validate against units_pre2025.csv");
  }

  private void july(List<Row> rows) {
    Row r = find(rows, "Agribank", 33);
    String typo = r.code.substring(0, 4);
    r.set("commune_code", typo).bad("bad-commune-code", "commune_code `" + typo + "` has 4 digits");
  }

  private void august(List<Row> rows) {
    String retired = ref.retiredCodes().get(200);
    Row template = find(rows, "VNPT Money", 4);
    rows.add(
        new Row(template.period, retired, template.provider, template.accounts, template.reportedAt)
            .bad(
                "unknown-commune-code",
                "commune_code "
                    + retired
                    + " ("
                    + ref.old(retired).name()
                    + ") is a pre-reform code, not in units_2025.csv"));
  }

  /** A provider's late supplement that lacks a column: rejected whole, replaces nothing. */
  private void writeRejectedSupplement() {
    YearMonth m = YearMonth.of(2025, 4);
    List<String> header = HEADER.stream().filter(c -> !c.equals("accounts_active")).toList();
    List<Row> rows = new ArrayList<>();
    OffsetDateTime at = OffsetDateTime.of(2025, 5, 20, 10, 0, 0, 0, Dates.PLUS7);
    for (Row r : monthRows(m)) {
      if (r.provider.name().equals("VNPT Money") && rows.size() < 4) {
        Accounts a =
            new Accounts(r.accounts.total() + 2, r.accounts.opened() + 2, r.accounts.active());
        Row s = new Row(m, r.code, r.provider, a, at);
        s.fields.remove(HEADER.indexOf("accounts_active"));
        rows.add(
            s.bad(
                "missing-column",
                "required column accounts_active absent from the "
                    + "header (a later VNPT Money supplement; it replaces nothing)"));
      }
    }
    write("2025-04_vnpt-money_bo-sung.csv", header, rows);
  }

  private void writeCorrections() {
    List<Row> rows = new ArrayList<>();
    OffsetDateTime local = OffsetDateTime.of(2025, 11, 12, 10, 5, 0, 0, Dates.PLUS7);
    OffsetDateTime utc = OffsetDateTime.of(2025, 11, 12, 3, 20, 0, 0, ZoneOffset.UTC);
    rows.add(corrected(YearMonth.of(2025, 3), "Agribank", 50, local, 1.03));
    rows.add(corrected(YearMonth.of(2025, 6), "MoMo", 70, local, 0.97));
    rows.add(corrected(YearMonth.of(2025, 9), "BIDV", 8, utc, 1.05));
    rows.add(corrected(YearMonth.of(2025, 10), "Viettel Money", 30, utc, 1.02));
    rows.add(corrected(YearMonth.of(2025, 10), "Agribank", 90, utc.plusMinutes(1), 0.98));
    Row base = find(monthRows(YearMonth.of(2025, 10)), "MoMo", 12);
    long active = base.accounts.total() + 40;
    rows.add(
        new Row(base.period, base.code, base.provider, base.accounts, utc.plusMinutes(2))
            .set("accounts_active", Long.toString(active))
            .bad(
                "active-exceeds-total",
                "correction with accounts_active "
                    + active
                    + " > accounts_total "
                    + base.accounts.total()
                    + " (quarantined: the original row stays)"));
    write("dieu-chinh-2025-11-12.csv", HEADER, rows);
  }

  /** A provider's re-export that failed: the file landed with 0 bytes (no header, no record). */
  private void writeFailedExport() {
    String name = FAILED_EXPORT;
    Output.write(dir.resolve(name), new byte[0]);
    catalog.tricky(
        SOURCE,
        name,
        "",
        "0-byte file: a Viettel Money re-export of 2025-10 that " + "failed (no header, no record)",
        "list it in the run report's file_details with 0 rows "
            + "and the warning `…: empty file: 0 bytes, no record (an export that failed?)`; nothing "
            + "is quarantined; 2025-10.csv still holds Viettel Money's October rows");
    files.add(new FileInfo(name, 0, "0 bytes"));
  }

  private Row corrected(YearMonth m, String provider, int skip, OffsetDateTime at, double f) {
    Row r = find(monthRows(m), provider, skip);
    long total = Math.round(r.accounts.total() * f);
    Accounts a =
        new Accounts(
            total,
            Math.min(total, r.accounts.opened()),
            Math.min(total, Math.round(r.accounts.active() * f)));
    return new Row(m, r.code, r.provider, a, at)
        .tricky(
            "correction of "
                + m
                + " "
                + r.code
                + " "
                + provider
                + ": accounts_total "
                + r.accounts.total()
                + " -> "
                + total
                + (at.getOffset().equals(ZoneOffset.UTC) ? " (reported_at in `Z`)" : ""),
            "later reported_at wins");
  }

  private void write(String name, List<String> header, List<Row> rows) {
    Csv.Rendered rendered =
        Csv.render(header, rows.stream().map(r -> r.fields).toList(), ',', "\n");
    Output.write(dir.resolve(name), rendered.text().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int line = rendered.startLines().get(i);
      if (r.rule != null) {
        catalog.bad(SOURCE, name, line, r.rule, r.what);
      } else {
        effective.offer(r.key(), r.reportedAt.toInstant(), name, r.accounts);
      }
      if (r.tricky != null) {
        catalog.tricky(SOURCE, name, Integer.toString(line), r.tricky, r.expect);
      }
    }
    files.add(new FileInfo(name, rows.size(), "UTF-8, `,`, LF, canonical headers"));
  }

  private PaymentSummary summary() {
    SortedMap<YearMonth, Long> totals = new TreeMap<>();
    SortedMap<YearMonth, Integer> rowCounts = new TreeMap<>();
    SortedMap<String, Map<String, Long>> cells = new TreeMap<>();
    effective
        .values()
        .forEach(
            (key, a) -> {
              String[] k = key.split("\\|");
              YearMonth m = YearMonth.parse(k[0]);
              totals.merge(m, a.total(), Long::sum);
              rowCounts.merge(m, 1, Integer::sum);
              cells
                  .computeIfAbsent(k[0] + "|" + k[1], x -> new TreeMap<>())
                  .merge(Provider.named(k[2]).type(), a.total(), Long::sum);
            });
    int[] oct = smallCells(cells, Dates.LAST);
    int[] jun = smallCells(cells, YearMonth.of(2025, 6));
    SortedMap<String, Long> communeTotals = new TreeMap<>();
    cells.forEach(
        (k, byType) ->
            communeTotals.put(k, byType.values().stream().mapToLong(Long::longValue).sum()));
    return new PaymentSummary(
        List.copyOf(files),
        communeTotals,
        totals,
        rowCounts,
        oct[0],
        oct[1],
        oct[2],
        jun[0],
        jun[1]);
  }

  /** Small provider-type cells (< 10) of a month: {cells, communes with one, with two+}. */
  private static int[] smallCells(SortedMap<String, Map<String, Long>> cells, YearMonth m) {
    int[] result = new int[3];
    cells.forEach(
        (key, byType) -> {
          if (key.startsWith(m + "|")) {
            int small = (int) byType.values().stream().filter(v -> v < 10).count();
            result[0] += small;
            result[1] += small == 1 ? 1 : 0;
            result[2] += small >= 2 ? 1 : 0;
          }
        });
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// OCOP listings: model
// ---------------------------------------------------------------------------------------------

/** A seller and its commune before and after the reform. */
record Seller(String name, String type, String oldCode, String newCode) {
  String code(LocalDate day) {
    return Dates.preReform(day) ? oldCode : newCode;
  }
}

/** An OCOP-certified product. */
record Product(
    String code,
    String name,
    int stars,
    String category,
    LocalDate certifiedOn,
    Seller seller,
    String unit,
    long price,
    boolean stamp,
    LocalDate listedFrom) {}

/** A kind of product with where it is made and how much it is made. */
record Template(
    String category,
    String name,
    String unit,
    long price,
    List<String> districts,
    int count,
    String htxKind) {}

/** One product listing on one platform and its day-by-day state. */
final class Listing {
  final String id;
  final String platform;
  final String url;
  final Product product;
  final LocalDate start;
  final LocalDate end;
  final LocalDate gapFrom;
  final LocalDate gapTo;
  final double popularity;
  long price;
  int outOfStockDays;
  long reviews;
  long sold;
  double rating;

  Listing(
      String id,
      String platform,
      String url,
      Product product,
      LocalDate start,
      LocalDate end,
      LocalDate gapFrom,
      LocalDate gapTo,
      double popularity) {
    this.id = id;
    this.platform = platform;
    this.url = url;
    this.product = product;
    this.start = start;
    this.end = end;
    this.gapFrom = gapFrom;
    this.gapTo = gapTo;
    this.popularity = popularity;
  }

  boolean visible(LocalDate day) {
    boolean inGap = gapFrom != null && !day.isBefore(gapFrom) && !day.isAfter(gapTo);
    return !day.isBefore(start) && !day.isAfter(end) && !inGap;
  }
}

/** One crawl of one listing: the values seen and when. */
record Crawl(
    Listing listing,
    Instant at,
    boolean utc,
    long price,
    boolean inStock,
    Double rating,
    long reviews,
    long sold,
    boolean flashSale) {
  LocalDate localDate() {
    return at.atZone(Dates.HCM).toLocalDate();
  }

  String crawledAt() {
    return utc
        ? DateTimeFormatter.ISO_INSTANT.format(at)
        : Dates.ISO_OFFSET.format(at.atOffset(Dates.PLUS7));
  }
}

/** Products, listings and the daily crawls. */
final class OcopModel {
  static final int PRODUCTS = 152;
  static final List<String> PLATFORMS =
      List.of("shopee", "lazada", "tiki", "tiktok_shop", "sendo", "postmart", "voso");
  private static final double[] PLATFORM_WEIGHTS = {0.36, 0.14, 0.11, 0.16, 0.05, 0.12, 0.06};
  private static final Map<String, Double> CRAWL_RATE =
      Map.of(
          "shopee",
          0.42,
          "lazada",
          0.33,
          "tiki",
          0.3,
          "tiktok_shop",
          0.33,
          "sendo",
          0.28,
          "postmart",
          0.3,
          "voso",
          0.28);
  private static final Map<String, LocalTime> CRAWL_TIME =
      Map.of(
          "shopee",
          LocalTime.of(22, 0),
          "lazada",
          LocalTime.of(6, 0),
          "tiki",
          LocalTime.of(12, 0),
          "tiktok_shop",
          LocalTime.of(1, 30),
          "sendo",
          LocalTime.of(9, 0),
          "postmart",
          LocalTime.of(14, 0),
          "voso",
          LocalTime.of(15, 0));

  final List<Product> products;
  final List<Listing> listings;
  final SortedMap<LocalDate, List<Crawl>> days;

  private OcopModel(
      List<Product> products, List<Listing> listings, SortedMap<LocalDate, List<Crawl>> days) {
    this.products = products;
    this.listings = listings;
    this.days = days;
  }

  static OcopModel generate(Reference ref, Random rnd) {
    List<Product> products = OcopCatalogue.products(ref, rnd);
    List<Listing> listings = listings(products, rnd);
    SortedMap<LocalDate, List<Crawl>> days = new TreeMap<>();
    for (LocalDate d = Dates.FIRST_DAY; !d.isAfter(Dates.LAST_DAY); d = d.plusDays(1)) {
      days.put(d, crawlDay(listings, d, rnd));
    }
    return new OcopModel(products, listings, days);
  }

  private static List<Listing> listings(List<Product> products, Random rnd) {
    List<Listing> listings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Product p : products) {
      double r = rnd.nextDouble();
      int count = r < 0.5 ? 1 : r < 0.84 ? 2 : r < 0.96 ? 3 : 4;
      List<String> platforms = new ArrayList<>();
      while (platforms.size() < count) {
        String platform = pickPlatform(rnd);
        if (!platforms.contains(platform)) {
          platforms.add(platform);
        }
      }
      if (rnd.nextDouble() < 0.05) {
        platforms.add(platforms.get(0));
      }
      for (int i = 0; i < platforms.size(); i++) {
        listings.add(listing(p, platforms.get(i), i == 0, ids, rnd));
      }
    }
    listings.sort(Comparator.comparing(l -> l.id));
    return listings;
  }

  private static String pickPlatform(Random rnd) {
    double r = rnd.nextDouble();
    for (int i = 0; i < PLATFORMS.size(); i++) {
      r -= PLATFORM_WEIGHTS[i];
      if (r < 0) {
        return PLATFORMS.get(i);
      }
    }
    return PLATFORMS.get(0);
  }

  private static Listing listing(
      Product p, String platform, boolean main, Set<String> ids, Random rnd) {
    String native_;
    do {
      native_ = nativeId(platform, rnd);
    } while (!ids.add(platform + ":" + native_));
    LocalDate start =
        main
            ? p.listedFrom()
            : min(p.listedFrom().plusDays(rnd.nextInt(120)), LocalDate.of(2025, 10, 15));
    LocalDate end =
        !main && rnd.nextDouble() < 0.25
            ? min(start.plusDays(30 + rnd.nextInt(120)), Dates.LAST_DAY)
            : Dates.LAST_DAY;
    LocalDate gapFrom = null;
    LocalDate gapTo = null;
    if (rnd.nextDouble() < 0.12) {
      gapFrom = start.plusDays(10 + rnd.nextInt(150));
      gapTo = gapFrom.plusDays(3 + rnd.nextInt(9));
    }
    Listing l =
        new Listing(
            platform + ":" + native_,
            platform,
            url(platform, native_, p),
            p,
            start,
            end,
            gapFrom,
            gapTo,
            Seeds.uniform(rnd, 0.05, 0.6));
    l.price = roundPrice(p.price() * Seeds.uniform(rnd, 0.95, 1.08));
    boolean established = start.equals(Dates.FIRST_DAY);
    l.reviews = established ? 5 + rnd.nextInt(400) : 0;
    l.sold = Math.round(l.reviews * Seeds.uniform(rnd, 2, 6));
    l.rating = Seeds.uniform(rnd, 4.3, 4.95);
    return l;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  static long roundPrice(double v) {
    return Math.max(1000, Math.round(v / 1000) * 1000);
  }

  private static String nativeId(String platform, Random rnd) {
    int digits =
        switch (platform) {
          case "shopee" -> 11;
          case "lazada" -> 10;
          case "tiki" -> 9;
          case "tiktok_shop" -> 19;
          case "sendo" -> 8;
          case "postmart" -> 6;
          default -> 7;
        };
    StringBuilder sb = new StringBuilder().append(1 + rnd.nextInt(9));
    while (sb.length() < digits) {
      sb.append(rnd.nextInt(10));
    }
    return sb.toString();
  }

  private static String url(String platform, String id, Product p) {
    String slug = Text.slug(p.name());
    return switch (platform) {
      case "shopee" -> "https://shopee.vn/product/" + id;
      case "lazada" -> "https://www.lazada.vn/products/" + slug + "-i" + id + ".html";
      case "tiki" -> "https://tiki.vn/" + slug + "-p" + id + ".html";
      case "tiktok_shop" -> "https://www.tiktok.com/view/product/" + id;
      case "sendo" -> "https://www.sendo.vn/" + slug + "-" + id + ".html";
      case "postmart" -> "https://postmart.vn/san-pham/" + slug + "-" + id;
      default -> "https://voso.vn/" + slug + "-p" + id + ".html";
    };
  }

  /** Advances every live listing by one day, and crawls some of them. */
  private static List<Crawl> crawlDay(List<Listing> listings, LocalDate day, Random rnd) {
    List<Crawl> crawls = new ArrayList<>();
    for (Listing l : listings) {
      if (day.isBefore(l.start) || day.isAfter(l.end)) {
        continue;
      }
      boolean flash = advance(l, rnd);
      if (l.visible(day) && rnd.nextDouble() < CRAWL_RATE.get(l.platform)) {
        crawls.add(crawl(l, day, flash, rnd));
      }
    }
    crawls.sort(Comparator.comparing(Crawl::at).thenComparing(c -> c.listing().id));
    return crawls;
  }

  private static boolean advance(Listing l, Random rnd) {
    if (rnd.nextDouble() < 1.0 / 45) {
      double change = Seeds.uniform(rnd, 0.03, 0.1) * (rnd.nextBoolean() ? 1 : -1);
      l.price = roundPrice(l.price * (1 + change));
    }
    if (l.outOfStockDays > 0) {
      l.outOfStockDays--;
    } else if (rnd.nextDouble() < 0.008) {
      l.outOfStockDays = 2 + rnd.nextInt(5);
    }
    if (rnd.nextDouble() < l.popularity) {
      l.reviews++;
      l.sold += 2 + rnd.nextInt(5);
      if (rnd.nextDouble() < 0.1) {
        l.rating = Math.max(3.8, Math.min(5.0, l.rating + (rnd.nextBoolean() ? 0.05 : -0.05)));
      }
    }
    l.sold += rnd.nextInt(3);
    return rnd.nextDouble() < 0.015;
  }

  static Crawl crawl(Listing l, LocalDate day, boolean flash, Random rnd) {
    LocalTime t =
        CRAWL_TIME
            .get(l.platform)
            .plusMinutes(rnd.nextInt(l.platform.equals("tiktok_shop") ? 29 : 55))
            .plusSeconds(rnd.nextInt(60));
    Instant at = day.atTime(t).atZone(Dates.HCM).toInstant();
    return snapshot(l, at, flash);
  }

  static Crawl snapshot(Listing l, Instant at, boolean flash) {
    long price = flash ? roundPrice(l.price * 0.85) : l.price;
    Double rating = l.reviews == 0 ? null : Math.round(l.rating * 10) / 10.0;
    return new Crawl(
        l,
        at,
        l.platform.equals("tiktok_shop"),
        price,
        l.outOfStockDays == 0,
        rating,
        l.reviews,
        l.sold,
        flash);
  }
}

/** The realistic Thanh Hóa OCOP product kinds the sample catalogue is drawn from. */
final class OcopCatalogue {
  private static final String[] TEMPLATES = {
    // category | name | unit | price | districts | count | HTX kind
    "thuc_pham|Nem chua Thanh Hóa|hộp 500g|65000|380|7|Chế biến thực phẩm",
    "thuc_pham|Nem chua Hoằng Hóa|chục 10 cái|45000|399|3|Chế biến thực phẩm",
    "thuc_pham|Chè lam Phủ Quảng|gói 300g|40000|393|3|Dịch vụ nông nghiệp",
    "thuc_pham|Bánh gai Tứ Trụ|hộp 10 chiếc|70000|395|4|Dịch vụ nông nghiệp",
    "thuc_pham|Mắm tép Hà Yên|hũ 500g|85000|392|3|Chế biến thủy sản",
    "thuc_pham|Nước mắm Ba Làng|chai 500ml|75000|407|4|Chế biến thủy sản",
    "thuc_pham|Nước mắm Hoằng Thanh|chai 500ml|65000|399|2|Chế biến thủy sản",
    "thuc_pham|Mực khô Sầm Sơn|túi 500g|650000|382|3|Thủy sản",
    "thuc_pham|Chả mực Sầm Sơn|hộp 500g|180000|382|3|Thủy sản",
    "thuc_pham|Cá thu một nắng Sầm Sơn|túi 1kg|320000|382|2|Thủy sản",
    "thuc_pham|Mắm tôm Hậu Lộc|hũ 500g|55000|400|3|Chế biến thủy sản",
    "thuc_pham|Chả cá Hậu Lộc|hộp 500g|160000|400|2|Chế biến thủy sản",
    "thuc_pham|Gạo nếp cái hoa vàng Thiệu Hóa|túi 2kg|90000|398|3|Dịch vụ nông nghiệp",
    "thuc_pham|Gạo hữu cơ Thọ Xuân|túi 5kg|150000|395|2|Nông nghiệp hữu cơ",
    "thuc_pham|Gạo thơm Yên Định|túi 5kg|120000|394|3|Dịch vụ nông nghiệp",
    "thuc_pham|Bánh đa Quán Lào|gói 10 chiếc|35000|394|2|Dịch vụ tổng hợp",
    "thuc_pham|Thịt trâu gác bếp Quan Sơn|túi 500g|450000|387|2|Nông lâm nghiệp",
    "thuc_pham|Thịt trâu gác bếp Mường Lát|túi 500g|480000|384|1|Nông lâm nghiệp",
    "thuc_pham|Măng khô Quan Hóa|túi 500g|160000|385|2|Nông lâm nghiệp",
    "thuc_pham|Mật ong rừng Như Thanh|chai 500ml|280000|403|3|Nuôi ong",
    "thuc_pham|Mật ong Thường Xuân|chai 1 lít|350000|396|2|Nuôi ong",
    "thuc_pham|Mật ong bạc hà Bá Thước|chai 500ml|260000|386|1|Nuôi ong",
    "thuc_pham|Cam Vân Du|thùng 5kg|150000|391|3|Cây ăn quả",
    "thuc_pham|Bưởi Luận Văn|quả 1,2kg|60000|395|2|Cây ăn quả",
    "thuc_pham|Miến dong Thạch Thành|gói 500g|60000|391|1|Dịch vụ tổng hợp",
    "thuc_pham|Kẹo dồi lạc Quảng Xương|hộp 300g|40000|406|2|Dịch vụ tổng hợp",
    "thuc_pham|Tôm nõn Hoằng Hóa|túi 500g|420000|399|1|Thủy sản",
    "thuc_pham|Sá sùng khô Nghi Sơn|túi 100g|380000|407|1|Thủy sản",
    "thuc_pham|Giò bò Nông Cống|khoanh 500g|190000|404|2|Chế biến thực phẩm",
    "thuc_pham|Lạc sen Triệu Sơn|túi 1kg|70000|397|2|Dịch vụ nông nghiệp",
    "thuc_pham|Dưa lưới Hoằng Hóa|quả 1,5kg|70000|399|2|Cây ăn quả",
    "thuc_pham|Tép khô Nga Sơn|túi 500g|250000|401|1|Thủy sản",
    "do_uong|Rượu ngô men lá Mường Lát|chai 500ml|100000|384|1|Nông lâm nghiệp",
    "duoc_lieu|Nấm linh chi Thiệu Hóa|hộp 500g|550000|398|2|Dược liệu",
    "do_uong|Rượu nếp cái hoa vàng Thiệu Hóa|chai 500ml|120000|398|3|Dịch vụ nông nghiệp",
    "do_uong|Rượu men lá Bá Thước|chai 500ml|90000|386|2|Nông lâm nghiệp",
    "do_uong|Rượu cần Ngọc Lặc|bình 2 lít|250000|389|2|Nông lâm nghiệp",
    "do_uong|Trà xanh Như Xuân|gói 200g|80000|402|3|Chè",
    "do_uong|Trà dây Pù Luông|gói 200g|120000|386|1|Dược liệu",
    "do_uong|Trà lá vối Nông Cống|hộp 250g|75000|404|1|Dược liệu",
    "duoc_lieu|Tinh dầu quế Thường Xuân|lọ 10ml|65000|396|3|Quế",
    "duoc_lieu|Quế Ngọc Thường Xuân|túi 500g|90000|396|3|Quế",
    "duoc_lieu|Sâm Báo Ngọc Lặc|hộp 200g|350000|389|1|Dược liệu",
    "duoc_lieu|Trà giảo cổ lam Bá Thước|hộp 200g|150000|386|2|Dược liệu",
    "duoc_lieu|Tinh bột nghệ Triệu Sơn|hũ 500g|220000|397|3|Dược liệu",
    "duoc_lieu|Cà gai leo Triệu Sơn|túi 500g|110000|397|2|Dược liệu",
    "duoc_lieu|Tinh dầu sả chanh Nông Cống|lọ 50ml|55000|404|2|Dược liệu",
    "duoc_lieu|Hà thủ ô đỏ Lang Chánh|túi 500g|180000|388|1|Dược liệu",
    "duoc_lieu|Ba kích tím Quan Hóa|túi 500g|400000|385|2|Dược liệu",
    "duoc_lieu|Thuốc tắm người Dao Cẩm Thủy|gói 200g|60000|390|2|Dược liệu",
    "thu_cong_my_nghe|Chiếu cói Nga Sơn|chiếc 1,6m|350000|401|5|Cói",
    "thu_cong_my_nghe|Thảm cói Nga Sơn|chiếc 60x90cm|180000|401|4|Cói",
    "thu_cong_my_nghe|Túi xách cói Nga Sơn|chiếc|150000|401|5|Cói",
    "thu_cong_my_nghe|Giỏ cói Nga Sơn|bộ 3 chiếc|120000|401|3|Cói",
    "thu_cong_my_nghe|Khăn thổ cẩm Bá Thước|chiếc|250000|386|2|Thổ cẩm",
    "thu_cong_my_nghe|Túi thổ cẩm Quan Sơn|chiếc|280000|387|2|Thổ cẩm",
    "thu_cong_my_nghe|Nón lá Trường Giang|chiếc|60000|404|2|Dịch vụ tổng hợp",
    "thu_cong_my_nghe|Mây tre đan Vĩnh Lộc|bộ|200000|393|2|Mây tre đan",
    "thu_cong_my_nghe|Đá mỹ nghệ Nhồi|bộ|1200000|380|2|Đá mỹ nghệ",
    "luu_niem_noi_that|Gốm Lò Chum|bình|350000|380|3|Gốm",
    "luu_niem_noi_that|Trống đồng Đông Sơn lưu niệm|chiếc|900000|380|2|Đúc đồng",
    "luu_niem_noi_that|Đèn cói trang trí Nga Sơn|chiếc|220000|401|3|Cói",
    "luu_niem_noi_that|Đồ gỗ mỹ nghệ Hoằng Hóa|bộ|1500000|399|1|Mộc",
    "du_lich|Vé tham quan Suối cá thần Cẩm Lương|vé/người|40000|390|1|Du lịch cộng đồng",
    "du_lich|Tour trải nghiệm Pù Luông 2 ngày|suất|1200000|386|1|Du lịch cộng đồng",
    "du_lich|Homestay bản Hiềng|đêm|500000|386|1|Du lịch cộng đồng",
  };
  private static final List<String> BRANDS =
      List.of(
          "Hạnh Nguyên",
          "Bà Lâm",
          "Hương Quê",
          "Minh Phương",
          "Thành Đạt",
          "An Phú",
          "Tân Tiến",
          "Hồng Hạnh",
          "Phú Thành",
          "Việt Hưng",
          "Hải Đăng",
          "Thanh Bình",
          "Ngọc Mai",
          "Kim Anh",
          "Đức Thịnh",
          "Sao Mai",
          "Bảo Long",
          "Gia Bảo",
          "Hoàng Gia",
          "Quê Xứ Thanh");
  private static final List<String> PEOPLE =
      List.of(
          "Lê Thị Hạnh",
          "Nguyễn Văn Tùng",
          "Trịnh Văn Hòa",
          "Phạm Thị Ngọc",
          "Hà Văn Thắng",
          "Lò Thị Xuân",
          "Đỗ Văn Bình",
          "Lê Văn Cường",
          "Mai Thị Dung",
          "Hoàng Văn Lực",
          "Vũ Thị Hương",
          "Cao Văn Minh");

  private OcopCatalogue() {}

  static List<Template> templates() {
    List<Template> list = new ArrayList<>();
    for (String line : TEMPLATES) {
      String[] p = line.split("\\|");
      list.add(
          new Template(
              p[0],
              p[1],
              p[2],
              Long.parseLong(p[3]),
              List.of(p[4].split(",")),
              Integer.parseInt(p[5]),
              p[6]));
    }
    int total = list.stream().mapToInt(Template::count).sum();
    if (total != OcopModel.PRODUCTS) {
      throw new IllegalStateException("Templates make " + total + " products, not 152");
    }
    return list;
  }

  static List<Product> products(Reference ref, Random rnd) {
    List<Product> products = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    int brand = 0;
    for (Template t : templates()) {
      for (int i = 0; i < t.count(); i++) {
        String name =
            t.count() == 1 ? t.name() : t.name() + " " + BRANDS.get(brand++ % BRANDS.size());
        products.add(product(ref, t, name, codes, rnd));
      }
    }
    return products;
  }

  private static Product product(
      Reference ref, Template t, String name, Set<String> codes, Random rnd) {
    int year = rnd.nextDouble() < 0.06 ? 2025 : 2019 + rnd.nextInt(6);
    LocalDate certified =
        year == 2025
            ? LocalDate.of(2025, 1 + rnd.nextInt(6), 1 + rnd.nextInt(28))
            : LocalDate.of(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    String code;
    do {
      code = String.format(Locale.ROOT, "OCOP-38-%d-%04d", year, 1 + rnd.nextInt(1200));
    } while (!codes.add(code));
    double r = rnd.nextDouble();
    int stars = r < 0.62 ? 3 : r < 0.95 ? 4 : 5;
    LocalDate listed =
        year == 2025
            ? certified.plusDays(10 + rnd.nextInt(50))
            : rnd.nextDouble() < 0.62
                ? Dates.FIRST_DAY
                : Dates.FIRST_DAY.plusDays(rnd.nextInt(270));
    return new Product(
        code,
        name,
        stars,
        t.category(),
        certified,
        seller(ref, t, rnd),
        t.unit(),
        OcopModel.roundPrice(t.price() * Seeds.uniform(rnd, 0.85, 1.2)),
        rnd.nextDouble() < 0.6,
        listed);
  }

  private static Seller seller(Reference ref, Template t, Random rnd) {
    List<OldUnit> units = ref.district(t.districts().get(rnd.nextInt(t.districts().size())));
    OldUnit u = units.get(rnd.nextInt(units.size()));
    String place = Text.shortName(u.name());
    double r = rnd.nextDouble();
    String type = r < 0.42 ? "htx" : r < 0.75 ? "doanh_nghiep" : "ho_kinh_doanh";
    String name =
        switch (type) {
          case "htx" -> "HTX " + t.htxKind() + " " + place;
          case "doanh_nghiep" ->
              rnd.nextBoolean()
                  ? "Công ty TNHH " + BRANDS.get(rnd.nextInt(BRANDS.size())) + " " + place
                  : "Công ty Cổ phần " + BRANDS.get(rnd.nextInt(BRANDS.size())) + " Thanh Hóa";
          default -> "Hộ kinh doanh " + PEOPLE.get(rnd.nextInt(PEOPLE.size()));
        };
    return new Seller(name, type, u.code(), ref.primarySuccessor(u.code()));
  }
}

// ---------------------------------------------------------------------------------------------
// OCOP listings: the landing folder
// ---------------------------------------------------------------------------------------------

/** A number written verbatim into JSON. */
record RawJson(String text) {}

/** Compact JSON rendering of maps, lists, strings, numbers, booleans and null. */
final class Json {
  private Json() {}

  static String render(Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void append(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        sb.append(first ? "" : ",");
        first = false;
        string(sb, e.getKey());
        sb.append(':');
        append(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        append(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof RawJson r) {
      sb.append(r.text());
    } else {
      sb.append(v);
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}

/** One physical line of a JSON Lines file. */
final class OcopLine {
  final Crawl crawl;
  final Map<String, Object> json;
  String raw;
  String rule;
  String what;
  String tricky;
  String expect;

  private OcopLine(Crawl crawl, Map<String, Object> json) {
    this.crawl = crawl;
    this.json = json;
  }

  static OcopLine of(Crawl c) {
    return new OcopLine(c, OcopLine.toJson(c));
  }

  static OcopLine empty() {
    OcopLine l = new OcopLine(null, null);
    l.raw = "";
    return l;
  }

  boolean isEmpty() {
    return raw != null && raw.isEmpty();
  }

  boolean valid() {
    return crawl != null && rule == null;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> product() {
    return (Map<String, Object>) json.get("product");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> seller() {
    return (Map<String, Object>) json.get("seller");
  }

  OcopLine bad(String ruleId, String description) {
    rule = ruleId;
    what = description;
    return this;
  }

  OcopLine tricky(String description, String expectation) {
    tricky = description;
    expect = expectation;
    return this;
  }

  String text() {
    return raw != null ? raw : Json.render(json);
  }

  static Map<String, Object> toJson(Crawl c) {
    Listing l = c.listing();
    Product p = l.product;
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("name", p.name());
    product.put("ocop_code", p.code());
    product.put("ocop_stars", (long) p.stars());
    product.put("category", p.category());
    product.put("certified_on", p.certifiedOn().toString());
    Map<String, Object> seller = new LinkedHashMap<>();
    seller.put("name", p.seller().name());
    seller.put("type", p.seller().type());
    seller.put("commune_code", p.seller().code(c.localDate()));
    if (l.platform.equals("postmart")) {
      seller.put("province", "Thanh Hóa");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("listing_id", l.id);
    json.put("platform", l.platform);
    json.put("url", l.url);
    json.put("product", product);
    json.put("seller", seller);
    json.put("price_vnd", c.price());
    json.put("unit", p.unit());
    json.put("in_stock", c.inStock());
    optionalFields(json, c);
    json.put("traceability_stamp", p.stamp());
    json.put("crawled_at", c.crawledAt());
    if (c.flashSale()) {
      json.put("discount_pct", 15L);
    }
    if (l.platform.equals("voso")) {
      json.put("crawler", Map.of("version", "1.4.2"));
    }
    return json;
  }

  /** sendo hides sold counts, voso hides ratings; no reviews means a null rating. */
  private static void optionalFields(Map<String, Object> json, Crawl c) {
    String platform = c.listing().platform;
    if (!platform.equals("voso")) {
      json.put(
          "rating",
          c.rating() == null ? null : new RawJson(String.format(Locale.ROOT, "%.1f", c.rating())));
      json.put("review_count", c.reviews());
    }
    if (!platform.equals("sendo")) {
      json.put("sold_count", platform.equals("postmart") ? null : c.sold());
    }
  }
}

/** One day's file. */
final class DayFile {
  final LocalDate day;
  final boolean plain;
  final List<OcopLine> lines = new ArrayList<>();

  /** Written uncompressed although the name ends in {@code .gz}. */
  boolean misnamed;

  String eol = "\n";

  DayFile(LocalDate day, boolean plain) {
    this.day = day;
    this.plain = plain;
  }

  String name() {
    return day + (plain ? ".jsonl" : ".jsonl.gz");
  }
}

/** Figures of the OCOP folder, for the README. */
record OcopSummary(
    int files,
    int plainFiles,
    int records,
    int emptyLines,
    int listings,
    int products,
    int productsInOctober,
    SortedMap<String, Integer> listingsByPlatform,
    int validSightings,
    int keys,
    int multiPlatformProducts,
    int twinListings,
    CutOff cutOff) {}

/**
 * A re-upload of a day file cut off part-way: {@code bytes} of the {@code fullBytes} compressed
 * bytes; the first {@code completeLines} lines decode whole, the rest is one unreadable record.
 */
record CutOff(
    String name,
    String original,
    int bytes,
    int fullBytes,
    int completeLines,
    int records,
    int validRecords,
    int emptyLines) {}

/** Writes {@code ocop-listings/}: one file per day, most gzip-compressed. */
final class OcopListingsWriter {
  static final String SOURCE = "ocop-listings";
  private static final Set<LocalDate> PLAIN =
      Set.of(
          LocalDate.of(2025, 1, 1),
          LocalDate.of(2025, 4, 1),
          LocalDate.of(2025, 7, 1),
          LocalDate.of(2025, 9, 23),
          LocalDate.of(2025, 10, 31));

  /** Written uncompressed under its usual {@code .jsonl.gz} name. */
  static final LocalDate MISNAMED = LocalDate.of(2025, 6, 12);

  /** A plain day written with lone CR line ends (an old Mac export). */
  static final LocalDate CR_ONLY = LocalDate.of(2025, 9, 23);

  /** Uploaded a second time as {@code "<day> (1).jsonl.gz"}, cut off at half its bytes. */
  static final LocalDate CUT_OFF = LocalDate.of(2025, 8, 5);

  private static final java.util.regex.Pattern LINE_END =
      java.util.regex.Pattern.compile("\r\n|\r|\n");

  private final Reference ref;
  private final OcopModel model;
  private final Catalog catalog;
  private final Path dir;
  private final SortedMap<LocalDate, DayFile> files = new TreeMap<>();
  private final Map<String, LocalDate[]> span = new TreeMap<>();
  private final Set<String> used = new HashSet<>();

  OcopListingsWriter(Reference ref, OcopModel model, Catalog catalog, Path root) {
    this.ref = ref;
    this.model = model;
    this.catalog = catalog;
    this.dir = root.resolve(SOURCE);
  }

  OcopSummary writeAll() {
    model.days.forEach(
        (day, crawls) -> {
          DayFile f = new DayFile(day, PLAIN.contains(day));
          crawls.forEach(c -> f.lines.add(OcopLine.of(c)));
          files.put(day, f);
          crawls.forEach(
              c -> span.computeIfAbsent(c.listing().id, k -> new LocalDate[] {day, day})[1] = day);
        });
    trickyCases();
    badRecords();
    emptyLines();
    landingAccidents();
    CutOff cutOff = writeCutOff(files.get(CUT_OFF));
    files.values().forEach(this::write);
    return summary(cutOff);
  }

  // --- what goes wrong on the way to the landing folder ---------------------------------------

  private void landingAccidents() {
    DayFile misnamed = files.get(MISNAMED);
    misnamed.misnamed = true;
    catalog.tricky(
        SOURCE,
        misnamed.name(),
        "",
        "plain uncompressed JSON Lines under the usual " + "`.jsonl.gz` name (no gzip magic bytes)",
        "tell gzip by its magic bytes, not the name: "
            + "read as plain text with the warning `…: named .gz but not gzip-compressed; read as plain "
            + "text`; its bad lines are quarantined with their usual line numbers");
    DayFile mac = files.get(CR_ONLY);
    if (!mac.plain) {
      throw new IllegalStateException("the CR-only day must be a plain .jsonl file");
    }
    mac.eol = "\r";
    catalog.tricky(
        SOURCE,
        mac.name(),
        "",
        "lone CR line ends (an old Mac export), no LF in the file",
        "a CR ends a line: lines are numbered as an editor shows them, so its bad line keeps its "
            + "number");
  }

  /**
   * {@code "<day> (1).jsonl.gz"}: the gzip of the same text as the day's file, cut off at half its
   * compressed bytes. Decompressed as far as it goes (as the pipeline does), the complete lines are
   * exact repeats of the day's lines and are validated as usual; the fragment after the last line
   * end, and all the rest, is one {@code unreadable-file} record.
   */
  private CutOff writeCutOff(DayFile original) {
    if (original.plain || original.misnamed) {
      throw new IllegalStateException("the cut-off re-upload must be of a gzip day file");
    }
    String name = original.day + " (1).jsonl.gz";
    String text = text(original);
    byte[] full = Output.gzip(text.getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
    Output.write(dir.resolve(name), cut);
    byte[] decoded = Output.gunzipAsFarAsItGoes(cut);
    if (decoded == null) {
      throw new IllegalStateException(name + ": the cut-off gzip data decompresses whole");
    }
    int end = decoded.length;
    while (end > 0 && decoded[end - 1] != '\n' && decoded[end - 1] != '\r') {
      end--;
    }
    String complete = new String(decoded, 0, end, StandardCharsets.UTF_8);
    if (!text.startsWith(complete)) {
      throw new IllegalStateException(
          name + ": the decoded part is not a prefix of the day's text");
    }
    // as the pipeline numbers it: the text up to the last line end has one more (empty) piece
    int unreadableLine = LINE_END.split(complete, -1).length;
    int completeLines = unreadableLine - 1;
    int records = 0;
    int valid = 0;
    int empty = 0;
    for (int i = 0; i < completeLines; i++) {
      OcopLine l = original.lines.get(i);
      if (l.isEmpty()) {
        empty++;
        continue;
      }
      records++;
      if (l.rule != null) {
        catalog.bad(
            SOURCE,
            name,
            i + 1,
            l.rule,
            l.what
                + " (the same line as in "
                + original.name()
                + ", within the part that decodes)");
      } else if (l.valid() && !l.json.get("platform").equals("facebook")) {
        valid++;
      }
    }
    catalog.bad(
        SOURCE,
        name,
        unreadableLine,
        "unreadable-file",
        "re-upload of "
            + original.name()
            + " cut off at "
            + cut.length
            + " of "
            + full.length
            + " compressed bytes: the gzip data "
            + "ends mid-stream; the fragment after the last complete line "
            + completeLines
            + " and all the rest are one record");
    catalog.tricky(
        SOURCE,
        name,
        "1–" + completeLines,
        "re-upload of "
            + original.name()
            + " cut off at half its compressed bytes ("
            + cut.length
            + " of "
            + full.length
            + "): "
            + completeLines
            + " complete lines decode before the damage",
        "read the complete lines and validate them as usual (exact repeats of "
            + original.name()
            + ": no dataset changes), warn that the gzip data is damaged, and "
            + "quarantine the rest as one `unreadable-file` record at line "
            + unreadableLine);
    return new CutOff(
        name, original.name(), cut.length, full.length, completeLines, records + 1, valid, empty);
  }

  // --- tricky but valid -------------------------------------------------------------------------

  private void trickyCases() {
    DayFile first = file(2025, 1, 1);
    tiktok(first)
        .tricky(
            "crawled_at in UTC (`Z`) on 2024-12-31: local date is 2025-01-01",
            "key and unit list use the local date 2025-01-01: valid, old seller code");
    DayFile april = file(2025, 4, 1);
    OcopLine boundary = tiktok(april);
    Crawl c = boundary.crawl;
    Crawl exact =
        new Crawl(
            c.listing(),
            Instant.parse("2025-03-31T18:30:00Z"),
            true,
            c.price(),
            c.inStock(),
            c.rating(),
            c.reviews(),
            c.sold(),
            c.flashSale());
    replace(
        april,
        boundary,
        OcopLine.of(exact)
            .tricky(
                "crawled_at `2025-03-31T18:30:00Z`: UTC "
                    + "date 2025-03-31, local date 2025-04-01",
                "counts as a sighting on 2025-04-01"));
    DayFile july = file(2025, 7, 1);
    tiktok(july)
        .tricky(
            "first crawl after the reform, in UTC (`2025-06-30T…Z`)",
            "local date 2025-07-01: seller.commune_code is the new code, valid for that date");
    secondCrawl(file(2025, 2, 10), "shopee", When.LATER, 2);
    secondCrawl(file(2025, 6, 15), "shopee", When.EARLIER, 5);
    secondCrawl(file(2025, 9, 9), "lazada", When.LATER, 1);
    OcopLine extra = loose(file(2025, 5, 2), "postmart", 0);
    extra.tricky(
        "unknown extra field `seller.province` (every postmart record has it)",
        "ignore unknown fields");
    OcopLine flash = firstMatching(l -> l.crawl.flashSale());
    // (flash-sale records carry discount_pct, an unknown field)
    flash.tricky(
        "unknown extra field `discount_pct` on a flash-sale day",
        "ignore unknown fields; the price is the sale price");
    OcopLine hidden = firstMatching(l -> l.crawl.listing().platform.equals("sendo"));
    hidden.tricky(
        "sendo record without `sold_count`; voso records have no rating/review_count",
        "optional fields may be absent");
    OcopLine nullRating =
        firstMatching(l -> l.crawl.rating() == null && !l.crawl.listing().platform.equals("voso"));
    nullRating.tricky("`rating: null` on a listing without reviews", "optional field null");
  }

  private enum When {
    LATER,
    EARLIER
  }

  /** Adds a second crawl of a listing on the same local day; the later instant wins. */
  private void secondCrawl(DayFile f, String platform, When when, int skip) {
    OcopLine regular = pick(f, platform, skip);
    Crawl c = regular.crawl;
    Instant at =
        when == When.LATER
            ? c.at().plusSeconds(40 * 60)
            : f.day.atTime(8, 5).atZone(Dates.HCM).toInstant();
    long price = OcopModel.roundPrice(c.price() * (when == When.LATER ? 0.9 : 1.1));
    Crawl again =
        new Crawl(
            c.listing(), at, c.utc(), price, c.inStock(), c.rating(), c.reviews(), c.sold(), false);
    String winner =
        when == When.LATER
            ? "this later line wins (price " + price + ")"
            : "loses to the 22:xx line above it (price " + c.price() + ")";
    f.lines.add(
        OcopLine.of(again)
            .tricky(
                "second crawl of "
                    + c.listing().id
                    + " on "
                    + f.day
                    + ", appended at the end of the file",
                winner));
    regular.tricky(
        "first of two crawls of " + c.listing().id + " on " + f.day,
        when == When.LATER
            ? "replaced by the later crawl at the end of the file"
            : "wins over the 08:05 re-crawl appended below, though that line comes later");
  }

  // --- deliberately bad -----------------------------------------------------------------------

  private void badRecords() {
    extraRecords();
    badJson();
    badValues();
  }

  private void extraRecords() {
    DayFile first = file(2025, 1, 1);
    OcopLine base = loose(first, "shopee", 3);
    Crawl c = base.crawl;
    Crawl early =
        new Crawl(
            c.listing(),
            Instant.parse("2024-12-31T16:55:00Z"),
            false,
            c.price(),
            c.inStock(),
            c.rating(),
            c.reviews(),
            c.sold(),
            false);
    first.lines.add(
        OcopLine.of(early)
            .bad(
                "unit-list-unavailable",
                "crawled_at 2024-12-31T23:55:00+07:00 (a late crawl of the previous day in this file): "
                    + "local date before 2025-01-01"));
    DayFile aug = file(2025, 8, 14);
    OcopLine template = pick(aug, "shopee", 2);
    OcopLine fb = OcopLine.of(template.crawl);
    fb.json.put("listing_id", "facebook:61552093847");
    fb.json.put("platform", "facebook");
    fb.json.put("url", "https://www.facebook.com/marketplace/item/61552093847");
    aug.lines.add(fb.bad("unknown-value", "platform `facebook` is not a supported platform"));
  }

  private void badJson() {
    OcopLine cut = pick(file(2025, 1, 15), "lazada", 1);
    String text = cut.text();
    cut.raw = text.substring(0, text.length() * 3 / 5);
    cut.bad("malformed-json", "line truncated mid-object (crawler crash)");
    OcopLine py = pick(file(2025, 9, 23), "tiki", 0);
    py.raw = py.text().replace('"', '\'');
    py.bad("malformed-json", "single-quoted keys and strings (a Python dict repr), not JSON");
  }

  private void badValues() {
    value(
        2025,
        2,
        3,
        "shopee",
        l -> l.json.put("price_vnd", Long.toString(l.crawl.price())),
        "wrong-json-type",
        "price_vnd given as a string");
    value(
        2025,
        6,
        12,
        "tiktok_shop",
        l -> l.json.put("in_stock", "yes"),
        "wrong-json-type",
        "in_stock `\"yes\"` instead of true");
    value(
        2025,
        8,
        5,
        "lazada",
        l -> l.product().put("ocop_stars", l.product().get("ocop_stars").toString()),
        "wrong-json-type",
        "product.ocop_stars given as a string");
    value(
        2025,
        2,
        17,
        "postmart",
        l -> l.seller().put("commune_code", "16387"),
        "unknown-commune-code",
        "seller.commune_code 16387 (disputed snapshot code) is not in " + "units_pre2025.csv");
    value(
        2025,
        7,
        8,
        "shopee",
        l -> l.seller().put("commune_code", oldCodeOf(l)),
        "unknown-commune-code",
        "seller.commune_code still the pre-reform code after 2025-07-01");
    value(
        2025,
        9,
        15,
        "tiki",
        l -> l.seller().put("commune_code", "1604"),
        "bad-commune-code",
        "seller.commune_code `1604` has 4 digits");
    value(
        2025,
        3,
        5,
        "shopee",
        l -> l.product().put("ocop_code", l.product().get("ocop_code").toString().substring(0, 16)),
        "bad-ocop-code",
        "product.ocop_code with a 3-digit serial");
    value(
        2025,
        3,
        20,
        "lazada",
        l -> l.json.put("url", l.json.get("url").toString().replace("https://", "http://")),
        "bad-url",
        "url is http, not https");
    value(
        2025,
        10,
        12,
        "shopee",
        l -> l.json.put("url", l.json.get("url").toString().replace("https://", "")),
        "bad-url",
        "url without scheme (not absolute)");
    value(
        2025,
        4,
        1,
        "lazada",
        l -> l.json.put("listing_id", "lazada:"),
        "bad-listing-id",
        "listing_id `lazada:` has no platform id");
    value(
        2025,
        10,
        12,
        "tiki",
        l ->
            l.json.put(
                "listing_id", l.json.get("listing_id").toString().replaceFirst("(\\d{4})", "$1 ")),
        "bad-listing-id",
        "listing_id with a space inside the platform id");
    value(
        2025,
        4,
        22,
        "shopee",
        l ->
            l.json.put(
                "listing_id", l.json.get("listing_id").toString().replace("shopee:", "lazada:")),
        "listing-platform-mismatch",
        "listing_id prefix `lazada:` but platform `shopee`");
    value(
        2025,
        5,
        10,
        "sendo",
        l -> l.json.put("crawled_at", l.json.get("crawled_at").toString().replace("+07:00", "")),
        "bad-timestamp",
        "crawled_at without offset");
    value(
        2025,
        5,
        28,
        "shopee",
        l -> l.product().put("certified_on", dmy(l)),
        "bad-date",
        "product.certified_on written dd/MM/yyyy");
    value(
        2025,
        10,
        30,
        "postmart",
        l ->
            l.product()
                .put("certified_on", l.product().get("certified_on").toString().replace('-', '/')),
        "bad-date",
        "product.certified_on written YYYY/MM/DD");
    value(
        2025,
        6,
        12,
        "shopee",
        l -> l.json.put("review_count", -1L),
        "out-of-range",
        "review_count -1 < 0");
    value(
        2025,
        7,
        19,
        "tiktok_shop",
        l -> l.json.put("price_vnd", 0L),
        "out-of-range",
        "price_vnd 0 (minimum 1)");
    value(
        2025,
        10,
        20,
        "lazada",
        l -> l.json.put("rating", new RawJson("9.6")),
        "out-of-range",
        "rating 9.6 > 5 (a 10-point scale)");
    value(
        2025,
        8,
        26,
        "shopee",
        l -> l.product().put("category", "thuc-pham"),
        "unknown-value",
        "product.category `thuc-pham` (hyphen) is not an allowed value");
    value(
        2025,
        9,
        2,
        "postmart",
        l -> l.seller().put("type", "hop_tac_xa"),
        "unknown-value",
        "seller.type `hop_tac_xa` is not htx/doanh_nghiep/ho_kinh_doanh");
    value(
        2025,
        6,
        3,
        "tiki",
        l -> l.product().put("ocop_stars", 2L),
        "unknown-value",
        "product.ocop_stars 2 (allowed: 3, 4, 5)");
    value(
        2025,
        9,
        2,
        "shopee",
        l -> l.product().put("name", null),
        "missing-value",
        "product.name null");
    value(
        2025,
        10,
        4,
        "lazada",
        l -> l.seller().remove("commune_code"),
        "missing-value",
        "seller.commune_code absent");
  }

  private String oldCodeOf(OcopLine l) {
    String old = l.crawl.listing().product.seller().oldCode();
    if (ref.isNew(old)) {
      throw new IllegalStateException("Seller code " + old + " is still valid after the reform");
    }
    return old;
  }

  private static String dmy(OcopLine l) {
    LocalDate d = LocalDate.parse(l.product().get("certified_on").toString());
    return DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT).format(d);
  }

  private void value(
      int y,
      int m,
      int d,
      String platform,
      java.util.function.Consumer<OcopLine> change,
      String rule,
      String what) {
    OcopLine l =
        pick(
            file(y, m, d),
            platform,
            0,
            rule.equals("unknown-commune-code") && m >= 7
                ? x -> !ref.isNew(x.crawl.listing().product.seller().oldCode())
                : x -> true);
    change.accept(l);
    l.bad(rule, what);
  }

  private void emptyLines() {
    DayFile april = file(2025, 4, 1);
    april.lines.add(april.lines.size() / 2, OcopLine.empty());
    april.lines.add(OcopLine.empty());
    DayFile last = file(2025, 10, 31);
    last.lines.add(3, OcopLine.empty());
    last.lines.add(4, OcopLine.empty());
    DayFile gz = file(2025, 7, 19);
    gz.lines.add(1, OcopLine.empty());
    catalog.tricky(
        SOURCE,
        april.name(),
        "",
        "an empty line mid-file and one at the end",
        "empty lines are counted as lines but are not records");
    catalog.tricky(
        SOURCE,
        last.name(),
        "",
        "two consecutive empty lines",
        "not records; later line numbers still count them");
    catalog.tricky(
        SOURCE,
        gz.name(),
        "2",
        "an empty line inside a gzip-compressed file",
        "line numbers refer to the decompressed text");
  }

  // --- picking lines --------------------------------------------------------------------------

  private DayFile file(int y, int m, int d) {
    return files.get(LocalDate.of(y, m, d));
  }

  private OcopLine tiktok(DayFile f) {
    return loose(f, "tiktok_shop", 0);
  }

  private OcopLine pick(DayFile f, String platform, int skip) {
    return pick(f, platform, skip, x -> true);
  }

  /** Like {@link #pick} but also on a listing's first or last day (for valid cases). */
  private OcopLine loose(DayFile f, String platform, int skip) {
    return pick(f, platform, skip, x -> true, false);
  }

  private OcopLine pick(
      DayFile f, String platform, int skip, java.util.function.Predicate<OcopLine> also) {
    return pick(f, platform, skip, also, true);
  }

  /**
   * The skip-th unused record of a platform in a file whose listing is also seen on other days (so
   * that corrupting it never removes a listing's first or last sighting).
   */
  private OcopLine pick(
      DayFile f,
      String platform,
      int skip,
      java.util.function.Predicate<OcopLine> also,
      boolean strict) {
    List<OcopLine> candidates =
        f.lines.stream()
            .filter(l -> l.crawl != null && l.raw == null && l.rule == null && l.tricky == null)
            .filter(l -> l.crawl.listing().platform.equals(platform))
            .filter(l -> !used.contains(l.crawl.listing().id))
            .filter(l -> !strict || inside(l.crawl.listing().id, f.day))
            .filter(also)
            .toList();
    OcopLine l = candidates.get(skip);
    used.add(l.crawl.listing().id);
    return l;
  }

  private boolean inside(String listingId, LocalDate day) {
    LocalDate[] s = span.get(listingId);
    return day.isAfter(s[0]) && day.isBefore(s[1]);
  }

  private OcopLine firstMatching(java.util.function.Predicate<OcopLine> p) {
    for (DayFile f : files.values()) {
      for (OcopLine l : f.lines) {
        if (l.crawl != null && l.rule == null && l.tricky == null && p.test(l)) {
          return l;
        }
      }
    }
    throw new IllegalStateException("No line matches");
  }

  private void replace(DayFile f, OcopLine old, OcopLine fresh) {
    f.lines.set(f.lines.indexOf(old), fresh);
  }

  // --- writing --------------------------------------------------------------------------------

  private static String text(DayFile f) {
    StringBuilder sb = new StringBuilder();
    for (OcopLine l : f.lines) {
      sb.append(l.text()).append(f.eol);
    }
    return sb.toString();
  }

  private void write(DayFile f) {
    for (int i = 0; i < f.lines.size(); i++) {
      OcopLine l = f.lines.get(i);
      int line = i + 1;
      if (l.rule != null) {
        catalog.bad(SOURCE, f.name(), line, l.rule, l.what);
      }
      if (l.tricky != null) {
        catalog.tricky(SOURCE, f.name(), Integer.toString(line), l.tricky, l.expect);
      }
    }
    byte[] bytes = text(f).getBytes(StandardCharsets.UTF_8);
    Output.write(dir.resolve(f.name()), f.plain || f.misnamed ? bytes : Output.gzip(bytes));
  }

  private OcopSummary summary(CutOff cutOff) {
    int records = 0;
    int empty = 0;
    int valid = 0;
    Set<String> keys = new HashSet<>();
    Set<String> products = new HashSet<>();
    Set<String> october = new HashSet<>();
    SortedMap<String, Set<String>> byPlatform = new TreeMap<>();
    SortedMap<String, Set<String>> platformsOf = new TreeMap<>();
    SortedMap<String, Set<String>> listingsOf = new TreeMap<>();
    for (DayFile f : files.values()) {
      for (OcopLine l : f.lines) {
        if (l.isEmpty()) {
          empty++;
          continue;
        }
        records++;
        if (!l.valid() || l.json.get("platform").equals("facebook")) {
          continue;
        }
        valid++;
        Crawl c = l.crawl;
        keys.add(c.listing().id + "|" + c.localDate());
        products.add(c.listing().product.code());
        if (!c.localDate().isBefore(Dates.LAST.atDay(1))) {
          october.add(c.listing().product.code());
        }
        byPlatform.computeIfAbsent(c.listing().platform, k -> new TreeSet<>()).add(c.listing().id);
        String product = c.listing().product.code();
        platformsOf.computeIfAbsent(product, k -> new TreeSet<>()).add(c.listing().platform);
        listingsOf
            .computeIfAbsent(product + "|" + c.listing().platform, k -> new TreeSet<>())
            .add(c.listing().id);
      }
    }
    int multi = (int) platformsOf.values().stream().filter(v -> v.size() > 1).count();
    int twins = (int) listingsOf.values().stream().filter(v -> v.size() > 1).count();
    SortedMap<String, Integer> listingCounts = new TreeMap<>();
    byPlatform.forEach((k, v) -> listingCounts.put(k, v.size()));
    int listings = listingCounts.values().stream().mapToInt(i -> i).sum();
    return new OcopSummary(
        files.size() + 1,
        (int) files.values().stream().filter(f -> f.plain).count(),
        records + cutOff.records(),
        empty + cutOff.emptyLines(),
        listings,
        products.size(),
        october.size(),
        listingCounts,
        valid + cutOff.validRecords(),
        keys.size(),
        multi,
        twins,
        cutOff);
  }
}

// ---------------------------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------------------------

/** Writes {@code sample-data/README.md} from what was generated. */
final class Readme {
  private Readme() {}

  private static final List<String> CONTINUITY_EXAMPLES =
      List.of("14797", "15772", "16228", "15016", "14845");

  static void write(
      Path file,
      Reference ref,
      Catalog catalog,
      ReportSummary reports,
      PaymentSummary payments,
      OcopSummary ocop) {
    StringBuilder sb = new StringBuilder();
    intro(sb, catalog, reports, payments, ocop);
    calibration(sb, reports, payments, ocop);
    continuity(sb, ref, reports, payments);
    communeReports(sb, reports);
    paymentAccounts(sb, payments);
    ocopListings(sb, ocop);
    badRecords(sb, catalog);
    trickyCases(sb, catalog);
    conventions(sb);
    Output.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void intro(
      StringBuilder sb,
      Catalog catalog,
      ReportSummary reports,
      PaymentSummary payments,
      OcopSummary ocop) {
    int reportRecords = reports.files().stream().mapToInt(FileInfo::records).sum();
    int paymentRecords = payments.files().stream().mapToInt(FileInfo::records).sum();
    sb.append("# Sample landing data: Thanh Hóa (province 38), 2025-01 to 2025-10\n\n")
        .append("Generated by `generator/GenerateSampleData.java`; do not edit by hand. ")
        .append("A realistic landing folder for the three sources of the input contract ")
        .append("(`input-formats.md`, encoded in `schemas/`): every real commune of ")
        .append("each period is present (old communes with their district for 2025-01..06, ")
        .append("the 166 post-reform communes with a blank district for 2025-07..10), except ")
        .append("where a deliberately bad record stands in for one commune-month. Figures are ")
        .append("invented but calibrated to the province (see below); names and codes are the ")
        .append("real ones of `conf/admin-units/`.\n\n")
        .append("## Regenerate\n\n```sh\njava sample-data/generator/GenerateSampleData.java   ")
        .append("# from the repository root, JDK 17, a few seconds\n```\n\n")
        .append("It reads `conf/admin-units/*.csv`, deletes and rewrites `commune-reports/`, ")
        .append("`payment-accounts/`, `ocop-listings/`, `expected-quarantine.csv` and this ")
        .append("README. It is seeded (`20250701`, one `Random` per source) and sorts ")
        .append("everything, so two runs give byte-identical files. Java 17 reads the source ")
        .append("in the platform charset: under a non-UTF-8 locale (`LANG=C`, a bare ")
        .append("container) add `-Dfile.encoding=UTF-8`; the generator stops with that hint ")
        .append("rather than write mangled Vietnamese.\n\n")
        .append("## What is here\n\n")
        .append("| folder | files | records (rows read) | deliberately bad | periods |\n")
        .append("|---|---:|---:|---:|---|\n")
        .append(
            String.format(
                Locale.ROOT,
                "| `commune-reports/` | %d | %s | %d | 2025-01..2025-10 |%n",
                reports.files().size(),
                Text.thousands(reportRecords),
                catalog.count("commune-reports")))
        .append(
            String.format(
                Locale.ROOT,
                "| `payment-accounts/` | %d | %s | %d | 2025-01..2025-10 |%n",
                payments.files().size(),
                Text.thousands(paymentRecords),
                catalog.count("payment-accounts")))
        .append(
            String.format(
                Locale.ROOT,
                "| `ocop-listings/` | %d (%d plain `.jsonl`) | %s | %d "
                    + "| 2025-01-01..2025-10-31, daily |%n",
                ocop.files(),
                ocop.plainFiles(),
                Text.thousands(ocop.records()),
                catalog.count("ocop-listings")))
        .append("\n`expected-quarantine.csv` (`file,line,rule`) lists every record the pipeline ")
        .append("must quarantine, sorted by file then line: `file` is relative to this folder, ")
        .append("`line` the 1-based physical line where the record starts (the CSV header is ")
        .append("line 1; for JSON Lines the line of the decompressed file, empty lines ")
        .append(
            "counted, a line ending at LF, CRLF or a lone CR). Every such record breaks exactly one rule; everything else is ")
        .append("valid. Accepted rows = rows read − that file's entries.\n\n");
  }

  private static void calibration(
      StringBuilder sb, ReportSummary reports, PaymentSummary payments, OcopSummary ocop) {
    ReportMonthTotals oct = reports.months().get(reports.months().size() - 1);
    long jan = payments.totals().get(Dates.FIRST);
    long octTotal = payments.totals().get(Dates.LAST);
    double growth = (Math.pow((double) octTotal / jan, 1.0 / 9) - 1) * 100;
    sb.append("## Calibration achieved (province totals, 2025-10, after resubmissions)\n\n")
        .append("| figure | target | achieved |\n|---|---:|---:|\n")
        .append(
            row(
                "non-cash payment accounts (Σ accounts_total, 2025-10)",
                "~910,000",
                Text.thousands(octTotal)))
        .append(
            row(
                "monthly growth of accounts since 2025-01 (" + Text.thousands(jan) + ")",
                "~1 %",
                Text.pct(growth) + " %"))
        .append(
            row(
                "community digital-technology teams (Σ digital_teams)",
                "~4,400",
                Text.thousands(oct.teams())))
        .append(
            row(
                "members of those teams (Σ digital_team_members)",
                "~14,700",
                Text.thousands(oct.members())))
        .append(
            row(
                "online dossiers handled on time (Σ on_time / Σ received)",
                "~98 %",
                Text.pct(100.0 * oct.onTime() / oct.received())
                    + " % ("
                    + Text.thousands(oct.onTime())
                    + " / "
                    + Text.thousands(oct.received())
                    + ")"))
        .append(
            row(
                "OCOP products listed on e-commerce (distinct ocop_code, whole period)",
                "152",
                Integer.toString(ocop.products())))
        .append(row("… of which seen in 2025-10", "", Integer.toString(ocop.productsInOctober())))
        .append(row("population (Σ population)", "~3.7 million", Text.thousands(oct.population())))
        .append(row("households (Σ households)", "~1.1 million", Text.thousands(oct.households())))
        .append(row("communes reporting in 2025-10", "166", Integer.toString(oct.communes())))
        .append("\nMonth by month (commune reports and payment accounts after resubmissions and ")
        .append("corrections; communes missing in a month are those whose only record is a ")
        .append("deliberately bad one). Post-reform figures are crosswalk sums of the ")
        .append("pre-reform ones (an old unit split between k new units gives each 1/k), so ")
        .append("the series run on across 2025-06 → 2025-07.\n\n")
        .append("| period | communes | population | households | teams | members | dossiers ")
        .append("on time | dt_completed | payment rows | accounts_total |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ReportMonthTotals t : reports.months()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %s | %s %% | %d | %s | %s |%n",
              t.month(),
              t.communes(),
              Text.thousands(t.population()),
              Text.thousands(t.households()),
              Text.thousands(t.teams()),
              Text.thousands(t.members()),
              Text.pct(100.0 * t.onTime() / t.received()),
              t.dtCompleted(),
              Text.thousands(payments.rows().get(t.month())),
              Text.thousands(payments.totals().get(t.month()))));
    }
    sb.append('\n');
  }

  /** Examples: a new commune's July figures next to the shared sum of its predecessors' June. */
  private static void continuity(
      StringBuilder sb, Reference ref, ReportSummary reports, PaymentSummary payments) {
    YearMonth june = YearMonth.of(2025, 6);
    sb.append("Continuity across the reform, for a few post-reform communes (2025-06 = Σ over ")
        .append("predecessors, a split predecessor counted 1/k; 2025-07 = the new commune's own ")
        .append("row):\n\n| new commune | predecessors | population 06 → 07 | teams 06 → 07 ")
        .append("| accounts_total 06 → 07 |\n|---|---|---:|---:|---:|\n");
    for (String code : CONTINUITY_EXAMPLES) {
      double[] sum = new double[3];
      List<String> preds = new ArrayList<>();
      boolean complete = true;
      for (Edge e : ref.predecessors(code)) {
        ReportFigures f = reports.rows().get(ReportModel.key(june, e.oldCode()));
        Long acc = payments.communeTotals().get(june + "|" + e.oldCode());
        complete &= f != null && acc != null;
        if (f != null && acc != null) {
          double s = ref.share(e);
          sum[0] += s * f.population();
          sum[1] += s * f.teams();
          sum[2] += s * acc;
        }
        preds.add(
            e.oldCode() + (e.split() ? " (1/" + ref.successors(e.oldCode()).size() + ")" : ""));
      }
      ReportFigures july = reports.rows().get(ReportModel.key(Dates.REFORM, code));
      Long julyAcc = payments.communeTotals().get(Dates.REFORM + "|" + code);
      if (!complete || july == null || julyAcc == null) {
        continue;
      }
      sb.append("| ")
          .append(code)
          .append(' ')
          .append(ref.fresh(code).name())
          .append(" | ")
          .append(String.join(", ", preds))
          .append(" | ")
          .append(Text.thousands(Math.round(sum[0])))
          .append(" → ")
          .append(Text.thousands(july.population()))
          .append(" | ")
          .append(Math.round(sum[1]))
          .append(" → ")
          .append(july.teams())
          .append(" | ")
          .append(Text.thousands(Math.round(sum[2])))
          .append(" → ")
          .append(Text.thousands(julyAcc))
          .append(" |\n");
    }
    sb.append('\n');
  }

  private static String row(String a, String b, String c) {
    return "| " + a + " | " + b + " | " + c + " |\n";
  }

  private static void communeReports(StringBuilder sb, ReportSummary reports) {
    sb.append("## commune-reports/\n\n")
        .append("Human-made exports of the provincial Excel template: per month for the whole ")
        .append("province (`bao-cao-thang-MM-2025.csv`) or per district (`2025-03_…`, ")
        .append("`2025-06_…`), plus resubmissions. Formats vary on purpose (header language ")
        .append("and order, delimiter, encoding, line ends, period/timestamp/number/boolean ")
        .append("spellings); the table gives each file's layout.\n\n")
        .append("| file | records | layout |\n|---|---:|---|\n");
    for (FileInfo f : reports.files()) {
      sb.append("| `")
          .append(f.name())
          .append("` | ")
          .append(f.records())
          .append(" | ")
          .append(f.format())
          .append(" |\n");
    }
    sb.append('\n');
  }

  private static void paymentAccounts(StringBuilder sb, PaymentSummary p) {
    sb.append("## payment-accounts/\n\n")
        .append("Strict machine-made CSV (canonical headers, plain integers, `YYYY-MM`, ")
        .append("ISO-8601 with offset): one file per month, a provider supplement rejected for ")
        .append("a missing column, a corrections file with later `reported_at` (some in ")
        .append("`Z`), and `")
        .append(PaymentAccountsWriter.FAILED_EXPORT)
        .append(
            "`, a provider's re-export that failed and landed with 0 bytes. Providers: Agribank everywhere; BIDV, VietinBank, Vietcombank in towns ")
        .append("and larger communes; MoMo, ZaloPay (e_wallet); Viettel Money, VNPT Money ")
        .append("(mobile_money); not every provider in every commune.\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Small cells (provider-type total < 10, which the "
                    + "published dataset must suppress): %d in 2025-06 (%d communes with exactly one); "
                    + "%d in 2025-10, where %d communes have exactly one small provider-type cell and "
                    + "%d have two or more.%n%n",
                p.smallCellsJune(),
                p.communesOneSmallJune(),
                p.smallCellsOctober(),
                p.communesOneSmallOctober(),
                p.communesTwoSmallOctober()))
        .append("| file | records |\n|---|---:|\n");
    for (FileInfo f : p.files()) {
      sb.append("| `").append(f.name()).append("` | ").append(f.records()).append(" |\n");
    }
    sb.append('\n');
  }

  private static void ocopListings(StringBuilder sb, OcopSummary o) {
    sb.append("## ocop-listings/\n\n")
        .append("One JSON Lines file per local day, `YYYY-MM-DD.jsonl.gz`; five days are plain ")
        .append("`.jsonl` (2025-01-01, 2025-04-01, 2025-07-01, 2025-09-23, 2025-10-31). Compact ")
        .append("UTF-8 JSON shaped like the example in input-formats.md. Listings appear over ")
        .append("time and are not crawled every day; some disappear for a while or for good; ")
        .append("prices change now and then (and drop 15 % on flash-sale days). tiktok_shop is ")
        .append("crawled around 01:30 local time and its crawler writes UTC (e.g. ")
        .append("`2025-06-30T18:30:40Z` = 2025-07-01 01:30:40 local), so its UTC date is ")
        .append("always the day before the local date. Sellers carry ")
        .append("their pre-reform commune code up to 2025-06-30 and the crosswalk successor from ")
        .append("2025-07-01 (local date).\n\n")
        .append("Three files show what happens on the way to the landing folder: `")
        .append(OcopListingsWriter.MISNAMED)
        .append(".jsonl.gz` is plain text under a `.gz` ")
        .append("name; `")
        .append(OcopListingsWriter.CR_ONLY)
        .append(".jsonl` ends its lines ")
        .append("with a lone CR (an old Mac export); `")
        .append(o.cutOff().name())
        .append("` is a second upload of `")
        .append(o.cutOff().original())
        .append("` cut off at half its compressed bytes (")
        .append(o.cutOff().bytes())
        .append(" of ")
        .append(o.cutOff().fullBytes())
        .append("): its first ")
        .append(o.cutOff().completeLines())
        .append(" lines decode whole and repeat the day's ")
        .append("lines exactly, the rest is one unreadable record.\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "- %d files (%d plain), %s records (non-empty lines; "
                    + "the unreadable rest of the cut-off file counts as one), %d empty lines%n",
                o.files(),
                o.plainFiles(),
                Text.thousands(o.records()),
                o.emptyLines()))
        .append(
            String.format(
                Locale.ROOT,
                "- valid sightings: %s (%d of them the cut-off file's "
                    + "repeats), distinct (listing_id, local date) keys: %s%n",
                Text.thousands(o.validSightings()),
                o.cutOff().validRecords(),
                Text.thousands(o.keys())))
        .append(
            String.format(
                Locale.ROOT,
                "- %d distinct OCOP products (%d seen in 2025-10) on " + "%d listings: %s%n",
                o.products(),
                o.productsInOctober(),
                o.listings(),
                o.listingsByPlatform().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))))
        .append(
            String.format(
                Locale.ROOT,
                "- %d products are listed on several platforms; %d "
                    + "products have two listings on the same platform%n%n",
                o.multiPlatformProducts(),
                o.twinListings()));
  }

  private static void badRecords(StringBuilder sb, Catalog catalog) {
    sb.append("## Deliberately bad records\n\n")
        .append("Exactly the rows of `expected-quarantine.csv` (whole-file rejections are ")
        .append("shown as one line range).\n\n")
        .append("| file | line | rule | what is wrong |\n|---|---|---|---|\n");
    List<Expected> all = catalog.expected();
    for (int i = 0; i < all.size(); ) {
      Expected e = all.get(i);
      int j = i;
      while (j + 1 < all.size()
          && all.get(j + 1).file().equals(e.file())
          && all.get(j + 1).what().equals(e.what())) {
        j++;
      }
      String lines = i == j ? Integer.toString(e.line()) : e.line() + "–" + all.get(j).line();
      sb.append("| `")
          .append(e.file())
          .append("` | ")
          .append(lines)
          .append(" | `")
          .append(e.rule())
          .append("` | ")
          .append(Text.cell(e.what()))
          .append(" |\n");
      i = j + 1;
    }
    sb.append('\n');
  }

  private static void trickyCases(StringBuilder sb, Catalog catalog) {
    sb.append("## Tricky but valid cases\n\n")
        .append("| file | line | what it exercises | what the pipeline should do |\n")
        .append("|---|---|---|---|\n");
    for (Tricky t : catalog.tricky()) {
      sb.append("| `")
          .append(t.file())
          .append("` | ")
          .append(t.lines())
          .append(" | ")
          .append(Text.cell(t.what()))
          .append(" | ")
          .append(Text.cell(t.expect()))
          .append(" |\n");
    }
    sb.append('\n');
  }

  private static void conventions(StringBuilder sb) {
    sb.append("## Conventions chosen where the contract is silent\n\n")
        .append("- A deliberately bad record stands in for that commune's record (the commune ")
        .append("is missing that month), except extra records whose key is not a real unit ")
        .append("(period 2024-12, codes 16387/16411, a retired old code, a `facebook` ")
        .append("listing, a crawl dated 2024-12-31). No bad record replaces a 2025-10 row of ")
        .append("the commune-report or payment files, so the latest month is complete there.\n")
        .append("- `invalid-encoding` is exercised in commune-reports only: payment files are ")
        .append("pure ASCII (codes, provider names, numbers), so no 8-bit encoding could make ")
        .append("them invalid UTF-8; OCOP files come from a crawler that writes UTF-8.\n")
        .append("- Whole-file rejections (`invalid-encoding`, `missing-column`) list every ")
        .append("record of the file (CSV lines 2..n); those files have no multi-line records, ")
        .append("and a complete corrected file follows each.\n")
        .append("- Split old units: their figures are shared equally between successors; an ")
        .append("OCOP seller in a split unit is placed in the successor with the lowest code. ")
        .append("A post-reform smartphone_users_pct is the population-weighted mean of the ")
        .append("predecessors', dt_completed is true when predecessors holding at least half ")
        .append("of the population had completed.\n")
        .append("- Commune names and districts are written exactly as in `conf/admin-units` ")
        .append("(full names with their type prefix); name resolution needs only NFC, trim and ")
        .append("case folding.\n");
  }
}
