package vn.thanhhoa.opendata.serve;

/** SQL text for the query engine: quoted names and literals, and CKAN-like text folding. */
final class Sql {
  private Sql() {}

  /** A quoted identifier: a resource id or column name, whatever its characters. */
  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }

  /**
   * Text folded as {@link Fold} folds it (no diacritics, đ as d, lower case), in SQL, so that
   * {@code q} compares folded words with folded values.
   */
  static String fold(String expression) {
    return "lower(strip_accents(replace(replace(" + expression + ", 'đ', 'd'), 'Đ', 'D')))";
  }
}
