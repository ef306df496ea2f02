package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String TEXT = "Kỳ báo cáo,Tên xã\n2025-03,Xã Trung Hạ\n";

  @Test
  void utf8WithAndWithoutBom() throws Exception {
    assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8)).text());
    byte[] bom =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            TEXT.getBytes(StandardCharsets.UTF_8));
    TextDecoder.Decoded decoded = TextDecoder.decode(bom);
    assertEquals(TEXT, decoded.text(), "the BOM is not part of the text");
    assertEquals("UTF-8 (BOM)", decoded.encoding());
  }

  @Test
  void utf16LittleEndianWithBom() throws Exception {
    byte[] bytes =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    assertEquals(TEXT, decoded.text());
    assertEquals("UTF-16LE", decoded.encoding());
  }

  @Test
  void invalidUtf8IsRejectedAtTheFirstBadByte() {
    byte[] bytes = concat("ab,c\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, 'x'});
    TextDecoder.InvalidEncoding e =
        assertThrows(TextDecoder.InvalidEncoding.class, () -> TextDecoder.decode(bytes));
    assertEquals(5, e.offset());
    assertTrue(e.lossyText().startsWith("ab,c\n"));
  }

  @Test
  void aLegacyVietnameseEncodingIsInvalidUtf8() {
    byte[] cp1258 = "Tên xã".getBytes(Charset.forName("windows-1258"));
    TextDecoder.InvalidEncoding e =
        assertThrows(TextDecoder.InvalidEncoding.class, () -> TextDecoder.decode(cp1258));
    assertEquals(1, e.offset(), "'ê' is one byte in windows-1258, invalid as UTF-8");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
