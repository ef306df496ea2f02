package vn.thanhhoa.opendata.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tells whether a byte stream, fed in chunks, is well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), without decoding it: the streaming reader's first pass over
 * a large file. Where it says no, the file takes the exact, in-memory path that names the offset of
 * the first bad byte.
 */
final class Utf8Check {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Continuation bytes still expected of a sequence that a chunk's end cut. */
  private int pending;

  /** The range of the next continuation byte (narrower after some lead bytes). */
  private int low = 0x80;

  private int high = 0xBF;
  private boolean valid = true;

  boolean valid() {
    return valid && pending == 0;
  }

  void feed(byte[] bytes, int from, int to) {
    int i = from;
    while (valid && pending > 0 && i < to) {
      continuation(bytes[i++] & 0xFF);
    }
    while (valid && i < to) {
      // ASCII runs are by far the most common: skip them eight bytes at a time where possible.
      while (i + 8 <= to && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
        i += 8;
      }
      while (i < to && bytes[i] >= 0) {
        i++;
      }
      if (i < to) {
        i = sequence(bytes, i, to);
      }
    }
  }

  /** Checks the multi-byte sequence that starts at {@code i}; returns where the next one starts. */
  private int sequence(byte[] bytes, int i, int to) {
    lead(bytes[i] & 0xFF);
    int end = Math.min(to, i + 1 + pending);
    for (int at = i + 1; at < end && valid; at++) {
      continuation(bytes[at] & 0xFF);
    }
    return end;
  }

  private void continuation(int b) {
    if (b < low || b > high) {
      valid = false;
    }
    low = 0x80;
    high = 0xBF;
    pending--;
  }

  private void lead(int b) {
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
}
