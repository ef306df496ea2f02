package vn.thanhhoa.opendata.transform;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * The tests a dataset's schema declares, run on its rows before they are published: the key is
 * unique, the key's and the {@code required} columns are never null, and every {@code
 * admin_unit_on} code is a unit of the list valid on its day. They run as one pass over the rows
 * that also counts them, so a built dataset costs no Spark job more than its files; only a failure
 * reads the rows again, for a few offending values of each broken rule.
 */
final class DeclaredTests {
  private static final int EXAMPLES = 3;

  private final DatasetSpec spec;
  private final UnitCodes units;

  DeclaredTests(DatasetSpec spec, UnitCodes units) {
    this.spec = spec;
    this.units = units;
  }

  /** A test of single rows: {@code broken} is true on a row that fails it. */
  private record RowTest(String column, String rule, Column broken, List<Column> shown) {}

  /**
   * Checks the rows and counts them. They must be as {@link DatasetFiles#conform} leaves them: one
   * partition in key order, so that rows sharing a key are neighbours.
   *
   * @return the number of rows
   * @throws IllegalStateException naming the dataset, and for each failed test its column, rule,
   *     number of rows and up to three offending values
   */
  long verify(Dataset<Row> rows) {
    List<RowTest> tests = rowTests();
    TestTally tally = TestTally.of(rows.select(tallied(tests)), spec.key().size(), tests.size());
    if (tally.partitions() > 1) {
      throw new IllegalStateException(
          spec.name() + ": declared tests need the rows in one partition, in key order");
    }
    List<String> failures = new ArrayList<>();
    if (tally.sharedKeys() > 0) {
      failures.add(uniqueFailure(rows, tally.sharedKeys()));
    }
    for (int i = 0; i < tests.size(); i++) {
      if (tally.broken(i) > 0) {
        failures.add(rowFailure(rows, tests.get(i), tally.broken(i)));
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          "Cannot publish " + spec.name() + ": " + String.join("; ", failures));
    }
    return tally.rows();
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

  /** The key's columns, then whether each test fails on the row. */
  private Column[] tallied(List<RowTest> tests) {
    return Stream.concat(keyList().stream(), tests.stream().map(RowTest::broken))
        .toArray(Column[]::new);
  }

  private Column[] keyColumns() {
    return keyList().toArray(Column[]::new);
  }

  private List<Column> keyList() {
    return spec.key().stream().map(k -> col(k)).toList();
  }

  private String uniqueFailure(Dataset<Row> rows, long failed) {
    List<Row> keys =
        rows.groupBy(keyColumns())
            .count()
            .filter(col("count").gt(1))
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
