package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import vn.thanhhoa.opendata.core.SourceSchema;

/** Reading whole files: headers, encodings, delimiters, file-level rules, JSON Lines. */
class LandingFileReaderTest {
  static final SourceSchema REPORTS = SourceSchema.load(Paths.get("schemas"), "commune-reports");
  static final SourceSchema OCOP = SourceSchema.load(Paths.get("schemas"), "ocop-listings");

  static final String VI_HEADER =
      "Kỳ báo cáo,Mã xã,Tên xã,Huyện,Thời điểm gửi,Dân số,Số hộ,"
          + "Số tổ công nghệ số cộng đồng,Số thành viên tổ công nghệ số,Hồ sơ trực tuyến tiếp nhận,"
          + "Hồ sơ trực tuyến giải quyết đúng hạn,Tỷ lệ người dùng điện thoại thông minh (%),"
          + "Số hộ có cáp quang,Hoàn thành chuyển đổi số cấp xã,Ghi chú";
  static final String EN_HEADER =
      "report_period,commune_code,commune_name,district_name,submitted_at,"
          + "population,households,digital_teams,digital_team_members,online_dossiers_received,"
          + "online_dossiers_on_time,smartphone_users_pct,fiber_households,dt_completed,notes";
  static final String ROW =
      "2025-03,14755,Phường Hàm Rồng,Thành phố Thanh Hóa,05/04/2025 10:00,"
          + "12.345,3 000,10,30,100,98,\"78,5\",2000,Có,";
  static final String LISTING =
      "{\"listing_id\": \"shopee:2291837465\", \"platform\": \"shopee\", "
          + "\"url\": \"https://shopee.vn/product/2291837465\", \"product\": {\"name\": \"Nem chua Thanh Hóa\", "
          + "\"ocop_code\": \"OCOP-38-2023-0123\", \"ocop_stars\": 4, \"category\": \"thuc_pham\", "
          + "\"certified_on\": \"2023-06-15\"}, \"seller\": {\"name\": \"HTX Nông nghiệp Hoằng Đạo\", "
          + "\"type\": \"htx\", \"commune_code\": \"16042\"}, \"price_vnd\": 85000, \"unit\": \"hộp 500g\", "
          + "\"in_stock\": true, \"rating\": 4.8, \"review_count\": 312, \"sold_count\": 1540, "
          + "\"traceability_stamp\": true, \"crawled_at\": \"2025-11-20T22:05:00+07:00\", \"extra\": {\"a\": 1}}";

