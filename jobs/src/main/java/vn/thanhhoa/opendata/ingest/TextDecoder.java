package vn.thanhhoa.opendata.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a landing file's bytes into text: UTF-8 with or without a byte-order mark, or UTF-16LE with
 * a BOM (Excel's "Unicode text"). Anything else fails as invalid UTF-8 at the first bad byte;
 * nothing is silently mangled.
 */
final class TextDecoder {
  static final String UTF_8 = "UTF-8";
  static final String UTF_8_BOM = "UTF-8 (BOM)";
  static final String UTF_16LE = "UTF-16LE";

  /** The length of UTF-8's byte-order mark. */
  static final int UTF_8_BOM_LENGTH = 3;

  private TextDecoder() {}

  /** The decoded text and the encoding it was read in. */
  record Decoded(String text, String encoding) {}

  /** The file is not valid in any accepted encoding. */
  static final class InvalidEncoding extends Exception {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final transient String lossyText;

    InvalidEncoding(long offset, String lossyText) {
      super("invalid UTF-8 at byte offset " + offset, null, false, false);
      this.offset = offset;
      this.lossyText = lossyText;
    }

    long offset() {
      return offset;
    }

    /** The text with bad bytes replaced, only to count and show the rejected records. */
    String lossyText() {
      return lossyText;
    }
  }

  static Decoded decode(byte[] bytes) throws InvalidEncoding {
    if (hasUtf8Bom(bytes, bytes.length)) {
      return new Decoded(strictUtf8(bytes, UTF_8_BOM_LENGTH), UTF_8_BOM);
    }
    if (isUtf16Le(bytes, bytes.length)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), UTF_16LE);
    }
    return new Decoded(strictUtf8(bytes, 0), UTF_8);
  }

  /** Whether the first {@code length} bytes open with UTF-8's byte-order mark. */
  static boolean hasUtf8Bom(byte[] bytes, int length) {
    return startsWith(bytes, length, 0xEF, 0xBB, 0xBF);
  }

  /** Whether the first {@code length} bytes open with UTF-16LE's byte-order mark. */
  static boolean isUtf16Le(byte[] bytes, int length) {
    return startsWith(bytes, length, 0xFF, 0xFE);
  }

  private static String strictUtf8(byte[] bytes, int start) throws InvalidEncoding {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      String lossy = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
      throw new InvalidEncoding(in.position(), lossy);
    }
    return out.flip().toString();
  }

  private static boolean startsWith(byte[] bytes, int length, int... prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
