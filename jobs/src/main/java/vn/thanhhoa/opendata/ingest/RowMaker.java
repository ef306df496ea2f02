package vn.thanhhoa.opendata.ingest;

import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.thanhhoa.opendata.core.NameKey;
import vn.thanhhoa.opendata.core.SourceSchema;
import vn.thanhhoa.opendata.ingest.ParsedRecords.At;

/**
 * Lays out the rows of {@link ParsedRecords#schema}: data values first, then bookkeeping. With a
 * {@link UnitPlacement}, a valid record is also placed on its unit here, where it is read; its raw
 * text is then kept only if it is quarantined.
 */
final class RowMaker {
  private final int width;
  private final int nameAt;
  private final int districtAt;
  private final UnitPlacement units;
  private final String sheet;

  RowMaker(SourceSchema schema, UnitPlacement units) {
    List<String> names = schema.stagingNames();
    this.width = names.size();
    this.nameAt = schema.unit().name() == null ? -1 : names.indexOf(schema.unit().name());
    this.districtAt =
        schema.unit().district() == null ? -1 : names.indexOf(schema.unit().district());
    this.units = units;
    this.sheet = null;
  }

  private RowMaker(RowMaker rows, String sheet) {
    this.width = rows.width;
    this.nameAt = rows.nameAt;
    this.districtAt = rows.districtAt;
    this.units = rows.units;
    this.sheet = sheet;
  }

  /** The same rows, each naming the workbook sheet it was read from. */
  RowMaker inSheet(String sheetName) {
    return new RowMaker(this, sheetName);
  }

  Row accepted(String file, long line, String raw, Object[] values) {
    return accepted(file, line, () -> raw, values);
  }

  /** A valid record's row, or its quarantine row if it cannot be placed on a unit. */
  Row accepted(String file, long line, Supplier<String> raw, Object[] values) {
    Object[] row = new Object[width + ParsedRecords.META.size()];
    System.arraycopy(values, 0, row, 0, width);
    String name = nameAt < 0 ? null : (String) values[nameAt];
    String district = districtAt < 0 ? null : (String) values[districtAt];
    String type = name == null ? null : NameKey.type(name);
    String nameBase = NameKey.base(name);
    String districtBase = NameKey.base(district);
    if (units != null) {
      try {
        units.place(row, type, nameBase, districtBase);
      } catch (RuleBreach breach) {
        return quarantined(file, line, raw.get(), breach);
      }
    }
    fillMeta(
        row,
        ParsedRecords.KIND_RECORD,
        file,
        line,
        units == null ? raw.get() : null,
        null,
        null,
        null);
    row[width + At.NAME_TYPE] = type;
    row[width + At.NAME_BASE] = nameBase;
    row[width + At.DISTRICT_BASE] = districtBase;
    return RowFactory.create(row);
  }

  Row quarantined(String file, long line, String raw, String rule, String column, String message) {
    Object[] row = new Object[width + ParsedRecords.META.size()];
    fillMeta(row, ParsedRecords.KIND_RECORD, file, line, raw, rule, column, message);
    return RowFactory.create(row);
  }

  Row quarantined(String file, long line, String raw, RuleBreach breach) {
    return quarantined(file, line, raw, breach.rule(), breach.column(), breach.getMessage());
  }

  /** The per-file row: encoding, the rule that rejected the whole file if any, warnings. */
  Row fileInfo(String file, String encoding, String rule, String message, List<String> warnings) {
    Object[] row = new Object[width + ParsedRecords.META.size()];
    fillMeta(row, ParsedRecords.KIND_FILE, file, 0L, null, rule, null, message);
    row[width + At.ENCODING] = encoding;
    row[width + At.WARNINGS] = warnings.isEmpty() ? null : String.join("\n", warnings);
    return RowFactory.create(row);
  }

  /**
   * The file row with the landing file's own sha256, size and modification time filled in, and the
   * number of records read from it.
   */
  static Row withContent(Row fileRow, String sha256, long size, long modified, long records) {
    Object[] values = new Object[fileRow.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fileRow.get(i);
    }
    int width = values.length - ParsedRecords.META.size();
    values[width + At.SHA256] = sha256;
    values[width + At.SIZE] = size;
    values[width + At.MODIFIED] = modified;
    values[width + At.RECORDS] = records;
    return RowFactory.create(values);
  }

  private void fillMeta(
      Object[] row,
      String kind,
      String file,
      long line,
      String raw,
      String rule,
      String column,
      String message) {
    row[width + At.KIND] = kind;
    row[width + At.FILE] = file;
    row[width + At.LINE] = line;
    row[width + At.SHEET] = sheet;
    row[width + At.RAW] = raw;
    row[width + At.RULE] = rule;
    row[width + At.COLUMN] = column;
    row[width + At.MESSAGE] = message;
  }
}
