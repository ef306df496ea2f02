package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.file.Path;
import java.util.Random;

/** Writes {@code commune-reports/}: the files, the deliberate errors and the tricky cases. */
final class CommuneReportsWriter {
  static final String SOURCE = "commune-reports";

  private final ReportFiles files;

  CommuneReportsWriter(Reference ref, ReportModel model, Random rnd, Catalog catalog, Path root) {
    this.files = new ReportFiles(ref, model, rnd, catalog, root);
  }

  ReportSummary writeAll() {
    new ReportsFirstQuarter(files).write();
    new ReportsSecondQuarter(files).write();
    new ReportsAfterReform(files).write();
    new ReportsInExcel(files).write();
    return files.summary();
  }
}
