package vn.thanhhoa.opendata.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The administrative units of the province with the dates each list is valid for, and the 2025
 * crosswalk from old to new communes. A commune code means nothing without its date: codes were
 * reused across the 1 July 2025 reform, so every lookup is on (date, code).
 */
public final class AdminUnits {
  public static final String CODE = "unit_code";
  public static final String NAME = "unit_name";
  public static final String TYPE = "unit_type";
  public static final String DISTRICT_CODE = "district_code";
  public static final String DISTRICT_NAME = "district_name";
  public static final String VALID_FROM = "valid_from";
  public static final String VALID_TO = "valid_to";
  public static final String NAME_BASE = "name_base";
  public static final String DISTRICT_BASE = "district_base";

  /** The post-reform commune a unit's figures are counted in (itself for a post-reform unit). */
  public static final String CODE_2025 = "code_2025";

  public static final StructType DIMENSION_SCHEMA =
      new StructType()
          .add(CODE, DataTypes.StringType, false)
          .add(NAME, DataTypes.StringType, false)
          .add(TYPE, DataTypes.StringType, false)
          .add(DISTRICT_CODE, DataTypes.StringType, true)
          .add(DISTRICT_NAME, DataTypes.StringType, true)
          .add(VALID_FROM, DataTypes.DateType, false)
          .add(VALID_TO, DataTypes.DateType, true)
          .add(NAME_BASE, DataTypes.StringType, false)
          .add(DISTRICT_BASE, DataTypes.StringType, true)
          .add(CODE_2025, DataTypes.StringType, true);

  /** One commune as listed for a validity period (validTo null = still valid). */
  public record Unit(
      String code,
      String name,
      String type,
      String districtCode,
      String districtName,
      LocalDate validFrom,
      LocalDate validTo) {

    public boolean validOn(LocalDate date) {
      return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
  }

  /** One edge of the crosswalk: (part of) an old commune went into a new one. */
  public record CrosswalkEdge(
      String oldCode,
      String oldName,
      String oldDistrictCode,
      String oldDistrictName,
      String newCode,
      String newName,
      boolean oldUnitSplit,
      String transfer,
      String legalBasis) {}

  private final List<Unit> units;
  private final List<CrosswalkEdge> crosswalk;

  public AdminUnits(List<Unit> units, List<CrosswalkEdge> crosswalk) {
    this.units = List.copyOf(units);
    this.crosswalk = List.copyOf(crosswalk);
  }

  public List<Unit> units() {
    return units;
  }

  public List<CrosswalkEdge> crosswalk() {
    return crosswalk;
  }

  /** A hash of every unit's code, names, type, district and validity, in the list's order. */
  public String sha256() {
    MessageDigest digest = Sha256.digest();
    units.forEach(u -> Sha256.line(digest, u.toString()));
    return Sha256.hex(digest);
  }

  /**
   * Old code → the one new commune its figures are counted in. A merged unit has one successor. An
   * old unit split between several new communes (no published weights) is counted wholly in the
   * successor that took over its code, otherwise in the successor with the lowest code, so that its
   * counts are never added to every successor.
   */
  public Map<String, String> assignments() {
    Map<String, String> assigned = new TreeMap<>();
    for (CrosswalkEdge e : crosswalk) {
      assigned.merge(e.oldCode(), e.newCode(), (a, b) -> preferred(e.oldCode(), a, b));
    }
    return assigned;
  }

  private static String preferred(String oldCode, String a, String b) {
    if (a.equals(oldCode) || b.equals(oldCode)) {
      return oldCode;
    }
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The first day any unit list covers; rows dated earlier cannot be placed. */
  public LocalDate earliest() {
    return units.stream().map(Unit::validFrom).min(Comparator.naturalOrder()).orElseThrow();
  }

  /**
   * The condition "the dimension's unit is valid on {@code date}", for joins with the dimension
   * frame.
   */
  public static Column validOn(Column date) {
    Column to = functions.col(VALID_TO);
    return date.geq(functions.col(VALID_FROM)).and(to.isNull().or(date.leq(to)));
  }

  /** The units as a small Spark frame for broadcast joins. */
  public Dataset<Row> dimension(SparkSession spark) {
    Map<String, String> assigned = assignments();
    List<Row> rows = new ArrayList<>();
    for (Unit u : units) {
      rows.add(dimensionRow(u, assigned));
    }
    return spark.createDataFrame(rows, DIMENSION_SCHEMA);
  }

  private static Row dimensionRow(Unit u, Map<String, String> assigned) {
    // A unit still valid is its own post-reform commune; an ended one maps through the crosswalk.
    String code2025 = u.validTo() == null ? u.code() : assigned.get(u.code());
    return RowFactory.create(
        u.code(),
        u.name(),
        u.type(),
        u.districtCode(),
        u.districtName(),
        u.validFrom(),
        u.validTo(),
        NameKey.base(u.name()),
        NameKey.base(u.districtName()),
        code2025);
  }

  /** Reads the lists and the crosswalk named in the configuration. */
  public static AdminUnits load(PipelineConfig.AdminUnitsConfig config) {
    return new AdminUnits(units(config), edges(config));
  }

  private static List<Unit> units(PipelineConfig.AdminUnitsConfig config) {
    List<Unit> units = new ArrayList<>();
    for (PipelineConfig.UnitList list : config.lists()) {
      units.addAll(listUnits(config.folder(), list));
    }
    return units;
  }

  /** The units of one list, valid for the list's period. */
  private static List<Unit> listUnits(Path folder, PipelineConfig.UnitList list) {
    return read(folder.resolve(list.file())).stream().map(r -> unit(r, list)).toList();
  }

  private static List<CrosswalkEdge> edges(PipelineConfig.AdminUnitsConfig config) {
    return read(config.folder().resolve(config.crosswalk())).stream()
        .map(AdminUnits::edge)
        .toList();
  }

  private static Unit unit(Map<String, String> r, PipelineConfig.UnitList list) {
    return new Unit(
        r.get("commune_code"),
        r.get("commune_name"),
        r.get("commune_type"),
        r.get("district_code"),
        r.get("district_name"),
        list.validFrom(),
        list.validTo());
  }

  private static CrosswalkEdge edge(Map<String, String> r) {
    return new CrosswalkEdge(
        r.get("old_commune_code"),
        r.get("old_commune_name"),
        r.get("old_district_code"),
        r.get("old_district_name"),
        r.get("new_commune_code"),
        r.get("new_commune_name"),
        Boolean.parseBoolean(r.get("old_unit_split")),
        r.get("transfer"),
        r.get("legal_basis"));
  }

  /** The rows of a reference CSV file by header name; blank fields are null. */
  private static List<Map<String, String>> read(Path file) {
    List<Csv.Record> records = Csv.parse(text(file), ',');
    if (records.isEmpty()) {
      throw new ConfigException(file + ": empty reference file");
    }
    List<String> header = records.get(0).fields();
    return records.subList(1, records.size()).stream().map(r -> row(file, header, r)).toList();
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": reference file not found");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> row(Path file, List<String> header, Csv.Record rec) {
    if (rec.fields().size() != header.size()) {
      throw new ConfigException(file + ": line " + rec.line() + ": wrong number of fields");
    }
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String v = rec.fields().get(i).strip();
      row.put(header.get(i), v.isEmpty() ? null : v);
    }
    return row;
  }
}
