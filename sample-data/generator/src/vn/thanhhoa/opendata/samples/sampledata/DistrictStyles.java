package vn.thanhhoa.opendata.samples.sampledata;

import java.util.Random;
import vn.thanhhoa.opendata.samples.Encoding;

/**
 * The layouts of the district files of March and June: a few deliberate oddities, else a rotation.
 */
final class DistrictStyles {
  private DistrictStyles() {}

  /** March: one district per oddity (delimiter, encoding, line ends, an extra column…). */
  static ReportStyle march(String district, int index, Random rnd) {
    return switch (district) {
      case "380" ->
          ReportStyle.english()
              .shuffle(rnd)
              .ts(TsFmt.ISO_LOCAL)
              .ints(IntFmt.DOT)
              .bools(BoolFmt.ONE_ZERO);
      case "381" ->
          ReportStyle.vietnamese()
              .delimiter(';')
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma();
      case "382" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .delimiter('\t')
              .enc(Encoding.UTF16LE_BOM)
              .crlf()
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .decimalComma();
      case "384" -> ReportStyle.vietnamese().enc(Encoding.CP1258).ts(TsFmt.DMY_HM).decimalComma();
      case "385" -> ReportStyle.english().crlf();
      case "386" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma()
              .bools(BoolFmt.X_BLANK);
      case "387" -> ReportStyle.english().shuffle(rnd).bools(BoolFmt.YES_NO);
      case "388" ->
          ReportStyle.vietnamese().ints(IntFmt.SPACE).ts(TsFmt.DMY_HM).bools(BoolFmt.ONE_ZERO);
      case "389" ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .ts(TsFmt.DMY_HM)
              .decimalComma()
              .extraColumn("Người lập biểu");
      default -> rotating(index, rnd);
    };
  }

  /** Ordinary district files cycle through four everyday layouts. */
  static ReportStyle rotating(int index, Random rnd) {
    return switch (index % 4) {
      case 0 -> ReportStyle.english();
      case 1 ->
          ReportStyle.vietnamese()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.DOT)
              .decimalComma();
      case 2 ->
          ReportStyle.vietnamese()
              .enc(Encoding.UTF8_BOM)
              .ts(TsFmt.DMY_HM)
              .ints(IntFmt.SPACE)
              .decimalComma()
              .bools(BoolFmt.ONE_ZERO);
      default ->
          ReportStyle.english()
              .shuffle(rnd)
              .period(PeriodFmt.MY)
              .ts(TsFmt.ISO_LOCAL)
              .ints(IntFmt.DOT)
              .bools(BoolFmt.YES_NO);
    };
  }
}
