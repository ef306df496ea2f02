package vn.thanhhoa.opendata.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;
import vn.thanhhoa.opendata.core.ColumnSpec;

/**
 * The rules a column's typed value must keep after its type: range, then allowed values, then
 * pattern.
 */
final class ColumnConstraints {
  private static final BigDecimal LONG_SAFE = BigDecimal.TEN.pow(18);

  private final ColumnSpec spec;
  private final Pattern pattern;
  private final Set<String> values;
  private final long minLong;
  private final long maxLong;

  /** Only bounds that longs stand in for exactly: an integer inside them needs no other check. */
  private final boolean longBoundsOnly;

  ColumnConstraints(ColumnSpec spec) {
    this.spec = spec;
    this.pattern = spec.pattern() == null ? null : Pattern.compile(spec.pattern().regex());
    this.values = Set.copyOf(spec.values());
    this.minLong = bound(spec.min(), Long.MIN_VALUE, RoundingMode.CEILING);
    this.maxLong = bound(spec.max(), Long.MAX_VALUE, RoundingMode.FLOOR);
    this.longBoundsOnly = values.isEmpty() && pattern == null && exactBounds();
  }

  /**
   * A decimal bound as the nearest whole number inside it, so integers compare as longs; a bound
   * too far out for that is kept to the exact comparison (none: {@code none}).
   */
  private static long bound(BigDecimal limit, long none, RoundingMode inward) {
    if (limit == null || limit.abs().compareTo(LONG_SAFE) > 0) {
      return none;
    }
    return limit.setScale(0, inward).longValueExact();
  }

  /** Whether both bounds are within the range where longs stand in for them exactly. */
  private boolean exactBounds() {
    return (spec.min() == null || minLong != Long.MIN_VALUE)
        && (spec.max() == null || maxLong != Long.MAX_VALUE);
  }

  /** The value, if it keeps the column's rules. */
  Object check(Object value) throws RuleBreach {
    if (value instanceof Long l && longBoundsOnly && l >= minLong && l <= maxLong) {
      return value; // inside the bounds; outside, the range check says by how much
    }
    if (value instanceof Long || value instanceof BigDecimal) {
      checkRange(value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value);
    }
    if (!values.isEmpty() || pattern != null) {
      checkText(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
    }
    return value;
  }

  private void checkRange(BigDecimal number) throws RuleBreach {
    if ((spec.min() != null && number.compareTo(spec.min()) < 0)
        || (spec.max() != null && number.compareTo(spec.max()) > 0)) {
      throw RuleBreach.in(
          spec, Rules.OUT_OF_RANGE, "value " + number.toPlainString() + " is outside " + range());
    }
  }

  private void checkText(String shown) throws RuleBreach {
    if (!values.isEmpty() && !values.contains(shown)) {
      throw RuleBreach.in(
          spec, Rules.UNKNOWN_VALUE, "'" + shown + "' is not one of " + spec.values());
    }
    if (pattern != null && !pattern.matcher(shown).matches()) {
      throw RuleBreach.in(
          spec, spec.pattern().rule(), "'" + shown + "' does not match " + spec.pattern().regex());
    }
  }

  private String range() {
    String min = spec.min() == null ? "" : spec.min().toPlainString();
    String max = spec.max() == null ? "" : spec.max().toPlainString();
    return "[" + min + ", " + max + "]";
  }
}