  private static Parsed csv(String text) {
    return Parsed.read(REPORTS, "commune-reports/f.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void vietnameseHeadersInAnyOrder() {
    List<String> header = List.of(VI_HEADER.split(","));
    List<String> row = List.of(ROW.replace("\"78,5\"", "78.5").split(",", -1));
    List<Integer> order =
        new ArrayList<>(List.of(14, 3, 0, 7, 1, 12, 2, 9, 4, 13, 5, 11, 6, 10, 8));
    String text =
        order.stream().map(header::get).collect(Collectors.joining(","))
            + "\n"
            + order.stream().map(row::get).collect(Collectors.joining(","))
            + "\n";
    Parsed parsed = csv(text);
    assertNull(parsed.rule(0));
    assertEquals(12345L, parsed.value(0, "population"));
    assertEquals("2025-03", parsed.value(0, "period"));
    assertEquals(Boolean.TRUE, parsed.value(0, "dt_completed"));
  }

  @Test
  void englishHeadersMatchWhateverTheirCaseOrNormalForm() {
    String header = Normalizer.normalize(EN_HEADER.toUpperCase(Locale.ROOT), Normalizer.Form.NFD);
    Parsed parsed = csv(" " + header.replace(",", " , ") + "\n" + ROW + "\n");
    assertNull(parsed.rule(0));
    assertEquals(3000L, parsed.value(0, "households"));
  }

  @Test
  void anUnknownColumnIsIgnoredWithOneWarning() {
    Parsed parsed = csv(EN_HEADER + ",remarks2\n" + ROW + ",x\n" + ROW + ",y\n");
    assertEquals(Arrays.asList(null, null), parsed.rules());
    assertEquals(
        "commune-reports/f.csv: unknown column 'remarks2' ignored",
        parsed.get(parsed.file(), ParsedRecords.WARNINGS));
  }

  @Test
  void aMissingRequiredColumnRejectsEveryRecordOfTheFile() {
    Parsed parsed =
        csv(
            EN_HEADER.replace(",population", "")
                + "\n"
                + ROW.replace(",12.345", "")
                + "\n"
                + ROW.replace(",12.345", "")
                + "\n");
    assertEquals(List.of("missing-column", "missing-column"), parsed.rules());
    assertEquals("missing-column", parsed.get(parsed.file(), ParsedRecords.RULE));
    assertTrue(
        ((String) parsed.get(parsed.file(), ParsedRecords.MESSAGE))
            .contains("'population' ('Dân số')"));
  }

  @Test
  void optionalColumnsMayBeAbsent() {
    Parsed parsed =
        csv(
            EN_HEADER.replace(",notes", "").replace(",district_name", "")
                + "\n"
                + ROW.replace(",Thành phố Thanh Hóa", "").replaceAll(",$", "")
                + "\n");
    assertNull(parsed.rule(0));
  }

  @Test
  void twoHeadersForOneColumnRejectTheFile() {
    Parsed parsed = csv(EN_HEADER + ",Dân số\n" + ROW + ",1\n");
    assertEquals(List.of("duplicate-column"), parsed.rules());
  }

  @Test
  void aRecordWithTheWrongNumberOfFieldsIsQuarantined() {
    Parsed parsed = csv(EN_HEADER + "\n" + ROW + ",extra\n" + ROW + "\n2025-03,14755\n");
    assertEquals(Arrays.asList("field-count", null, "field-count"), parsed.rules());
    assertEquals(List.of(2L, 3L, 4L), parsed.lines());
    assertEquals("2025-03,14755", parsed.value(2, ParsedRecords.RAW));
  }

  @Test
  void anUnclosedQuoteIsQuarantined() {
    Parsed parsed = csv(EN_HEADER + "\n" + ROW + "\n" + ROW.replace(",Có,", ",Có,\"open") + "\n");
    assertEquals(Arrays.asList(null, "unclosed-quote"), parsed.rules());
  }

  @Test
  void blankMeansFalseOnlyInAFileThatUsesTheXConvention() {
    String withX =
        EN_HEADER + "\n" + ROW.replace(",Có,", ",x,") + "\n" + ROW.replace(",Có,", ",,") + "\n";
    Parsed x = csv(withX);
    assertEquals(Arrays.asList(null, null), x.rules());
    assertEquals(Boolean.FALSE, x.value(1, "dt_completed"));
    Parsed words = csv(EN_HEADER + "\n" + ROW + "\n" + ROW.replace(",Có,", ",,") + "\n");
    assertEquals(Arrays.asList(null, "missing-value"), words.rules());
  }

  @Test
  void semicolonAndTabDelimitedExportsAreRead() {
    String semi =
        EN_HEADER.replace(',', ';')
            + "\n"
            + ROW.replace("\"78,5\"", "78,5").replace(',', ';').replace("78;5", "78,5")
            + "\n";
    Parsed parsed = csv(semi);
    assertNull(parsed.rule(0), String.valueOf(parsed.value(0, ParsedRecords.MESSAGE)));
    String tab =
        EN_HEADER.replace(',', '\t')
            + "\n"
            + ROW.replace("\"78,5\"", "78,5").replace(',', '\t').replace("78\t5", "78,5")
            + "\n";
    assertNull(csv(tab).rule(0));
  }

  @Test
  void utf16LittleEndianExcelExportsAreRead() {
    byte[] text = (VI_HEADER + "\r\n" + ROW + "\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = TextDecoderTest.concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text);
    Parsed parsed = Parsed.read(REPORTS, "commune-reports/u16.csv", bytes);
    assertNull(parsed.rule(0));
    assertEquals("Phường Hàm Rồng", parsed.value(0, "commune_name"));
    assertEquals("UTF-16LE", parsed.get(parsed.file(), ParsedRecords.ENCODING));
  }

  @Test
  void anInvalidUtf8FileIsRejectedWholeNamingTheByteOffset() {
    byte[] bytes =
        (VI_HEADER + "\n" + ROW + "\n" + ROW + "\n").getBytes(Charset.forName("windows-1258"));
    Parsed parsed = Parsed.read(REPORTS, "commune-reports/legacy.csv", bytes);
    assertEquals(List.of("invalid-encoding", "invalid-encoding"), parsed.rules());
    assertEquals(List.of(2L, 3L), parsed.lines());
    String message = (String) parsed.get(parsed.file(), ParsedRecords.MESSAGE);
    assertTrue(
        message.startsWith(
            "commune-reports/legacy.csv: not UTF-8 or UTF-16LE with BOM: invalid byte at offset 4;"),
        message);
  }

  @Test
  void anEmptyFileHasNoRecordsAndAWarning() {
    Parsed parsed = csv("");
    assertEquals(List.of(), parsed.records());
    assertTrue(((String) parsed.get(parsed.file(), ParsedRecords.WARNINGS)).contains("empty file"));
  }

  @Test
  void jsonLinesKeepsReadingAfterAMalformedLine() {
    String text =
        LISTING
            + "\n\n{broken\n  \n[1, 2]\n"
            + LISTING.replace("85000", "\"85000\"")
            + "\n"
            + LISTING;
    Parsed parsed =
        Parsed.read(OCOP, "ocop-listings/2025-11-20.jsonl", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        Arrays.asList(null, "malformed-json", "malformed-json", "wrong-json-type", null),
        parsed.rules());
    assertEquals(List.of(1L, 3L, 5L, 6L, 7L), parsed.lines(), "empty lines are lines, not records");
    assertEquals("Nem chua Thanh Hóa", parsed.value(0, "product_name"));
    assertEquals("16042", parsed.value(0, "seller_commune_code"));
    assertEquals("{broken", parsed.value(1, ParsedRecords.RAW));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static List<String> warnings(Parsed parsed) {
    Object w = parsed.get(parsed.file(), ParsedRecords.WARNINGS);
    return w == null ? List.of() : List.of(((String) w).split("\n"));
  }

  /** Rows read = accepted + quarantined: the file row's count is the number of records made. */
  private static void assertAddsUp(Parsed parsed) {
    assertEquals((long) parsed.records().size(), parsed.get(parsed.file(), ParsedRecords.RECORDS));
  }

  @Test
  void gzipIsRecognisedByItsContentNotItsName() throws IOException {
    String three = String.join("\n", Collections.nCopies(3, LISTING));
    Parsed parsed = Parsed.read(OCOP, "ocop-listings/2025-11-20.jsonl.gz", gzip(three));
    assertEquals(Arrays.asList(null, null, null), parsed.rules());
    assertEquals(List.of(), warnings(parsed));

    Parsed plain =
        Parsed.read(
            OCOP, "ocop-listings/2025-11-21.jsonl.gz", three.getBytes(StandardCharsets.UTF_8));
    assertEquals(Arrays.asList(null, null, null), plain.rules(), "a plain file named .gz is read");
    assertEquals(
        List.of(
            "ocop-listings/2025-11-21.jsonl.gz: named .gz but not gzip-compressed; read as plain text"),
        warnings(plain));
    assertNull(plain.get(plain.file(), ParsedRecords.RULE));

    Parsed zipped = Parsed.read(OCOP, "ocop-listings/2025-11-22.jsonl", gzip(three));
    assertEquals(3, zipped.records().size());
    assertTrue(
        warnings(zipped).get(0).contains("gzip-compressed although the name does not end in .gz"));
  }

  @Test
  void aDamagedGzipKeepsTheRecordsBeforeTheDamageAndQuarantinesTheRest() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      text.append(LISTING.replace("2291837465", String.valueOf(1_000_000 + i))).append('\n');
    }
    byte[] whole = gzip(text.toString());
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    Parsed parsed = Parsed.read(OCOP, "ocop-listings/2025-11-20.jsonl.gz", cut);
    List<String> rules = parsed.rules();
    int read = rules.size() - 1;
    assertTrue(read > 20 && read < 400, "the first half decodes to many records: " + read);
    assertTrue(
        rules.subList(0, read).stream().allMatch(Objects::isNull), "each validated as usual");
    assertEquals("unreadable-file", rules.get(read), "then one record for the undecodable tail");
    assertEquals(read + 1L, parsed.lines().get(read), "on the line after the last whole one");
    String message = (String) parsed.value(read, ParsedRecords.MESSAGE);
    assertTrue(
        message.contains("damaged at byte " + cut.length + " of the compressed file"), message);
    assertAddsUp(parsed);
    assertNull(parsed.get(parsed.file(), ParsedRecords.RULE), "not rejected whole");
    assertEquals(1, warnings(parsed).size());

    Parsed garbage =
        Parsed.read(
            OCOP, "ocop-listings/2025-11-21.jsonl.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
    assertEquals(List.of("unreadable-file"), garbage.rules());
    assertEquals(List.of(1L), garbage.lines());
    assertAddsUp(garbage);
  }

  @Test
  void jsonLinesEndInLfCrlfOrALoneCrAndAreNumberedAsAnEditorShowsThem() {
    String text = LISTING + "\r" + LISTING + "\r\n\r{broken\n" + LISTING + "\r\r\n" + LISTING;
    Parsed parsed =
        Parsed.read(OCOP, "ocop-listings/2025-11-20.jsonl", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(Arrays.asList(null, null, "malformed-json", null, null), parsed.rules());
    assertEquals(List.of(1L, 2L, 4L, 5L, 7L), parsed.lines());
    assertEquals("{broken", parsed.value(2, ParsedRecords.RAW));
    assertAddsUp(parsed);
  }

  @Test
  void aZeroByteFileIsListedWithAWarning() {
    for (Parsed empty :
        List.of(
            Parsed.read(OCOP, "ocop-listings/2025-11-20.jsonl", new byte[0]),
            Parsed.read(REPORTS, "commune-reports/f.csv", new byte[0]))) {
      assertEquals(List.of(), empty.records());
      assertEquals(0L, empty.get(empty.file(), ParsedRecords.RECORDS));
      assertTrue(
          warnings(empty)
              .get(0)
              .endsWith(": empty file: 0 bytes, no record (an export that failed?)"),
          warnings(empty).toString());
    }
  }

  @Test
  void warningsOfOneKindAreBoundedPerFile() {
    StringBuilder header = new StringBuilder(EN_HEADER);
    StringBuilder row = new StringBuilder(ROW);
    for (int i = 0; i < 4000; i++) {
      header.append(",extra_").append(i);
      row.append(",x");
    }
    Parsed parsed = csv(header + "\n" + row + "\n");
    assertEquals(Arrays.asList((String) null), parsed.rules());
    List<String> warnings = warnings(parsed);
    assertEquals(11, warnings.size(), warnings.toString());
    assertEquals("commune-reports/f.csv: unknown column 'extra_0' ignored", warnings.get(0));
    assertEquals("commune-reports/f.csv: … and 3,990 more unknown columns", warnings.get(10));
  }

  @Test
  void fileNamesAreRelativeToTheLandingRoot() {
    LandingFileReader reader = new LandingFileReader(REPORTS, "file:/landing/commune-reports");
    assertEquals(
        "commune-reports/2025/a.csv",
        reader.relativeName("file:/landing/commune-reports/2025/a.csv"));
  }
}
