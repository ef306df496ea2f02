package vn.thanhhoa.opendata.ingest;

/**
 * Tells whether a byte stream, fed in chunks, is well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), without decoding it: the streaming reader's first pass over
 * a large file. Where it says no, the file takes the exact, in-memory path that names the offset of
 * the first bad byte.
 */
final class Utf8Check {
  private int pending;
  private int low = 0x80;
  private int high = 0xBF;
  private boolean valid = true;

  boolean valid() {
    return valid && pending == 0;
  }

  void feed(byte[] bytes, int from, int to) {
    int i = from;
    while (valid && i < to) {
      if (pending == 0) {
        // ASCII runs are by far the most common: skip them eight bytes at a time where possible.
        while (i + 8 <= to && (readLong(bytes, i) & 0x8080808080808080L) == 0) {
          i += 8;
        }
        if (i >= to) {
          break;
        }
        lead(bytes[i++] & 0xFF);
      } else {
        int b = bytes[i++] & 0xFF;
        if (b < low || b > high) {
          valid = false;
        }
        low = 0x80;
        high = 0xBF;
        pending--;
      }
    }
  }

  private void lead(int b) {
    if (b < 0x80) {
      return;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
      low = b == 0xE0 ? 0xA0 : 0x80;
      high = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
      low = b == 0xF0 ? 0x90 : 0x80;
      high = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      valid = false;
    }
  }

  private static long readLong(byte[] b, int i) {
    return (b[i] & 0xFFL)
        | (b[i + 1] & 0xFFL) << 8
        | (b[i + 2] & 0xFFL) << 16
        | (b[i + 3] & 0xFFL) << 24
        | (b[i + 4] & 0xFFL) << 32
        | (b[i + 5] & 0xFFL) << 40
        | (b[i + 6] & 0xFFL) << 48
        | (b[i + 7] & 0xFFL) << 56;
  }
}
