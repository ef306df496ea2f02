package vn.thanhhoa.opendata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every published dataset tells people in Vietnamese what a row is and what each column holds: a
 * column added without {@code description_vi} fails here, not on the site.
 */
class VietnameseDescriptionsTest {
  private static final DatasetCatalog CATALOG =
      DatasetCatalog.load(Paths.get("conf/datasets.yaml"), Paths.get("schemas"));

  @Test
  void everyPublishedColumnAndGrainHasAVietnameseDescription() {
    List<String> missing = new ArrayList<>();
    for (DatasetSpec spec : CATALOG.datasets()) {
      if (!spec.grainText().hasVi()) {
        missing.add(spec.name() + ": grain_vi");
      }
      for (DatasetSpec.Column c : spec.columns()) {
        if (!c.descriptionText().hasVi()) {
          missing.add(spec.name() + "." + c.name() + ": description_vi");
        }
      }
    }
    assertEquals(6, CATALOG.datasets().size());
    assertEquals(List.of(), missing, "missing Vietnamese descriptions");
  }

  @Test
  void theVietnameseTextIsForPeopleAndTheEnglishStaysForTheDataDictionary() {
    DatasetSpec.Column c = CATALOG.get("kinh-te-so-cap-xa").column("period").orElseThrow();
    assertEquals("Month, YYYY-MM", c.description());
    assertEquals(c.descriptionVi(), c.descriptionText().forPeople());
    assertEquals("Month, YYYY-MM", c.metadata().getString("comment"));
    DatasetSpec.Text english = new DatasetSpec.Text(" ", "Rows read");
    assertTrue(!english.hasVi() && english.forPeople().equals("Rows read"));
  }
}
