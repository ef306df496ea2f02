package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming read gives exactly what reading a whole file as trees gives. */
class StreamingReadTest {
  private static final String L = LandingFileReaderTest.LISTING;
  private static final JsonLinesRecords JSON =
      (JsonLinesRecords)
          new LandingFileReader(LandingFileReaderTest.OCOP, "file:/landing/ocop-listings").format();

  /**
   * Lines that the streaming parser must hand over to the tree reader, or read exactly as it would.
   */
  private static final List<String> TRICKY =
      List.of(
          L,
          L.replace("4.8", "4.80"),
          L.replace("4.8", "5.000"),
          L.replace("4.8", "1e0"),
          L.replace("4.8", "4.8E+0"),
          L.replace("4.8", "0.0"),
          L.replace("4.8", "-0.0"),
          L.replace("4.8", "5.5"),
          L.replace("4.8", "1e400"),
          L.replace("4.8", "-1e400"),
          L.replace("4.8", "1e-400"),
          L.replace("4.8", "123456789012345678901234567890.5"),
          L.replace("4.8", "4"),
          L.replace("4.8", "\"4.8\""),
          L.replace("85000", "85000.0"),
          L.replace("85000", "0.0"),
          L.replace("85000", "-0.00"),
          L.replace("85000", "1.50e3"),
          L.replace("85000", "99999999999999999999999"),
          L.replace("85000", "-1"),
          L.replace("85000", "2147483648"),
          L.replace("85000", "null"),
          L.replace("85000", "[85000]"),
          L.replace("85000", "{\"v\": 85000}"),
          L.replace("true, \"rating\"", "\"yes\", \"rating\""),
          L.replace("\"product\": {", "\"product\": \"x\", \"p2\": {"),
          L.replace("\"product\": {", "\"product\": [{")
              .replace("\"certified_on\": \"2023-06-15\"}", "\"certified_on\": \"2023-06-15\"}]"),
          L.replace("\"product\": {", "\"product\": null, \"p\": {"),
          L.replace(
              "\"platform\": \"shopee\", ", "\"platform\": \"shopee\", \"platform\": \"tiki\", "),
          L + " ",
          L + " x",
          L + "{}",
          "[1, 2]",
          "42",
          "\"text\"",
          "null",
          "{",
          "{}",
          "{\"listing_id\": }",
          L.replace("Nem chua", "  Ne\u0301m chua "),
          L.replace("\"shopee:2291837465\"", "\"lazada:1\""),
          L.replace("\"16042\"", "\"99999\""),
          L.replace("2025-11-20T22:05:00+07:00", "2025-11-20 22:05"),
          L.replace("\"unit\": \"hộp 500g\", ", ""),
          "\uFEFF" + L,
          "  " + L,
          "\t" + L,
          "\u00A0" + L,
          "{\u0000" + L.substring(1),
          "\u2003",
          "\u00A0",
          L.replace("\"extra\": {\"a\": 1}", "\"extra\": [1, {\"b\": [2]}]"));

  @Test
  void eachLineReadsAsTheTreeReaderReadsIt() {
    for (String line : TRICKY) {
      assertEquals(JSON.record("f", 1, line), JSON.streamed("f", 1, line), line);
    }
  }

  @Test
  void aStreamedFileEqualsTheFileReadWhole(@TempDir Path dir) throws IOException {
    String text = String.join("\n", TRICKY) + "\r\n\n  \n" + L + "\r\n" + L;
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      gz.write(plain);
    }
    byte[] bad = plain.clone();
    bad[bad.length / 2] = (byte) 0xC0;
    assertSameRead(dir, "2025-11-20.jsonl", plain);
    assertSameRead(dir, "2025-11-21.jsonl.gz", zipped.toByteArray());
    assertSameRead(dir, "2025-11-22.jsonl", bad);
    assertSameRead(dir, "2025-11-23.jsonl.gz", plain);
    assertSameRead(dir, "2025-11-24.jsonl", new byte[0]);
    String ends = L + "\r" + L + "\r\n\r" + L + "\n\r\r\n" + L + "\r";
    assertSameRead(dir, "2025-11-25.jsonl", ends.getBytes(StandardCharsets.UTF_8));
    assertSameRead(dir, "2025-11-26.jsonl", zipped.toByteArray());
    byte[] cut = Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2);
    assertSameRead(dir, "2025-11-27.jsonl.gz", cut);
  }

  private static void assertSameRead(Path dir, String name, byte[] bytes) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("ocop-listings"));
    Path file = Files.write(folder.resolve(name), bytes);
    LandingFileReader reader =
        new LandingFileReader(LandingFileReaderTest.OCOP, folder.toUri().toString());
    FileSystem fs = FileSystem.getLocal(new Configuration());
    long modified = Files.getLastModifiedTime(file).toMillis();
    List<Row> streamed = new ArrayList<>();
    Iterator<Row> rows =
        reader.records(
            new LandingFileReader.LandingFile(file.toUri().toString(), bytes.length, modified), fs);
    rows.forEachRemaining(streamed::add);
    assertEquals(reader.read("ocop-listings/" + name, bytes, modified), streamed, name);
  }

  @Test
  void theUtf8CheckAgreesWithTheJdkDecoder() {
    Random random = new Random(7);
    byte[] samples = "aé Thanh Hóa \u20AC \uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
    byte[] ascii = "{\"listing_id\":\"shopee:1\"}".getBytes(StandardCharsets.US_ASCII);
    for (int n = 0; n < 40_000; n++) {
      // short texts mostly bad, or long ones with ASCII runs (the fast path) and a rare bad byte
      boolean longText = n % 2 == 1;
      byte[] bytes = new byte[random.nextInt(longText ? 96 : 24)];
      for (int i = 0; i < bytes.length; i++) {
        int pick = random.nextInt(longText ? 40 : 3);
        bytes[i] =
            pick == 0
                ? (byte) random.nextInt(256)
                : pick < 20 ? ascii[i % ascii.length] : samples[random.nextInt(samples.length)];
      }
      Utf8Check check = new Utf8Check();
      int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int second = cut + random.nextInt(bytes.length - cut + 1);
      check.feed(bytes, 0, cut);
      check.feed(bytes, cut, second);
      check.feed(bytes, second, bytes.length);
      assertEquals(jdkAccepts(bytes), check.valid(), HexFormat.of().formatHex(bytes));
    }
  }

  /** The edges of well-formed UTF-8, each after an ASCII run and cut at every point. */
  @Test
  void theUtf8CheckAgreesWithTheJdkDecoderAtTheEdgesWhereverAChunkEnds() {
    String[] sequences = {
      "c280",
      "dfbf",
      "c080",
      "c1bf",
      "e0a080",
      "e08080",
      "ed9fbf",
      "eda080",
      "edbfbf",
      "efbfbf",
      "f0908080",
      "f0808080",
      "f48fbfbf",
      "f4908080",
      "f5808080",
      "ff",
      "80",
      "e0a0",
      "f09f98"
    };
    for (String hex : sequences) {
      byte[] bytes = HexFormat.of().parseHex("41424344454647484a" + hex + "4b");
      for (int cut = 0; cut <= bytes.length; cut++) {
        Utf8Check check = new Utf8Check();
        check.feed(bytes, 0, cut);
        check.feed(bytes, cut, bytes.length);
        assertEquals(jdkAccepts(bytes), check.valid(), hex + " cut at " + cut);
      }
    }
  }

  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
