package vn.thanhhoa.opendata.ingest;

import java.util.List;

/** One row of a worksheet: its number as Excel shows it (from 1) and its cells, left to right. */
record SheetRow(long number, List<SheetCell> cells) {

  SheetRow {
    cells = List.copyOf(cells);
  }

  /** No cell with anything in it: not a record (a spacer or a formatted row past the table). */
  boolean isEmpty() {
    return cells.stream().allMatch(SheetCell::isBlank);
  }

  /** One past the last column with a cell. */
  int width() {
    return cells.stream().mapToInt(SheetCell::column).max().orElse(-1) + 1;
  }
}
