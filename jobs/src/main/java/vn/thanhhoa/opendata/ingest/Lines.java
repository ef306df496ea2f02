package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a UTF-8 stream into lines at '\n' without holding more than one line, numbering them
 * from 1 as {@code text.split("\n", -1)} would: the text after the last '\n' is one more line.
 */
final class Lines {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int end;
  private byte[] line = new byte[1 << 12];
  private boolean done;
  private long number;

  Lines(InputStream in) {
    this.in = in;
  }

  /** The number of the line {@link #next} returned last. */
  long number() {
    return number;
  }

  /** The next line without its '\n', or null after the last one. */
  String next() {
    if (done) {
      return null;
    }
    int length = 0;
    while (true) {
      if (pos == end && !fill()) {
        done = true;
        number++;
        return new String(line, 0, length, StandardCharsets.UTF_8);
      }
      int newline = indexOf(buffer, pos, end);
      int stop = newline < 0 ? end : newline;
      int n = stop - pos;
      if (length == 0 && newline >= 0) {
        String text = new String(buffer, pos, n, StandardCharsets.UTF_8);
        pos = newline + 1;
        number++;
        return text;
      }
      if (length + n > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
      }
      System.arraycopy(buffer, pos, line, length, n);
      length += n;
      pos = stop;
      if (newline >= 0) {
        pos = newline + 1;
        number++;
        return new String(line, 0, length, StandardCharsets.UTF_8);
      }
    }
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
