package vn.thanhhoa.opendata.samples;

import java.nio.charset.StandardCharsets;

/** The byte encodings a landing file may come in (the last one is deliberately invalid). */
public enum Encoding {
  UTF8("UTF-8"),
  UTF8_BOM("UTF-8 with BOM"),
  UTF16LE_BOM("UTF-16LE with BOM"),
  CP1258("windows-1258 (not UTF-8)");

  private static final byte[] UTF8_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] UTF16LE_MARK = {(byte) 0xFF, (byte) 0xFE};

  private final String label;

  Encoding(String label) {
    this.label = label;
  }

  /** How a file's description names it. */
  public String label() {
    return label;
  }

  public byte[] encode(String text) {
    return switch (this) {
      case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
      case UTF8_BOM -> concat(UTF8_MARK, text.getBytes(StandardCharsets.UTF_8));
      case UTF16LE_BOM -> concat(UTF16LE_MARK, text.getBytes(StandardCharsets.UTF_16LE));
      case CP1258 -> Windows1258.encode(text);
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
