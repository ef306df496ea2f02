package vn.thanhhoa.opendata.samples.landing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for building JSON lines without String churn. */
final class Bytes {
  byte[] buf;
  int len;

  Bytes(int capacity) {
    buf = new byte[capacity];
  }

  private void room(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  Bytes put(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  Bytes put(Bytes b) {
    room(b.len);
    System.arraycopy(b.buf, 0, buf, len, b.len);
    len += b.len;
    return this;
  }

  Bytes ascii(String s) {
    room(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  Bytes number(long v) {
    if (v < 0) {
      room(1);
      buf[len++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    room(digits);
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len += digits;
    return this;
  }

  Bytes twoDigits(int v) {
    room(2);
    buf[len++] = (byte) ('0' + v / 10);
    buf[len++] = (byte) ('0' + v % 10);
    return this;
  }

  Bytes bool(boolean b) {
    return ascii(b ? "true" : "false");
  }

  String text() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }
}
