package vn.thanhhoa.opendata.ingest;

/**
 * One cell of a worksheet as stored: its 0-based column, what kind of value it holds, that value as
 * written in the file (text already looked up in the shared strings), its style index and the
 * formula it was calculated from (null if none).
 */
record SheetCell(int column, Kind kind, String value, int style, String formula) {

  /** What a cell holds. */
  enum Kind {
    TEXT,
    NUMBER,
    BOOLEAN,
    /** An error such as {@code #DIV/0!} or {@code #REF!}. */
    ERROR,
    /** A date written as ISO text (cell type {@code d}, rare). */
    ISO_DATE,
    /** A formula that was saved without its calculated value. */
    NO_VALUE
  }

  /** The cell's reference as Excel shows it, e.g. {@code B7}. */
  String reference(long row) {
    StringBuilder letters = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      letters.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return letters.append(row).toString();
  }

  /** A text cell of spaces only is as empty as no cell at all. */
  boolean isBlank() {
    return kind == Kind.TEXT && FieldText.clean(value).isEmpty();
  }
}
