package vn.thanhhoa.opendata.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanhhoa.opendata.core.Store;

/**
 * A dataset folder of an earlier release is carried over only if it has every format of now, with
 * the hashes and rows that release recorded for exactly its files.
 */
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

  @Test
  void aCopyKeepsTheRecordOfExactlyItsFilesAndReadsThemOtherwise() throws Exception {
    Store store = Store.local();
    Files.createDirectories(tmp.resolve("old/toy"));
    for (String file : new String[] {"toy.csv", "toy.json", "toy.xlsx", "datapackage.json"}) {
      Files.writeString(tmp.resolve("old/toy").resolve(file), file + " of the old release");
    }
    String from = tmp.resolve("old/toy").toString();
    DatasetFiles.Written read = DatasetFiles.copy(store, "toy", from, tmp + "/a/toy");
    assertEquals(3, read.files().size(), "data files only: " + read.files());
    List<DatasetFiles.FileEntry> files = read.files();
    DatasetFiles.Written recorded =
        new DatasetFiles.Written("toy", 42, "-", List.of(files.get(2), files.get(0), files.get(1)));
    // Changed since it was recorded (same size): the record wins, and the release check will
    // find that the file no longer matches it.
    Files.writeString(tmp.resolve("old/toy/toy.csv"), "TOY.CSV of the old release");
    assertEquals(
        new DatasetFiles.Written("toy", 42, read.sha256(), files),
        copy(from, "b", Optional.of(recorded)),
        "the record's hashes and rows, in the files' order");
    assertEquals(
        "TOY.CSV of the old release", Files.readString(tmp.resolve("b/toy/toy.csv")), "copied");
    DatasetFiles.Written fresh = copy(from, "c", Optional.empty());
    assertNotEquals(read.sha256(), fresh.sha256());
    // A record that does not name exactly the files copied, or names one as another format or
    // without its hash, is not used.
    DatasetFiles.FileEntry csv = files.get(0);
    DatasetFiles.FileEntry extra = new DatasetFiles.FileEntry("toy.tsv", "tsv", 1, csv.sha256());
    for (List<DatasetFiles.FileEntry> wrong :
        List.of(
            List.of(files.get(0), files.get(1)),
            List.of(files.get(0), files.get(1), files.get(2), extra),
            List.of(entry(csv, "json", csv.sha256()), files.get(1), files.get(2)),
            List.of(entry(csv, "csv", ""), files.get(1), files.get(2)))) {
      DatasetFiles.Written record = new DatasetFiles.Written("toy", 42, "-", wrong);
      assertEquals(fresh, copy(from, "d" + wrong.hashCode(), Optional.of(record)), "" + wrong);
    }
  }

  private DatasetFiles.Written copy(
      String from, String to, Optional<DatasetFiles.Written> recorded) {
    return DatasetFiles.copy(Store.local(), "toy", from, tmp + "/" + to + "/toy", recorded);
  }

  private static DatasetFiles.FileEntry entry(
      DatasetFiles.FileEntry f, String format, String sha256) {
    return new DatasetFiles.FileEntry(f.path(), format, f.bytes(), sha256);
  }
}
