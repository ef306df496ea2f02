package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.AdminUnits;
import vn.thanhhoa.opendata.core.PipelineConfig;

/** Codes and names are looked up on the unit list valid at the row's period, across the reform. */
class UnitPlacementTest {
  static final AdminUnits UNITS =
      AdminUnits.load(PipelineConfig.load(Paths.get(PipelineConfig.DEFAULT_FILE)).adminUnits());
  private static final int CODE =
      LandingFileReaderTest.REPORTS.stagingNames().indexOf("commune_code");
  private static final int LINE = LandingFileReaderTest.REPORTS.stagingNames().size() + 1;

  private static String row(String period, String code, String name, String district) {
    return period
        + ","
        + code
        + ","
        + name
        + ","
        + district
        + ",05/08/2025 10:00,1000,300,3,9,10,10,80,100,Có,";
  }

  /**
   * (line, code, rule) per record: the resolved code of an accepted one, the rule of a quarantined
   * one.
   */
  static List<List<Object>> resolve(String... rows) {
    return classify(rows).result;
  }

  private record Classified(List<List<Object>> result, List<FileOutcome.Quarantined> quarantined) {}

  private static Classified classify(String... rows) {
    String text = LandingFileReaderTest.EN_HEADER + "\n" + String.join("\n", rows) + "\n";
    LandingFileReader reader =
        new LandingFileReader(
            LandingFileReaderTest.REPORTS,
            "file:/landing/commune-reports",
            new UnitPlacement(UNITS, LandingFileReaderTest.REPORTS));
    FileOutcomes outcomes = new FileOutcomes();
    LandingRead read =
        new LandingRead(
            LandingFileReaderTest.REPORTS, reader, new Configuration(false), outcomes, true);
    List<List<Object>> result = new ArrayList<>();
    read.classified(
            reader.read("commune-reports/t.csv", text.getBytes(StandardCharsets.UTF_8)).iterator())
        .forEachRemaining(r -> result.add(Arrays.asList(r.get(LINE), r.get(CODE), null)));
    List<FileOutcome.Quarantined> quarantined =
        outcomes.value().get("commune-reports/t.csv").quarantined();
    quarantined.forEach(q -> result.add(Arrays.asList(q.line(), null, q.rule())));
    result.sort(Comparator.comparing(r -> (Long) r.get(0)));
    return new Classified(result, quarantined);
  }

  @Test
  void aCodeIsValidOnlyWithTheListOfItsPeriod() {
    assertEquals(
        List.of(
            Arrays.asList(2L, "14758", null),
            Arrays.asList(3L, "14758", null),
            Arrays.asList(4L, null, "unknown-commune-code"),
            Arrays.asList(5L, null, "unknown-commune-code"),
            Arrays.asList(6L, null, "unit-list-unavailable"),
            Arrays.asList(7L, null, "unit-list-unavailable")),
        resolve(
            row("2025-06", "14758", "Phường Đông Thọ", "Thành phố Thanh Hóa"),
            row("2025-07", "14758", "Phường Hàm Rồng", ""),
            row("2025-07", "14755", "Phường Hàm Rồng", ""),
            row("2025-02", "16387", "Xã Đông Khê", "Thành phố Thanh Hóa"),
            row("2024-12", "14755", "Phường Hàm Rồng", "Thành phố Thanh Hóa"),
            row("2024-12", "", "Phường Hàm Rồng", "Thành phố Thanh Hóa")));
  }

  @Test
  void aBlankCodeIsResolvedByNameAndDistrictOnTheRightList() {
    assertEquals(
        List.of(
            Arrays.asList(2L, "14758", null),
            Arrays.asList(3L, "14755", null),
            Arrays.asList(4L, "15736", null),
            Arrays.asList(5L, "15736", null),
            Arrays.asList(6L, null, "ambiguous-commune-name"),
            Arrays.asList(7L, null, "unresolved-commune-name"),
            Arrays.asList(8L, "15772", null),
            Arrays.asList(9L, null, "unresolved-commune-name"),
            Arrays.asList(10L, null, "unresolved-commune-name")),
        resolve(
            row("2025-07", "", "Phường Hàm Rồng", ""),
            row("2025-06", "", "Phường Hàm Rồng", "Thành phố Thanh Hóa"),
            row("2025-03", "", "Xã Xuân Lộc", "Huyện Triệu Sơn"),
            row("2025-03", "", "Xuân Lộc", "Triệu Sơn"),
            row("2025-03", "", "Xã Xuân Lộc", ""),
            row("2025-03", "", "Xã Xuân Lộc", "Huyện Thọ Xuân"),
            row("2025-09", "", "Xã Thiệu Hoá", ""),
            row("2025-09", "", "Xã Không Có", ""),
            row("2025-09", "", "", "")));
  }

  @Test
  void eachUnitRuleSaysWhatWasLookedUpAndOnWhichDay() {
    List<String> messages =
        classify(
                row("2025-07", "14755", "Phường Hàm Rồng", ""),
                row("2024-12", "14755", "Phường Hàm Rồng", "Thành phố Thanh Hóa"),
                row("2025-03", "", "Xã Xuân Lộc", ""),
                row("2025-09", "", "Xã Không Có", ""))
            .quarantined()
            .stream()
            .map(q -> q.column() + " | " + q.message())
            .toList();
    assertEquals(
        List.of(
            "commune_code | commune_code 14755 is not in the unit list valid on 2025-07-01",
            "commune_code | no unit list covers 2024-12-01; the earliest list starts on 2025-01-01",
            "commune_code | commune_code is blank and resolving 'Xã Xuân Lộc' on 2025-03-01: 3 units match (district '')",
            "commune_code | commune_code is blank and resolving 'Xã Không Có' on 2025-09-01: 0 units match (district '')"),
        messages);
  }

  @Test
  void rowsThatAlreadyBrokeARuleKeepIt() {
    assertEquals(
        List.of(Arrays.asList(2L, null, "out-of-range")),
        resolve(row("2025-07", "14755", "Phường Hàm Rồng", "").replace(",1000,", ",-1,")));
  }

  @Test
  void aChangedUnitListMeansEveryFileIsReadAgain() {
    List<AdminUnits.Unit> renamed = new ArrayList<>(UNITS.units());
    AdminUnits.Unit first = renamed.get(0);
    renamed.set(
        0,
        new AdminUnits.Unit(
            first.code(),
            first.name() + " (sửa)",
            first.type(),
            first.districtCode(),
            first.districtName(),
            first.validFrom(),
            first.validTo()));
    SourceIngest before = new SourceIngest(null, LandingFileReaderTest.REPORTS, UNITS);
    SourceIngest same =
        new SourceIngest(
            null, LandingFileReaderTest.REPORTS, new AdminUnits(UNITS.units(), UNITS.crosswalk()));
    SourceIngest after =
        new SourceIngest(
            null, LandingFileReaderTest.REPORTS, new AdminUnits(renamed, UNITS.crosswalk()));
    assertEquals(before.schemaSha256(), same.schemaSha256());
    assertNotEquals(before.schemaSha256(), after.schemaSha256());
  }
}
