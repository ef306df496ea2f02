package vn.thanhhoa.opendata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class NameKeyTest {
  @Test
  void tonePlacementCaseSpacesAndNormalFormDoNotMatter() {
    String key = NameKey.base("Xã Thiệu Hóa");
    assertEquals(key, NameKey.base("xã  thiệu hoá"));
    assertEquals(key, NameKey.base(Normalizer.normalize("Xã Thiệu Hóa", Normalizer.Form.NFD)));
    assertEquals(NameKey.base("Xã Sơn Thủy"), NameKey.base("Xã Sơn Thuỷ"));
  }

  @Test
  void differentTonesOrLettersStayDifferent() {
    assertNotEquals(NameKey.base("Xã Hoằng Đạo"), NameKey.base("Xã Hoàng Đạo"));
    assertNotEquals(NameKey.base("Xã Xuân Lộc"), NameKey.base("Xã Xuân Lốc"));
  }

  @Test
  void theTypePrefixIsSplitOff() {
    assertEquals("thị trấn", NameKey.type("Thị trấn Quan Sơn"));
    assertEquals("phường", NameKey.type("PHƯỜNG Hạc Thành"));
    assertNull(NameKey.type("Trung Hạ"));
    assertEquals(NameKey.base("Trung Hạ"), NameKey.base("Xã Trung Hạ"));
    assertEquals(NameKey.base("Quan Sơn"), NameKey.base("Huyện Quan Sơn"));
    assertNull(NameKey.base("  "));
  }
}
