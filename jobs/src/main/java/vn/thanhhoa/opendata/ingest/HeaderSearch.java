package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a worksheet's header among its first rows, as a person reading the sheet would: title rows
 * above it are passed over, and the header is the first row naming at least two of the source's
 * columns. A header may span two rows, as templates with merged cells have it: a group label merged
 * across the columns above their own labels, or a label merged down over both rows (Excel keeps a
 * merged cell's text in its first cell only, so the other row is empty there). Each column then
 * takes the lower row's label, or the upper row's where the lower one is empty; the two rows are
 * read as one header when that names more columns than either row alone would.
 */
final class HeaderSearch {
  /** How many non-empty rows may stand above the header. */
  static final int ROWS = 30;

  private final CsvHeader.Reader reader;
  private final int enough;
  private List<String> previous = List.of();
  private List<String> candidate;
  private List<String> found;
  private int searched;

  HeaderSearch(CsvHeader.Reader reader, int columns) {
    this.reader = reader;
    this.enough = Math.min(2, columns);
  }

  /**
   * Offers the next non-empty row's labels (null where a cell is empty); true if the row is above
   * the table or part of its header, false if it is a record.
   */
  boolean offer(List<String> labels) {
    if (found != null) {
      return false;
    }
    if (gaveUp()) {
      return true;
    }
    if (candidate != null) {
      List<String> twoRows = lowerOver(labels, candidate);
      found = reader.named(twoRows) > reader.named(candidate) ? twoRows : candidate;
      return found == twoRows;
    }
    searched++;
    int named = reader.named(labels);
    if (named >= enough) {
      List<String> twoRows = lowerOver(labels, previous);
      if (reader.named(twoRows) > named) {
        found = twoRows;
      } else {
        candidate = labels;
      }
    } else {
      previous = labels;
    }
    return true;
  }

  /** Whether the header is known: every further row is a record. */
  boolean isOver() {
    return found != null;
  }

  /** The header's labels once the sheet has ended (null: none found). */
  List<String> header() {
    return found != null ? found : candidate;
  }

  /** Whether the search has given up: no header in the first {@value #ROWS} non-empty rows. */
  boolean gaveUp() {
    return header() == null && searched >= ROWS;
  }

  private static List<String> lowerOver(List<String> lower, List<String> upper) {
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < Math.max(lower.size(), upper.size()); c++) {
      String below = c < lower.size() ? lower.get(c) : null;
      labels.add(below != null ? below : c < upper.size() ? upper.get(c) : null);
    }
    return labels;
  }
}
