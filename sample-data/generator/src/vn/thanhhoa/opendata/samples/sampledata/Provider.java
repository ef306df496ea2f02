package vn.thanhhoa.opendata.samples.sampledata;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** A payment provider and when its system sends the monthly file. */
record Provider(
    String name,
    String type,
    int day,
    int hour,
    int minute,
    double weight,
    double growth,
    double activeShare) {
  static final List<Provider> ALL =
      List.of(
          new Provider("Agribank", "bank", 3, 9, 15, 0.34, 0.007, 0.62),
          new Provider("BIDV", "bank", 4, 10, 0, 0.08, 0.008, 0.6),
          new Provider("VietinBank", "bank", 4, 14, 30, 0.08, 0.008, 0.6),
          new Provider("Vietcombank", "bank", 5, 8, 45, 0.06, 0.009, 0.65),
          new Provider("MoMo", "e_wallet", 2, 7, 0, 0.16, 0.018, 0.7),
          new Provider("ZaloPay", "e_wallet", 2, 18, 20, 0.06, 0.018, 0.66),
          new Provider("Viettel Money", "mobile_money", 3, 16, 20, 0.17, 0.013, 0.55),
          new Provider("VNPT Money", "mobile_money", 6, 11, 10, 0.05, 0.012, 0.5));

  static Provider named(String name) {
    return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow();
  }

  OffsetDateTime reportedAt(YearMonth period) {
    return period.plusMonths(1).atDay(day).atTime(hour, minute).atOffset(Dates.PLUS7);
  }
}
