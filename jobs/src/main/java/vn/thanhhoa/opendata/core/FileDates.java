package vn.thanhhoa.opendata.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The first and last value of a date column over some Parquet files, read from their footers'
 * statistics (no row is read). It tells when rows keyed on that date cannot share a key, or a day,
 * with rows of other files: what lets one new day be appended to a staging month, and its summary
 * be merged into the month's.
 */
public record FileDates(int first, int last) {

  /**
   * Whether every date of {@code column} (a Parquet DATE) in {@code added} comes after every one in
   * {@code kept}; false when the footers cannot tell.
   */
  public static boolean allAfter(
      Collection<String> kept, Collection<String> added, String column, Configuration conf) {
    Optional<FileDates> before = of(kept, column, conf);
    Optional<FileDates> after = of(added, column, conf);
    return before.isPresent() && after.isPresent() && before.get().last < after.get().first;
  }

  /**
   * The span of {@code column} (days since 1970) over {@code files}; empty when a file lacks
   * statistics for it or holds a null there (a null key date matches another null), or when the
   * files hold no row.
   */
  private static Optional<FileDates> of(
      Collection<String> files, String column, Configuration conf) {
    Integer first = null;
    Integer last = null;
    for (String file : files) {
      for (BlockMetaData block : footer(file, conf).getBlocks()) {
        Statistics<?> stats = statistics(block, column);
        if (stats == null || stats.isEmpty() || stats.getNumNulls() != 0) {
          return Optional.empty();
        }
        if (!stats.hasNonNullValue()) {
          continue;
        }
        int min = (Integer) stats.genericGetMin();
        int max = (Integer) stats.genericGetMax();
        first = first == null ? min : Math.min(first, min);
        last = last == null ? max : Math.max(last, max);
      }
    }
    return first == null ? Optional.empty() : Optional.of(new FileDates(first, last));
  }

  private static Statistics<?> statistics(BlockMetaData block, String column) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (chunk.getPath().toDotString().equals(column)) {
        return chunk.getStatistics();
      }
    }
    return null;
  }

  private static ParquetMetadata footer(String file, Configuration conf) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
      return reader.getFooter();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the footer of " + file, e);
    }
  }
}
