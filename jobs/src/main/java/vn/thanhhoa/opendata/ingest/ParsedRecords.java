package vn.thanhhoa.opendata.ingest;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.thanhhoa.opendata.core.ColumnSpec;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * The frame the reader produces for a source: the typed columns (by staging name) and derived
 * columns, then bookkeeping columns starting with '_': where each record came from, the rule it
 * broke if any, and one extra row per file ({@code _kind = file}) with its encoding and warnings.
 */
public final class ParsedRecords {
  public static final String KIND = "_kind";
  public static final String FILE = "_file";
  public static final String LINE = "_line";

  /** The workbook sheet a record was read from (null for text files). */
  public static final String SHEET = "_sheet";

  public static final String RAW = "_raw";
  public static final String RULE = "_rule";
  public static final String COLUMN = "_column";
  public static final String MESSAGE = "_message";
  public static final String NAME_TYPE = "_name_type";
  public static final String NAME_BASE = "_name_base";
  public static final String DISTRICT_BASE = "_district_base";
  public static final String ENCODING = "_encoding";
  public static final String WARNINGS = "_warnings";
  public static final String SHA256 = "_sha256";
  public static final String SIZE = "_size";
  public static final String MODIFIED = "_modified";

  /** On the file row: how many records the reader split the file into, counted as it read. */
  public static final String RECORDS = "_records";

  public static final String KIND_RECORD = "record";
  public static final String KIND_FILE = "file";

  /** Bookkeeping columns, in order, after the data columns. */
  static final List<String> META =
      List.of(
          KIND,
          FILE,
          LINE,
          SHEET,
          RAW,
          RULE,
          COLUMN,
          MESSAGE,
          NAME_TYPE,
          NAME_BASE,
          DISTRICT_BASE,
          ENCODING,
          WARNINGS,
          SHA256,
          SIZE,
          MODIFIED,
          RECORDS);

  private ParsedRecords() {}

  /** Where each bookkeeping column sits, counted from the first one (after the data columns). */
  static final class At {
    static final int KIND = META.indexOf(ParsedRecords.KIND);
    static final int FILE = META.indexOf(ParsedRecords.FILE);
    static final int LINE = META.indexOf(ParsedRecords.LINE);
    static final int SHEET = META.indexOf(ParsedRecords.SHEET);
    static final int RAW = META.indexOf(ParsedRecords.RAW);
    static final int RULE = META.indexOf(ParsedRecords.RULE);
    static final int COLUMN = META.indexOf(ParsedRecords.COLUMN);
    static final int MESSAGE = META.indexOf(ParsedRecords.MESSAGE);
    static final int NAME_TYPE = META.indexOf(ParsedRecords.NAME_TYPE);
    static final int NAME_BASE = META.indexOf(ParsedRecords.NAME_BASE);
    static final int DISTRICT_BASE = META.indexOf(ParsedRecords.DISTRICT_BASE);
    static final int ENCODING = META.indexOf(ParsedRecords.ENCODING);
    static final int WARNINGS = META.indexOf(ParsedRecords.WARNINGS);
    static final int SHA256 = META.indexOf(ParsedRecords.SHA256);
    static final int SIZE = META.indexOf(ParsedRecords.SIZE);
    static final int MODIFIED = META.indexOf(ParsedRecords.MODIFIED);
    static final int RECORDS = META.indexOf(ParsedRecords.RECORDS);

    private At() {}
  }

  public static StructType schema(SourceSchema source) {
    StructType type = dataSchema(source);
    for (String meta : META) {
      type = type.add(meta, isCount(meta) ? DataTypes.LongType : DataTypes.StringType, true);
    }
    return type;
  }

  private static boolean isCount(String meta) {
    return meta.equals(LINE) || meta.equals(SIZE) || meta.equals(MODIFIED) || meta.equals(RECORDS);
  }

  /** The typed columns and derived columns only: the shape of a staging table. */
  public static StructType dataSchema(SourceSchema source) {
    StructType type = new StructType();
    for (ColumnSpec c : source.columns()) {
      type = type.add(c.stagingName(), sparkType(c), true);
    }
    for (SourceSchema.DerivedSpec d : source.derived()) {
      DataType t =
          d.as() == SourceSchema.Derivation.LOCAL_DATE ? DataTypes.DateType : DataTypes.StringType;
      type = type.add(d.name(), t, true);
    }
    return type;
  }

  static DataType sparkType(ColumnSpec c) {
    return switch (c.type()) {
      case STRING, MONTH -> DataTypes.StringType;
      case INTEGER -> DataTypes.LongType;
      case DECIMAL -> DataTypes.createDecimalType(c.precision(), c.scale());
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }
}
