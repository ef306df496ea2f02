package vn.thanhhoa.opendata.transform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * A dataset as an Excel workbook, {@code <name>.xlsx}: the rows on a sheet under a frozen header of
 * the Vietnamese labels, typed cells, and the columns' descriptions on a second sheet. A dataset
 * longer than a sheet holds is split by year (one sheet per year, continued where a year alone is
 * too long). Written row by row, and byte for byte the same for the same rows.
 */
final class XlsxFile {
  /** Rows an Excel sheet holds, its header included. */
  static final int SHEET_ROWS = 1_048_576;

  static final String DATA_SHEET = "Dữ liệu";
  static final String COLUMNS_SHEET = "Mô tả cột";

  /** Rows SXSSF keeps in memory; the rest go to its temporary file. */
  private static final int WINDOW = 200;

  private final DatasetSpec spec;
  private final int sheetRows;

  XlsxFile(DatasetSpec spec, int sheetRows) {
    this.spec = spec;
    this.sheetRows = sheetRows;
  }

  /** Writes the {@code count} rows as {@code <name>.xlsx} into the dataset's folder. */
  static DatasetFiles.FileEntry write(
      Dataset<Row> rows, long count, DatasetSpec spec, DatasetFolder target) throws IOException {
    String name = spec.name() + ".xlsx";
    XlsxFile file = new XlsxFile(spec, SHEET_ROWS);
    boolean byYear = "year".equals(spec.partition()) && count > SHEET_ROWS - 1;
    try (OutputStream out = target.store().create(target.at(name))) {
      file.write(rows.toLocalIterator(), byYear, out);
    }
    return target.entry(name, "xlsx");
  }

  /** Writes the workbook of {@code rows} (sorted by the key, so by period when split by year). */
  void write(Iterator<Row> rows, boolean byYear, OutputStream out) throws IOException {
    Path raw = Files.createTempFile("dataset-", ".xlsx");
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
      XlsxSheets sheets = new XlsxSheets(workbook, spec, sheetRows);
      int period = byYear ? spec.columns().indexOf(spec.column("period").orElseThrow()) : -1;
      while (rows.hasNext()) {
        Row row = rows.next();
        sheets.add(row, period < 0 ? null : row.getString(period).substring(0, 4));
      }
      sheets.finish();
      XlsxColumns.write(workbook.createSheet(COLUMNS_SHEET), spec);
      fixDates(workbook);
      try (OutputStream file = Files.newOutputStream(raw)) {
        workbook.write(file);
      }
      FixedZip.copy(raw, out);
    } finally {
      Files.deleteIfExists(raw);
    }
  }

  /** A fixed creation date: the same rows must give the same bytes in every run. */
  private static void fixDates(SXSSFWorkbook workbook) {
    POIXMLProperties.CoreProperties core =
        workbook.getXSSFWorkbook().getProperties().getCoreProperties();
    Date fixed = Date.from(Instant.parse("2000-01-01T00:00:00Z"));
    core.setCreated(Optional.of(fixed));
    core.setModified(Optional.of(fixed));
    core.setCreator("");
  }
}
