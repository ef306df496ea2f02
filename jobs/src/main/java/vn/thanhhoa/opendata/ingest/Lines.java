package vn.thanhhoa.opendata.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Splits a UTF-8 stream into lines without holding more than one line. A line ends at LF, CRLF or a
 * lone CR (old Mac exports), so lines are numbered from 1 as a text editor shows them, and as
 * {@link #split} numbers a decoded text: the text after the last line end is one more line. A line
 * is handed out as bytes (valid until the next call), without its line end; text only on request.
 */
final class Lines {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int end;
  private byte[] carried = new byte[1 << 12];
  private boolean done;

  /** The last line ended in CR: an LF right after it belongs to that line end. */
  private boolean afterCr;

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
      if (afterCr && skippedLfAfterCr()) {
        continue;
      }
      int newline = indexOf(buffer, pos, end);
      if (newline >= 0 && buffer[newline] == '\r') {
        afterCr = true;
      }
      if (carriedLength == 0 && newline >= 0) {
        found(buffer, pos, newline - pos);
        pos = newline + 1;
        return true;
      }
      carriedLength = carry(carriedLength, newline < 0 ? end : newline);
      if (newline >= 0) {
        pos = newline + 1;
        return found(carried, 0, carriedLength);
      }
    }
  }

  /** Right after a CR: skips the LF that completes a CRLF; true where there was one. */
  private boolean skippedLfAfterCr() {
    afterCr = false;
    if (buffer[pos] == '\n') {
      pos++;
      return true;
    }
    return false;
  }

  /**
   * Adds the buffer up to {@code stop} to the part of a line carried over from earlier buffers;
   * returns the carried length.
   */
  private int carry(int carriedLength, int stop) {
    int n = stop - pos;
    if (carriedLength + n > carried.length) {
      carried = Arrays.copyOf(carried, Math.max(carried.length * 2, carriedLength + n));
    }
    System.arraycopy(buffer, pos, carried, carriedLength, n);
    pos = stop;
    return carriedLength + n;
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

  /** The first line end (LF or CR) in the range, or -1. */
  private static int indexOf(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return i;
      }
    }
    return -1;
  }

  /** A decoded text's lines, split and numbered as the stream is (index + 1 = line number). */
  static String[] split(String text) {
    return LINE_END.split(text, -1);
  }

  private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");
}
