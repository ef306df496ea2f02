package vn.thanhhoa.opendata.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The published datasets and the settings they share, read from conf/ and schemas/datasets/. */
public record DatasetCatalog(
    long smallCellThreshold,
    List<DatasetSpec> datasets,
    Organization organization,
    List<Group> groups,
    List<License> licenses,
    String created) {
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
      List<String> sources) {}

  record ColumnsFile(
      String grain, List<String> key, String partition, List<DatasetSpec.Column> columns) {}

  public static DatasetCatalog load(Path catalogFile, Path schemas) {
    CatalogFile file = Yaml.read(catalogFile, CatalogFile.class);
    if (file.datasets() == null || file.datasets().isEmpty()) {
      throw new ConfigException(catalogFile + ": datasets: missing or empty");
    }
    List<DatasetSpec> specs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < file.datasets().size(); i++) {
      Entry e = file.datasets().get(i);
      String at = catalogFile + ": datasets[" + i + "]";
      require(
          e.name() != null && e.name().matches("[a-z0-9_-]{2,100}") && names.add(e.name()),
          at + ".name: missing, invalid or repeated");
      require(
          e.title() != null && e.title().vi() != null && e.title().en() != null,
          at + ".title: vi and en required");
      require(
          e.description() != null
              && e.description().vi() != null
              && !e.description().vi().isBlank(),
          at + ".description: vi and en required");
      require(
          e.licenseId() != null && e.frequency() != null,
          at + ": license_id and frequency required");
      specs.add(spec(e, schemas.resolve("datasets").resolve(e.name() + ".yaml")));
    }
    long threshold = file.smallCellThreshold() == null ? 10 : file.smallCellThreshold();
    require(threshold >= 1, catalogFile + ": small_cell_threshold: must be at least 1");
    require(
        file.organization() != null
            && file.organization().name() != null
            && file.organization().name().matches("[a-z0-9_-]{2,100}")
            && file.organization().title() != null,
        catalogFile + ": organization: name and title required");
    require(
        file.licenses() != null && !file.licenses().isEmpty(), catalogFile + ": licenses: missing");
    require(
        file.created() != null
            && file.created().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"),
        catalogFile + ": created: a naive UTC timestamp YYYY-MM-DDTHH:MM:SS");
    List<Group> groups = file.groups() == null ? List.of() : file.groups();
    Set<String> groupNames = new HashSet<>();
    groups.forEach(g -> groupNames.add(g.name()));
    Set<String> licenseIds = new HashSet<>();
    file.licenses().forEach(l -> licenseIds.add(l.id()));
    for (DatasetSpec spec : specs) {
      require(
          licenseIds.contains(spec.licenseId()),
          catalogFile
              + ": "
              + spec.name()
              + ": license_id '"
              + spec.licenseId()
              + "' is not in licenses");
      require(
          groupNames.containsAll(spec.groups()),
          catalogFile + ": " + spec.name() + ": unknown group in " + spec.groups());
    }
    return new DatasetCatalog(
        threshold, specs, file.organization(), groups, file.licenses(), file.created());
  }

  private static DatasetSpec spec(Entry e, Path columnsFile) {
    ColumnsFile c = Yaml.read(columnsFile, ColumnsFile.class);
    require(c.columns() != null && !c.columns().isEmpty(), columnsFile + ": columns: missing");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < c.columns().size(); i++) {
      DatasetSpec.Column col = c.columns().get(i);
      String at = columnsFile + ": columns[" + i + "]";
      require(
          col.name() != null && col.name().matches("[a-z][a-z0-9_]{0,62}") && names.add(col.name()),
          at + ".name: missing, invalid or repeated");
      require(
          col.label() != null && col.description() != null,
          at + ": label and description required");
      try {
        col.sparkType();
      } catch (IllegalArgumentException | NullPointerException ex) {
        throw new ConfigException(at + ".type: unknown type '" + col.type() + "'");
      }
    }
    require(
        c.key() != null && names.containsAll(c.key()), columnsFile + ": key: must name columns");
    require(
        c.partition() == null || ("year".equals(c.partition()) && names.contains("period")),
        columnsFile + ": partition: only 'year' of a dataset with a period column");
    return new DatasetSpec(
        e.name(),
        e.title(),
        e.description(),
        nonNull(e.tags()),
        nonNull(e.groups()),
        e.frequency(),
        e.licenseId(),
        nonNull(e.sources()),
        c.grain(),
        c.key(),
        c.partition(),
        c.columns());
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
