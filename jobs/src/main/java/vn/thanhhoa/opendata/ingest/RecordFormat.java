package vn.thanhhoa.opendata.ingest;

import java.util.List;
import org.apache.spark.sql.Row;

/** How a decoded landing file splits into records (CSV rows, JSON lines), and their rows. */
abstract class RecordFormat {
  protected final RowMaker rows;

  RecordFormat(RowMaker rows) {
    this.rows = rows;
  }

  final RowMaker rows() {
    return rows;
  }

  /** The records of a decoded text, then its file row with these warnings and the format's own. */
  abstract void read(
      String name, String text, String encoding, List<String> warnings, List<Row> out);

  /** Quarantines every record of a file rejected whole, plus its file row. */
  final void reject(
      String name, String text, String rule, String message, List<String> warnings, List<Row> out) {
    quarantineAll(name, text, rule, message, out);
    out.add(rows.fileInfo(name, null, rule, message, warnings));
  }

  /** Every record of the text, quarantined under one rule. */
  abstract void quarantineAll(String name, String text, String rule, String message, List<Row> out);
}
