package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.publish.site.Site;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/**
 * Writes a release's metadata: the CKAN action results ({@code ckan/}), the DCAT-AP catalogue, a
 * data package per dataset and the static site for people ({@code site/}), all derived from the
 * datasets' definitions and files.
 */
public final class Feed {
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final DatasetCatalog catalog;
  private final PipelineConfig.Portal portal;
  private final Store store;

  public Feed(DatasetCatalog catalog, PipelineConfig.Portal portal, Store store) {
    this.catalog = catalog;
    this.portal = portal;
    this.store = store;
  }

  /** Writes everything and returns the packages as published, by name. */
  public Map<String, JsonNode> write(
      String release, List<DatasetFiles.Written> written, Optional<String> previous, Instant now) {
    CkanPackages ckan = new CkanPackages(catalog, portal);
    Map<String, JsonNode> packages = new LinkedHashMap<>();
    for (DatasetSpec spec : catalog.datasets()) {
      ObjectNode pkg = ckan(ckan, spec, files(written, spec), previous, now);
      write(store, release + "/ckan/packages/" + spec.name() + ".json", pkg);
      write(
          store,
          release + "/datasets/" + spec.name() + "/datapackage.json",
          DataPackages.build(spec, pkg, catalog));
      packages.put(spec.name(), pkg);
    }
    write(store, release + "/ckan/package_list.json", packages.keySet().stream().sorted().toList());
    writeOrganizations(release, packages.size());
    write(store, release + "/ckan/license_list.json", CkanLicenses.list(catalog));
    List<JsonNode> ordered = new ArrayList<>(packages.values());
    DcatCatalog.write(
        new DcatCatalog(catalog, portal).build(ordered, catalog.datasets()), store, release);
    Map<String, Long> rows = new LinkedHashMap<>();
    written.forEach(w -> rows.put(w.name(), w.rows()));
    new Site(catalog, portal.siteTitle(), store).write(release, packages, rows);
    return packages;
  }

  private static DatasetFiles.Written files(List<DatasetFiles.Written> written, DatasetSpec spec) {
    return written.stream().filter(w -> w.name().equals(spec.name())).findFirst().orElseThrow();
  }

  /** The package as published: the draft with the dates of {@link FeedTimes}. */
  private ObjectNode ckan(
      CkanPackages ckan,
      DatasetSpec spec,
      DatasetFiles.Written files,
      Optional<String> previous,
      Instant now) {
    ObjectNode draft = JSON.valueToTree(ckan.packageShow(spec, files));
    JsonNode before =
        previous.map(p -> read(store, p + "/ckan/packages/" + spec.name() + ".json")).orElse(null);
    return FeedTimes.apply(normalized(draft), before, CkanTime.format(now));
  }

  private void writeOrganizations(String release, int packageCount) {
    CkanOrganizations organizations = new CkanOrganizations(catalog);
    write(
        store,
        release + "/ckan/organizations/" + catalog.organization().name() + ".json",
        organizations.organizationShow(packageCount));
    for (DatasetCatalog.Group g : catalog.groups()) {
      int count =
          (int) catalog.datasets().stream().filter(d -> d.groups().contains(g.name())).count();
      write(
          store, release + "/ckan/groups/" + g.name() + ".json", organizations.groupShow(g, count));
    }
  }

  /** Through text and back, so that numbers compare as they will after reading the file. */
  private static ObjectNode normalized(ObjectNode node) {
    try {
      return (ObjectNode) JSON.readTree(JSON.writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON file of the store, or null if there is none. */
  static JsonNode read(Store store, String file) {
    if (!store.isFile(file)) {
      return null;
    }
    try {
      return JSON.readTree(store.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  static void write(Store store, String file, Object value) {
    try {
      store.write(file, JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
