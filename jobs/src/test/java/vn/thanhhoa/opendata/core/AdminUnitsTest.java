package vn.thanhhoa.opendata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminUnitsTest {
  private static final AdminUnits UNITS =
      AdminUnits.load(PipelineConfig.load(Paths.get("conf/pipeline.yaml")).adminUnits());

  @Test
  void bothListsAndTheCrosswalkAreComplete() {
    assertEquals(547, UNITS.units().stream().filter(u -> u.validTo() != null).count());
    assertEquals(166, UNITS.units().stream().filter(u -> u.validTo() == null).count());
    assertEquals(558, UNITS.crosswalk().size());
    assertEquals(
        21, UNITS.crosswalk().stream().filter(AdminUnits.CrosswalkEdge::oldUnitSplit).count());
    assertEquals(LocalDate.of(2025, 1, 1), UNITS.earliest());
  }

  @Test
  void aReusedCodeNamesDifferentCommunesBeforeAndAfterTheReform() {
    assertEquals(List.of("Phường Đông Thọ"), namesOn("14758", LocalDate.of(2025, 6, 30)));
    assertEquals(List.of("Phường Hàm Rồng"), namesOn("14758", LocalDate.of(2025, 7, 1)));
    assertEquals(List.of(), namesOn("14755", LocalDate.of(2025, 7, 1)));
    assertEquals(List.of(), namesOn("14758", LocalDate.of(2024, 12, 31)));
  }

  private static List<String> namesOn(String code, LocalDate date) {
    return UNITS.units().stream()
        .filter(u -> u.code().equals(code) && u.validOn(date))
        .map(AdminUnits.Unit::name)
        .toList();
  }
}
