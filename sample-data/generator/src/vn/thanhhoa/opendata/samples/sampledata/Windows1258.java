package vn.thanhhoa.opendata.samples.sampledata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Vietnamese Windows ANSI (code page 1258), as a district's old Excel export would write it: base
 * letters with circumflex/breve/horn are precomposed, tone marks are combining bytes.
 */
final class Windows1258 {
  private static final Charset CHARSET = Charset.forName("windows-1258");
  private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

  private Windows1258() {}

  static byte[] encode(String text) {
    CharsetEncoder encoder = CHARSET.newEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String nfc = Text.nfc(text);
    for (int i = 0; i < nfc.length(); i++) {
      String ch = String.valueOf(nfc.charAt(i));
      String bytes = encoder.canEncode(ch) ? ch : decomposed(ch, encoder);
      out.writeBytes(bytes.getBytes(CHARSET));
    }
    byte[] result = out.toByteArray();
    if (!Text.nfc(new String(result, CHARSET)).equals(nfc) || Output.isUtf8(result)) {
      throw new IllegalStateException("windows-1258 round trip failed");
    }
    return result;
  }

  private static String decomposed(String ch, CharsetEncoder encoder) {
    StringBuilder base = new StringBuilder();
    StringBuilder tones = new StringBuilder();
    for (char c : Text.nfd(ch).toCharArray()) {
      (TONES.indexOf(c) >= 0 ? tones : base).append(c);
    }
    String result = Text.nfc(base.toString()) + tones;
    if (!encoder.canEncode(result)) {
      throw new IllegalStateException("Not encodable in windows-1258: " + ch);
    }
    return result;
  }
}
