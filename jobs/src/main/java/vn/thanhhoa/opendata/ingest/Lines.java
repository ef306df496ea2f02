package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a UTF-8 stream into lines at '\n' without holding more than one line, numbering them
 * from 1 as {@code text.split("\n", -1)} would: the text after the last '\n' is one more line.
 * A line is handed out as bytes (valid until the next call); text only on request.
 */
final class Lines {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int end;
  private byte[] carried = new byte[1 << 12];
  private boolean done;
  private long number;
  private byte[] array;
  private int offset;
  private int length;

  Lines(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false after the last one. */
  boolean next() {
    if (done) {
      return false;
    }
    int carriedLength = 0;
    while (true) {
      if (pos == end && !fill()) {
        done = true;
        return found(carried, 0, carriedLength);
      }
      int newline = indexOf(buffer, pos, end);
      int stop = newline < 0 ? end : newline;
      int n = stop - pos;
      if (carriedLength == 0 && newline >= 0) {
        found(buffer, pos, n);
        pos = newline + 1;
        return true;
      }
      if (carriedLength + n > carried.length) {
        carried = Arrays.copyOf(carried, Math.max(carried.length * 2, carriedLength + n));
      }
      System.arraycopy(buffer, pos, carried, carriedLength, n);
      carriedLength += n;
      pos = stop;
      if (newline >= 0) {
        pos = newline + 1;
        return found(carried, 0, carriedLength);
      }
    }
  }

  private boolean found(byte[] bytes, int from, int n) {
    array = bytes;
    offset = from;
    length = n;
    number++;
    return true;
  }

  /** The number of the current line. */
  long number() {
    return number;
  }

  byte[] array() {
    return array;
  }

  int offset() {
    return offset;
  }

  int length() {
    return length;
  }

  /** The current line as text. */
  String text() {
    return new String(array, offset, length, StandardCharsets.UTF_8);
  }

  private boolean fill() {
    try {
      int n = in.read(buffer);
      if (n <= 0) {
        return false;
      }
      pos = 0;
      end = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
