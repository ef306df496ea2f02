package vn.thanhhoa.opendata.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * Holds the accepted rows of one file as it is read and passes on the latest per key once it is
 * read (the later {@code latest_by}, then the later line, as {@link KeyResolution} orders rows of
 * one file), for a source whose key holds a date: its files are usually one day each, so two files
 * rarely share a key, and when every file's rows are resolved in the file no shuffle is needed to
 * resolve them across files ({@link StagingTable#resolveAcrossFiles}). A file with more than {@link
 * #LIMIT} keys says it was not resolved: once that is known, the rows held so far are passed on
 * resolved among themselves and the rest as read, and they are all resolved with the others of
 * their periods.
 */
final class LatestInFile {
  /**
   * Keys resolved per file at most (a national day has ~40,000). Twice as many rows are held before
   * the held ones are resolved among themselves: about 100 MB of heap per task for a 64 MB file.
   */
  static final int LIMIT = 100_000;

  /**
   * Files larger than this (a national day is 20 MB) may hold more than {@link #LIMIT} keys: one
   * task would read the file, sort it and write it, and its rows would then be resolved again. The
   * shuffle spreads such a file's rows over the cores instead.
   */
  static final long MAX_FILE_BYTES = 64L << 20;

  /** About how much a gzipped JSON Lines file grows when read (a national day: 20 MB from 3.3). */
  static final long GZIP_RATIO = 8;

  private static final Set<DataType> ORDERED_AS_SPARK =
      Set.of(DataTypes.TimestampType, DataTypes.DateType, DataTypes.LongType);

  private final Columns columns;
  private final int limit;
  private List<Row> rows = new ArrayList<>();
  private final Set<Object> keyDates = new HashSet<>();
  private long replaced;
  private boolean resolved = true;

  private LatestInFile(Columns columns, int limit) {
    this.columns = columns;
    this.limit = limit;
  }

  /**
   * Where a source's staging rows hold the period and key (what {@link KeyResolution} groups by),
   * the key's date and {@code latest_by}; empty when the key has no date (its files overlap by
   * design, so resolving in the file would not spare the shuffle) or {@code latest_by} is not a
   * time or a whole number (the types Java orders as Spark does).
   */
  record Columns(int[] key, int date, int latestBy) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Optional<Columns> of(SourceSchema schema) {
      List<String> names = schema.stagingNames();
      DataType latestBy = StagingTable.schema(schema).apply(schema.key().latestBy()).dataType();
      if (!ORDERED_AS_SPARK.contains(latestBy)) {
        return Optional.empty();
      }
      return StagingTable.keyDate(schema)
          .map(
              date ->
                  new Columns(
                      KeyResolution.partitionAndKey(schema.key(), schema.partitionBy()).stream()
                          .mapToInt(names::indexOf)
                          .toArray(),
                      names.indexOf(date),
                      names.indexOf(schema.key().latestBy())));
    }

    LatestInFile newFile() {
      return new LatestInFile(this, LIMIT);
    }

    LatestInFile newFile(int limit) {
      return new LatestInFile(this, limit);
    }
  }

  /**
   * Whether the reader resolves {@code files} of {@code schema} in each file: the source allows it
   * ({@link Columns#of}) and no file is larger than {@link #MAX_FILE_BYTES} (a gzipped one counted
   * at {@link #GZIP_RATIO} times its size).
   */
  static boolean resolves(SourceSchema schema, List<LandingFileReader.LandingFile> files) {
    return Columns.of(schema).isPresent()
        && files.stream().allMatch(f -> readBytes(f) <= MAX_FILE_BYTES);
  }

  private static long readBytes(LandingFileReader.LandingFile file) {
    return file.uri().endsWith(".gz") ? file.bytes() * GZIP_RATIO : file.bytes();
  }

  /** The periods of the files not resolved in the file, or sharing a key date with another. */
  static List<String> unresolvedPeriods(Collection<FileOutcome> outcomes) {
    Map<String, Integer> filesByDate = new HashMap<>();
    outcomes.forEach(
        o -> o.inFile().keyDates().forEach(d -> filesByDate.merge(d, 1, Integer::sum)));
    return outcomes.stream()
        .filter(
            o ->
                !o.inFile().resolved()
                    || o.inFile().keyDates().stream().anyMatch(d -> filesByDate.get(d) > 1))
        .flatMap(o -> o.periods().stream())
        .distinct()
        .sorted()
        .toList();
  }

  /** Takes the file's next accepted row; returns the rows to pass on now (none while it keeps). */
  Iterator<Row> offer(Row row) {
    keyDates.add(row.get(columns.date()));
    if (!resolved) {
      return List.of(row).iterator();
    }
    rows.add(row);
    if (rows.size() > 2 * limit) {
      // resolved this far; the next time is at least the limit's number of rows away
      rows = latest(rows);
      if (rows.size() > limit) {
        resolved = false;
        return finish();
      }
    }
    return Collections.emptyIterator();
  }

  /**
   * The latest of the rows held per key, once the file is read, in period and key order. Spark
   * sorts a task's rows the same way before it writes them (by merging runs, its sort then compares
   * each row a few times instead of some twenty).
   */
  Iterator<Row> finish() {
    List<Row> kept = latest(rows);
    rows = new ArrayList<>();
    return kept.iterator();
  }

  /**
   * The latest of {@code held} per key, in key order: sorted by key (a stable sort, so a key's rows
   * stay in line order), each key's rows folded in line order.
   */
  private List<Row> latest(List<Row> held) {
    int[] key = varyingKey(held);
    held.sort((a, b) -> byKey(a, b, key));
    List<Row> latest = new ArrayList<>(held.size());
    Row kept = null;
    for (Row row : held) {
      if (kept != null && byKey(kept, row, key) == 0) {
        replaced++;
        kept = isLater(row, kept) ? row : kept;
      } else {
        if (kept != null) {
          latest.add(kept);
        }
        kept = row;
      }
    }
    if (kept != null) {
      latest.add(kept);
    }
    return latest;
  }

  /**
   * Rows of the file that another row of the same key and file outdid before they were passed on
   * (known once {@link #finish} has been called).
   */
  long replaced() {
    return replaced;
  }

  /**
   * Whether the file had no more than {@link #LIMIT} keys, so that no key occurs twice among the
   * rows passed on.
   */
  boolean resolved() {
    return resolved;
  }

  /** The key dates of the file's accepted rows. */
  Set<String> keyDates() {
    Set<String> dates = new TreeSet<>();
    keyDates.forEach(d -> dates.add(String.valueOf(d)));
    return dates;
  }

  /**
   * The key columns whose value is not the same in every row of {@code held}, the only ones worth
   * comparing: a file is usually one day of one period, so its rows differ by the listing alone.
   */
  private int[] varyingKey(List<Row> held) {
    return Arrays.stream(columns.key())
        .filter(i -> held.stream().anyMatch(r -> !Objects.equals(r.get(i), held.get(0).get(i))))
        .toArray();
  }

  /** Key order by the given key columns. */
  @SuppressWarnings("unchecked")
  private static int byKey(Row a, Row b, int[] key) {
    for (int i : key) {
      Object x = a.get(i);
      Object y = b.get(i);
      int order =
          x == null || y == null
              ? Boolean.compare(x != null, y != null)
              : ((Comparable<Object>) x).compareTo(y);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /**
   * Whether {@code row}, read after {@code kept}, replaces it: a later {@code latest_by}, or the
   * same (or none on either); a row without one never replaces a row with one.
   */
  @SuppressWarnings("unchecked")
  private boolean isLater(Row row, Row kept) {
    Object mine = asStaged(row.get(columns.latestBy()));
    Object theirs = asStaged(kept.get(columns.latestBy()));
    if (mine == null || theirs == null) {
      return theirs == null;
    }
    return ((Comparable<Object>) mine).compareTo(theirs) >= 0;
  }

  /** A time as Spark keeps it: to the microsecond, so two crawls within one are a tie there too. */
  private static Object asStaged(Object value) {
    return value instanceof Instant instant ? instant.truncatedTo(ChronoUnit.MICROS) : value;
  }
}
