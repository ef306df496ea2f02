package vn.thanhhoa.opendata.samples;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

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
    String nfc = nfc(text);
    for (int i = 0; i < nfc.length(); i++) {
      String ch = String.valueOf(nfc.charAt(i));
      String bytes = encoder.canEncode(ch) ? ch : decomposed(ch, encoder);
      out.writeBytes(bytes.getBytes(CHARSET));
    }
    byte[] result = out.toByteArray();
    if (!nfc(new String(result, CHARSET)).equals(nfc) || isUtf8(result)) {
      throw new IllegalStateException("windows-1258 round trip failed");
    }
    return result;
  }

  private static String decomposed(String ch, CharsetEncoder encoder) {
    StringBuilder base = new StringBuilder();
    StringBuilder tones = new StringBuilder();
    for (char c : Normalizer.normalize(ch, Normalizer.Form.NFD).toCharArray()) {
      (TONES.indexOf(c) >= 0 ? tones : base).append(c);
    }
    String result = nfc(base.toString()) + tones;
    if (!encoder.canEncode(result)) {
      throw new IllegalStateException("Not encodable in windows-1258: " + ch);
    }
    return result;
  }

  private static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
