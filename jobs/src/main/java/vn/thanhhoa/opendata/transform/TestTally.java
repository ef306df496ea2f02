package vn.thanhhoa.opendata.transform;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What one pass over a dataset's rows in key order finds: how many rows there are, how many share
 * their key with a neighbour, and how many fail each row test; and over how many partitions the
 * rows were spread (a neighbour is only seen within one). The rows are the key's columns followed
 * by one boolean per test (null counts as passed, as a SQL filter would have it).
 */
record TestTally(int partitions, long rows, long sharedKeys, long[] brokenByTest) {

  /** Tallies {@code tallied} (one partition, in key order) in one Spark job. */
  static TestTally of(Dataset<Row> tallied, int keyColumns, int tests) {
    List<long[]> parts = tallied.javaRDD().mapPartitions(new Pass(keyColumns, tests)).collect();
    long[] sum = new long[2 + tests];
    for (long[] part : parts) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += part[i];
      }
    }
    long[] broken = new long[tests];
    System.arraycopy(sum, 2, broken, 0, tests);
    return new TestTally(parts.size(), sum[0], sum[1], broken);
  }

  long broken(int test) {
    return brokenByTest[test];
  }

  /** The counting, per partition: {rows, rows sharing a key, broken per test}. */
  private static final class Pass implements FlatMapFunction<Iterator<Row>, long[]> {
    private static final long serialVersionUID = 1L;
    private final int keyColumns;
    private final int tests;

    Pass(int keyColumns, int tests) {
      this.keyColumns = keyColumns;
      this.tests = tests;
    }

    @Override
    public Iterator<long[]> call(Iterator<Row> rows) {
      long[] counts = new long[2 + tests];
      Row previousKey = null;
      long run = 0;
      while (rows.hasNext()) {
        Row row = rows.next();
        counts[0]++;
        if (keyColumns > 0) {
          Row key = key(row);
          run = key.equals(previousKey) ? run + 1 : 1;
          // The second row of a run counts both; every further row counts itself.
          counts[1] += run == 2 ? 2 : run > 2 ? 1 : 0;
          previousKey = key;
        }
        for (int t = 0; t < tests; t++) {
          int at = keyColumns + t;
          counts[2 + t] += !row.isNullAt(at) && row.getBoolean(at) ? 1 : 0;
        }
      }
      return List.of(counts).iterator();
    }

    private Row key(Row row) {
      return RowFactory.create(IntStream.range(0, keyColumns).mapToObj(row::get).toArray());
    }
  }
}
