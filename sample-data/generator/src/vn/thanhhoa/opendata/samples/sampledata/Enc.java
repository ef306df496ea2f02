package vn.thanhhoa.opendata.samples.sampledata;

import java.nio.charset.StandardCharsets;

/** The byte encodings a landing file may come in (the last one is deliberately invalid). */
enum Enc {
  UTF8("UTF-8"),
  UTF8_BOM("UTF-8 with BOM"),
  UTF16LE_BOM("UTF-16LE with BOM"),
  CP1258("windows-1258 (not UTF-8)");

  final String label;

  Enc(String label) {
    this.label = label;
  }

  byte[] encode(String text) {
    return switch (this) {
      case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
      case UTF8_BOM ->
          Output.concat(
              new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
              text.getBytes(StandardCharsets.UTF_8));
      case UTF16LE_BOM ->
          Output.concat(
              new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
      case CP1258 -> Windows1258.encode(text);
    };
  }
}
