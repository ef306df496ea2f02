package vn.thanhhoa.opendata.transform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Store;

/** A dataset folder of an earlier release is carried over only if it has every format of now. */
class CarryOverTest {
  @TempDir Path tmp;

  @Test
  void aFolderWrittenBeforeTheWorkbooksIsBuiltAgain() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("toy/parquet"));
    Files.writeString(folder.resolve("toy.parquet"), "");
    for (String file : new String[] {"toy.csv", "toy.json", "datapackage.json"}) {
      Files.writeString(tmp.resolve("toy").resolve(file), "");
    }
    String toy = tmp.resolve("toy").toString();
    assertFalse(DatasetFiles.hasEveryFormat(Store.local(), toy));
    Files.writeString(tmp.resolve("toy/toy.xlsx"), "");
    assertTrue(DatasetFiles.hasEveryFormat(Store.local(), toy));
  }
}
