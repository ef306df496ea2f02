package vn.thanhhoa.opendata.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.thanhhoa.opendata.core.ColumnSpec;
import vn.thanhhoa.opendata.core.Csv;

/**
 * What a CSV file's header row says: which column each cell names (canonical English names or
 * Vietnamese aliases, any order, any case; -1 for an unknown one), or why the whole file is
 * rejected (a column named twice, a required one missing).
 */
final class CsvHeader {
  final int width;
  final int[] columnAt;
  final Warnings warnings;
  String rule;
  String rejection;

  private CsvHeader(String file, int width) {
    this.warnings = new Warnings(file);
    this.width = width;
    this.columnAt = new int[width];
    Arrays.fill(columnAt, -1);
  }

  private CsvHeader reject(String rule, String message) {
    this.rule = rule;
    this.rejection = message;
    return this;
  }

  /** Reads the header rows of one source's files: its columns by every name they go by. */
  static final class Reader {
    private final List<ColumnSpec> columns;
    private final Map<String, Integer> index = new HashMap<>();

    Reader(List<ColumnSpec> columns) {
      this.columns = columns;
      for (int i = 0; i < columns.size(); i++) {
        index.put(key(columns.get(i).name()), i);
        for (String alias : columns.get(i).aliases()) {
          index.put(key(alias), i);
        }
      }
    }

    CsvHeader read(String file, Csv.Record row) {
      return read(file, row.fields());
    }

    /** Reads header labels in column order; a null label (an empty header cell) names nothing. */
    CsvHeader read(String file, List<String> labels) {
      CsvHeader header = new CsvHeader(file, labels.size());
      String[] seen = new String[columns.size()];
      for (int h = 0; h < header.width; h++) {
        if (labels.get(h) == null) {
          continue;
        }
        String label = FieldText.clean(labels.get(h));
        Integer column = index.get(key(label));
        if (column == null) {
          header.warnings.add("unknown columns", file + ": unknown column '" + label + "' ignored");
        } else if (seen[column] != null) {
          return header.reject(Rules.DUPLICATE_COLUMN, twice(file, seen[column], label, column));
        } else {
          seen[column] = label;
          header.columnAt[h] = column;
        }
      }
      return requireAll(file, header, seen);
    }

    /** How many of the source's columns the labels name (each counted once; nulls name none). */
    int named(List<String> labels) {
      return (int)
          labels.stream()
              .filter(label -> label != null)
              .map(label -> index.get(key(label)))
              .filter(column -> column != null)
              .distinct()
              .count();
    }

    private String twice(String file, String first, String second, int column) {
      return file
          + ": columns '"
          + first
          + "' and '"
          + second
          + "' both mean "
          + columns.get(column).name()
          + "; the whole file is rejected";
    }

    private CsvHeader requireAll(String file, CsvHeader header, String[] seen) {
      for (int c = 0; c < columns.size(); c++) {
        if (seen[c] == null && columns.get(c).isRequired()) {
          return header.reject(Rules.MISSING_COLUMN, missing(file, columns.get(c)));
        }
      }
      return header;
    }

    private static String missing(String file, ColumnSpec column) {
      return file
          + ": required column "
          + describe(column)
          + " is missing; the whole file is rejected";
    }

    private static String describe(ColumnSpec column) {
      return column.aliases().isEmpty()
          ? "'" + column.name() + "'"
          : "'" + column.name() + "' ('" + String.join("' / '", column.aliases()) + "')";
    }

    private static String key(String label) {
      return FieldText.clean(label).toLowerCase(Locale.ROOT);
    }
  }
}
