package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * The tests a dataset's schema declares, run on its rows before they are published: the key is
 * unique, the key's and the {@code required} columns are never null, and every {@code
 * admin_unit_on} code is a unit of the list valid on its day. They run as one aggregation over the
 * rows; only a failure reads the rows again, for a few offending values of each broken rule.
 */
final class DeclaredTests {
  private static final int EXAMPLES = 3;
  private static final String ROWS = "_rows";

  private final DatasetSpec spec;
  private final UnitCodes units;

  DeclaredTests(DatasetSpec spec, UnitCodes units) {
    this.spec = spec;
    this.units = units;
  }

  /** A test of single rows: {@code broken} is true on a row that fails it. */
  private record RowTest(String column, String rule, Column broken, List<Column> shown) {
    String alias() {
      return "_" + rule + "_" + column;
    }
  }

  /**
   * @throws IllegalStateException naming the dataset, and for each failed test its column, rule,
   *     number of rows and up to three offending values
   */
  void verify(Dataset<Row> rows) {
    List<RowTest> tests = rowTests();
    if (spec.key().isEmpty() && tests.isEmpty()) {
      return;
    }
    Dataset<Row> groups = rows.groupBy(keyColumns()).agg(count(lit(1)).as(ROWS), perKey(tests));
    Row totals = groups.agg(duplicates(), total(tests)).first();
    List<String> failures = new ArrayList<>();
    if (!spec.key().isEmpty() && failed(totals, 0) > 0) {
      failures.add(uniqueFailure(groups, failed(totals, 0)));
    }
    for (int i = 0; i < tests.size(); i++) {
      if (failed(totals, i + 1) > 0) {
        failures.add(rowFailure(rows, tests.get(i), failed(totals, i + 1)));
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          "Cannot publish " + spec.name() + ": " + String.join("; ", failures));
    }
  }

  private List<RowTest> rowTests() {
    List<RowTest> tests = new ArrayList<>();
    for (String c : spec.requiredColumns()) {
      tests.add(new RowTest(c, "not_null", col(c).isNull(), keyList()));
    }
    for (DatasetSpec.Column c : spec.unitCodes()) {
      tests.add(
          new RowTest(c.name(), "unit_exists", units.broken(c, spec), UnitCodes.shown(c, spec)));
    }
    return tests;
  }

  private Column[] keyColumns() {
    return keyList().toArray(Column[]::new);
  }

  private List<Column> keyList() {
    return spec.key().stream().map(k -> col(k)).toList();
  }

  private static Column[] perKey(List<RowTest> tests) {
    return tests.stream()
        .map(t -> sum(when(t.broken(), 1L).otherwise(0L)).as(t.alias()))
        .toArray(Column[]::new);
  }

  /** Rows that share their key with another row. */
  private static Column duplicates() {
    return sum(when(col(ROWS).gt(1), col(ROWS)).otherwise(0L));
  }

  private static Column[] total(List<RowTest> tests) {
    return tests.stream().map(t -> sum(col(t.alias()))).toArray(Column[]::new);
  }

  private static long failed(Row totals, int i) {
    return totals.isNullAt(i) ? 0 : totals.getLong(i);
  }

  private String uniqueFailure(Dataset<Row> groups, long failed) {
    List<Row> keys =
        groups
            .filter(col(ROWS).gt(1))
            .select(keyColumns())
            .orderBy(keyColumns())
            .limit(EXAMPLES)
            .collectAsList();
    return "key "
        + String.join(", ", spec.key())
        + ": unique: "
        + failed
        + " rows share a key, e.g. "
        + examples(keys);
  }

  private static String rowFailure(Dataset<Row> rows, RowTest test, long failed) {
    Column[] shown = test.shown().toArray(Column[]::new);
    List<Row> found =
        rows.filter(test.broken())
            .select(shown)
            .distinct()
            .orderBy(shown)
            .limit(EXAMPLES)
            .collectAsList();
    return "column "
        + test.column()
        + ": "
        + test.rule()
        + ": "
        + failed
        + " rows, e.g. "
        + examples(found);
  }

  private static String examples(List<Row> rows) {
    return rows.stream().map(r -> "(" + r.mkString(", ") + ")").collect(Collectors.joining(" "));
  }
}
