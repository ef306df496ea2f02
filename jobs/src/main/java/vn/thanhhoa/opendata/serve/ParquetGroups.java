package vn.thanhhoa.opendata.serve;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Opens a Parquet file for reading row by row with Apache Parquet's own reader, which names files
 * by Hadoop's {@link Path} (kept here, apart from the rest of serve's java.nio paths).
 */
final class ParquetGroups {
  private ParquetGroups() {}

  static ParquetReader<Group> open(URI file) throws IOException {
    return ParquetReader.builder(new GroupReadSupport(), new Path(file))
        .withConf(new Configuration())
        .build();
  }
}
