package vn.thanhhoa.opendata.core;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The published datasets and the settings they share, read from conf/ and schemas/datasets/; {@code
 * file} is the catalogue file it was read from, for messages.
 */
public record DatasetCatalog(
    long smallCellThreshold,
    List<DatasetSpec> datasets,
    Organization organization,
    List<Group> groups,
    List<License> licenses,
    String created,
    Path file) {
  private static final String NAME = "[a-z0-9_-]{2,100}";

  /** A simple class name: a transform is looked up in its package, never elsewhere. */
  private static final String CLASS_NAME = "[A-Z][A-Za-z0-9]{0,99}";

  private static final String ADMIN_UNIT_ON =
      ".admin_unit_on: 'today', a date YYYY-MM-DD or a month or date column, for a string column";

  private static final String NAIVE_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

  public DatasetCatalog {
    datasets = List.copyOf(datasets);
    groups = List.copyOf(groups);
    licenses = List.copyOf(licenses);
  }

  /** The CKAN organization that publishes every dataset (the DCAT publisher). */
  public record Organization(
      String name, String title, String description, String email, String url) {}

  /** A CKAN group (one of the province's digital-transformation pillars). */
  public record Group(String name, String title, String description) {}

  /** One entry of the portal's licence register. */
  public record License(
      String id, String title, String url, String odConformance, boolean isOpen) {}

  public License license(String id) {
    return licenses.stream()
        .filter(l -> l.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new ConfigException("license_id '" + id + "' is not in the licence register"));
  }

  public DatasetSpec get(String name) {
    return datasets.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new ConfigException("unknown dataset '" + name + "'; known: " + names()));
  }

  public List<String> names() {
    return datasets.stream().map(DatasetSpec::name).toList();
  }

  record CatalogFile(
      Long smallCellThreshold,
      List<Entry> datasets,
      Organization organization,
      List<Group> groups,
      List<License> licenses,
      String created) {}

  record Entry(
      String name,
      DatasetSpec.Text title,
      DatasetSpec.Text description,
      List<String> tags,
      List<String> groups,
      String frequency,
      String licenseId,
      String transform,
      List<String> sources) {}

  public static DatasetCatalog load(Path catalogFile, Path schemas) {
    CatalogFile file = Yaml.read(catalogFile, CatalogFile.class);
    List<DatasetSpec> specs = specs(catalogFile, file.datasets(), schemas.resolve("datasets"));
    long threshold = threshold(catalogFile, file.smallCellThreshold());
    checkShared(catalogFile, file);
    List<Group> groups = file.groups() == null ? List.of() : file.groups();
    checkReferences(catalogFile, specs, groups, file.licenses());
    return new DatasetCatalog(
        threshold,
        specs,
        file.organization(),
        groups,
        file.licenses(),
        file.created(),
        catalogFile);
  }

  private static List<DatasetSpec> specs(Path catalogFile, List<Entry> entries, Path columns) {
    require(entries != null && !entries.isEmpty(), catalogFile + ": datasets: missing or empty");
    List<DatasetSpec> specs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      checkEntry(e, catalogFile + ": datasets[" + i + "]", names);
      specs.add(spec(e, columns.resolve(e.name() + ".yaml")));
    }
    return specs;
  }

  private static long threshold(Path catalogFile, Long value) {
    long threshold = value == null ? 10 : value;
    require(threshold >= 1, catalogFile + ": small_cell_threshold: must be at least 1");
    return threshold;
  }

  private static void checkEntry(Entry e, String at, Set<String> names) {
    require(
        e.name() != null && e.name().matches(NAME) && names.add(e.name()),
        at + ".name: missing, invalid or repeated");
    require(
        e.title() != null && e.title().vi() != null && e.title().en() != null,
        at + ".title: vi and en required");
    require(
        e.description() != null && e.description().vi() != null && !e.description().vi().isBlank(),
        at + ".description: vi and en required");
    require(
        e.licenseId() != null && e.frequency() != null, at + ": license_id and frequency required");
    require(
        e.transform() != null && e.transform().matches(CLASS_NAME),
        at + ".transform: the simple name of a class of the transform package");
  }

  private static void checkShared(Path catalogFile, CatalogFile file) {
    Organization org = file.organization();
    require(
        org != null && org.name() != null && org.name().matches(NAME) && org.title() != null,
        catalogFile + ": organization: name and title required");
    require(
        file.licenses() != null && !file.licenses().isEmpty(), catalogFile + ": licenses: missing");
    require(
        file.created() != null && file.created().matches(NAIVE_UTC),
        catalogFile + ": created: a naive UTC timestamp YYYY-MM-DDTHH:MM:SS");
  }

  private static void checkReferences(
      Path catalogFile, List<DatasetSpec> specs, List<Group> groups, List<License> licenses) {
    Set<String> groupNames = new HashSet<>();
    groups.forEach(g -> groupNames.add(g.name()));
    Set<String> licenseIds = new HashSet<>();
    licenses.forEach(l -> licenseIds.add(l.id()));
    for (DatasetSpec spec : specs) {
      String at = catalogFile + ": " + spec.name();
      require(
          licenseIds.contains(spec.licenseId()),
          at + ": license_id '" + spec.licenseId() + "' is not in licenses");
      require(groupNames.containsAll(spec.groups()), at + ": unknown group in " + spec.groups());
    }
  }

  record ColumnsFile(
      String grain,
      String grainVi,
      List<String> key,
      String partition,
      List<DatasetSpec.Column> columns) {}

  private static DatasetSpec spec(Entry e, Path columnsFile) {
    ColumnsFile c = Yaml.read(columnsFile, ColumnsFile.class);
    checkColumns(c, columnsFile);
    return spec(e, c);
  }

  private static void checkColumns(ColumnsFile c, Path columnsFile) {
    Set<String> names = columnNames(c.columns(), columnsFile);
    require(
        c.key() != null && names.containsAll(c.key()), columnsFile + ": key: must name columns");
    require(
        c.partition() == null || ("year".equals(c.partition()) && names.contains("period")),
        columnsFile + ": partition: only 'year' of a dataset with a period column");
    c.columns().forEach(col -> checkUnitCode(col, c.columns(), columnsFile));
  }

  /** Checks every column and returns their names. */
  private static Set<String> columnNames(List<DatasetSpec.Column> columns, Path columnsFile) {
    require(columns != null && !columns.isEmpty(), columnsFile + ": columns: missing");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      checkColumn(columns.get(i), columnsFile + ": columns[" + i + "]", names);
    }
    return names;
  }

  private static DatasetSpec spec(Entry e, ColumnsFile c) {
    return new DatasetSpec(
        e.name(),
        e.title(),
        e.description(),
        nonNull(e.tags()),
        nonNull(e.groups()),
        e.frequency(),
        e.licenseId(),
        e.transform(),
        nonNull(e.sources()),
        c.grain(),
        c.grainVi(),
        c.key(),
        c.partition(),
        c.columns());
  }

  private static void checkColumn(DatasetSpec.Column col, String at, Set<String> names) {
    require(
        col.name() != null && col.name().matches("[a-z][a-z0-9_]{0,62}") && names.add(col.name()),
        at + ".name: missing, invalid or repeated");
    require(
        col.label() != null && col.description() != null, at + ": label and description required");
    try {
      col.sparkType();
    } catch (IllegalArgumentException | NullPointerException ex) {
      throw new ConfigException(at + ".type: unknown type '" + col.type() + "'");
    }
  }

  /** A code of the unit list is a string, looked up on a month or date column, a date or today. */
  private static void checkUnitCode(
      DatasetSpec.Column col, List<DatasetSpec.Column> columns, Path columnsFile) {
    String on = col.adminUnitOn();
    if (on == null) {
      return;
    }
    require(
        "string".equals(col.type())
            && (on.equals(DatasetSpec.Column.TODAY) || isDate(on) || isTimeColumn(on, columns)),
        columnsFile + ": " + col.name() + ADMIN_UNIT_ON);
  }

  private static boolean isTimeColumn(String name, List<DatasetSpec.Column> columns) {
    return columns.stream()
        .anyMatch(c -> c.name().equals(name) && List.of("month", "date").contains(c.type()));
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static List<String> nonNull(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigException(message);
    }
  }
}
