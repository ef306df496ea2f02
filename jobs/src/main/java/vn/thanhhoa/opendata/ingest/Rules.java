package vn.thanhhoa.opendata.ingest;

/** Rule ids the generic reader itself reports (checks and patterns name theirs in schemas/). */
public final class Rules {
  public static final String MISSING_VALUE = "missing-value";
  public static final String OUT_OF_RANGE = "out-of-range";
  public static final String UNKNOWN_VALUE = "unknown-value";
  public static final String WRONG_JSON_TYPE = "wrong-json-type";
  public static final String MALFORMED_JSON = "malformed-json";
  public static final String FIELD_COUNT = "field-count";
  public static final String UNCLOSED_QUOTE = "unclosed-quote";
  public static final String INVALID_ENCODING = "invalid-encoding";
  public static final String UNREADABLE_FILE = "unreadable-file";
  public static final String MISSING_COLUMN = "missing-column";
  public static final String DUPLICATE_COLUMN = "duplicate-column";
  public static final String ENCRYPTED_WORKBOOK = "encrypted-workbook";
  public static final String LEGACY_WORKBOOK = "legacy-workbook";
  public static final String NO_HEADER_ROW = "no-header-row";
  public static final String FORMULA_WITHOUT_VALUE = "formula-without-value";
  public static final String CELL_ERROR = "cell-error";
  public static final String UNIT_LIST_UNAVAILABLE = "unit-list-unavailable";
  public static final String UNKNOWN_COMMUNE_CODE = "unknown-commune-code";
  public static final String UNRESOLVED_COMMUNE_NAME = "unresolved-commune-name";
  public static final String AMBIGUOUS_COMMUNE_NAME = "ambiguous-commune-name";

  private Rules() {}

  /** The rule a value that cannot be parsed as {@code type} breaks, e.g. {@code bad-integer}. */
  public static String badValue(String type) {
    return "bad-" + type;
  }
}
