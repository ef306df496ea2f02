package vn.thanhhoa.opendata.ingest;

import vn.thanhhoa.opendata.core.ColumnSpec;

/**
 * A record broke a rule of its source's schema. It is data for the quarantine, not an error: thrown
 * and caught inside one record's validation, without a stack trace.
 */
final class RuleBreach extends Exception {
  private static final long serialVersionUID = 1L;
  private final String rule;
  private final String column;

  RuleBreach(String rule, String column, String message) {
    super(message, null, false, false);
    this.rule = rule;
    this.column = column;
  }

  /** A breach of {@code column}'s rule, its message led by the column's name. */
  static RuleBreach in(ColumnSpec column, String rule, String message) {
    return new RuleBreach(rule, column.name(), column.name() + ": " + message);
  }

  String rule() {
    return rule;
  }

  String column() {
    return column;
  }
}
