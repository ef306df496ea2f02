package vn.thanhhoa.opendata.samples.landing;

/** The one rule a deliberately bad commune report breaks. */
enum ReportFault {
  BAD_MONTH("bad-month"),
  BAD_CODE("bad-commune-code"),
  UNKNOWN_CODE("unknown-commune-code"),
  UNRESOLVED_NAME("unresolved-commune-name"),
  BAD_TIMESTAMP("bad-timestamp"),
  BAD_INTEGER("bad-integer"),
  NEGATIVE("out-of-range"),
  BAD_DECIMAL("bad-decimal"),
  PCT_OVER_100("out-of-range"),
  BAD_BOOLEAN("bad-boolean"),
  MISSING_VALUE("missing-value"),
  MEMBERS_BELOW_TEAMS("members-below-teams"),
  ON_TIME_EXCEEDS("on-time-exceeds-received"),
  FIBER_EXCEEDS("fiber-exceeds-households"),
  FIELD_COUNT("field-count"),
  NO_UNIT_LIST("unit-list-unavailable");

  final String rule;

  ReportFault(String rule) {
    this.rule = rule;
  }
}
