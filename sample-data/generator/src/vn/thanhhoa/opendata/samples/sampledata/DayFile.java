package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One day's file. */
final class DayFile {
  final LocalDate day;
  final boolean plain;
  final List<OcopLine> lines = new ArrayList<>();

  /** Written uncompressed although the name ends in {@code .gz}. */
  boolean misnamed;

  String eol = "\n";

  DayFile(LocalDate day, boolean plain) {
    this.day = day;
    this.plain = plain;
  }

  String name() {
    return day + (plain ? ".jsonl" : ".jsonl.gz");
  }
}
