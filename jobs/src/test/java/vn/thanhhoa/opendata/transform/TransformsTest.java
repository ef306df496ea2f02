package vn.thanhhoa.opendata.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * Each dataset's transform is the class its entry names, and reads only the sources it declares.
 */
class TransformsTest {
  private static final DatasetCatalog CATALOG =
      DatasetCatalog.load(Paths.get("conf/datasets.yaml"), Paths.get("schemas"));

  @Test
  void everyDatasetHasTheTransformItsEntryNames() {
    Map<String, DatasetTransform> transforms = Transforms.of(CATALOG);
    assertEquals(CATALOG.names(), List.copyOf(transforms.keySet()));
    for (DatasetSpec spec : CATALOG.datasets()) {
      assertEquals(spec.transform(), transforms.get(spec.name()).getClass().getSimpleName());
    }
  }

  @Test
  void anUnknownTransformIsAConfigurationErrorNamingTheFileAndTheDataset() {
    String message = refused("chat-luong-du-lieu", "NoSuchTransform");
    assertTrue(message.startsWith("conf/datasets.yaml: dataset chat-luong-du-lieu: "), message);
    assertTrue(message.contains("unknown transform 'NoSuchTransform'"), message);
  }

  @Test
  void aClassThatIsNoTransformIsRefused() {
    String message = refused("don-vi-hanh-chinh", "Rates");
    assertTrue(message.contains("unknown transform 'Rates'"), message);
  }

  @Test
  void aTransformCannotReadASourceItsEntryDoesNotDeclare() {
    RunInputs run =
        new RunInputs(
            new Build.Context(null, null, CATALOG, null, null, null, Map.of()),
            Build.Selection.ALL,
            List.of());
    TransformInputs in = new TransformInputs(CATALOG.get("chuyen-doi-so-cap-xa"), run);
    ConfigException e = assertThrows(ConfigException.class, () -> in.staging("payment-accounts"));
    assertEquals(
        "dataset chuyen-doi-so-cap-xa reads source 'payment-accounts', which its entry in "
            + "conf/datasets.yaml does not declare (sources: [commune-reports])",
        e.getMessage());
  }

  private static String refused(String dataset, String transform) {
    List<DatasetSpec> specs =
        CATALOG.datasets().stream()
            .map(s -> s.name().equals(dataset) ? withTransform(s, transform) : s)
            .toList();
    DatasetCatalog broken =
        new DatasetCatalog(
            CATALOG.smallCellThreshold(),
            specs,
            CATALOG.organization(),
            CATALOG.groups(),
            CATALOG.licenses(),
            CATALOG.created(),
            CATALOG.file());
    return assertThrows(ConfigException.class, () -> Transforms.of(broken)).getMessage();
  }

  private static DatasetSpec withTransform(DatasetSpec s, String transform) {
    return new DatasetSpec(
        s.name(),
        s.title(),
        s.description(),
        s.tags(),
        s.groups(),
        s.frequency(),
        s.licenseId(),
        transform,
        s.sources(),
        s.grain(),
        s.grainVi(),
        s.key(),
        s.partition(),
        s.columns());
  }
}
