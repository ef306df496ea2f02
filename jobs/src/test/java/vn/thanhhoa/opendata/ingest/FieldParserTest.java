package vn.thanhhoa.opendata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.thanhhoa.opendata.core.SourceSchema;

/** Every per-value rule of the input contract, on the project's own schemas. */
class FieldParserTest {
  private static final SourceSchema REPORTS =
      SourceSchema.load(Paths.get("schemas"), "commune-reports");
  private static final SourceSchema PAYMENTS =
      SourceSchema.load(Paths.get("schemas"), "payment-accounts");
  private static final SourceSchema OCOP = SourceSchema.load(Paths.get("schemas"), "ocop-listings");
  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FieldParser parser(SourceSchema schema, String column) {
    return new FieldParser(
        schema.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow(),
        HCM);
  }

  private static Object text(SourceSchema schema, String column, String value) throws RuleBreach {
    return parser(schema, column).parseText(value, false);
  }

  private static String rule(SourceSchema schema, String column, String value) {
    return assertThrows(RuleBreach.class, () -> text(schema, column, value)).rule();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "12345|12345",
        "12.345|12345",
        "12 345|12345",
        "1.234.567|1234567",
        "'1\u00A0234'|1234",
        "' 0 '|0",
        "+7|7"
      })
  void integersMayCarryVietnameseThousandsSeparators(String value, long expected)
      throws RuleBreach {
    assertEquals(expected, text(REPORTS, "population", value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12,345",
        "1.5",
        "12.34",
        "1.234 567",
        "12a",
        "1e3",
        "--1",
        "99999999999999999999"
      })
  void otherNumberShapesAreBadIntegers(String value) {
    assertEquals("bad-integer", rule(REPORTS, "population", value));
  }

  @Test
  void providerFilesAllowPlainIntegersOnly() throws RuleBreach {
    assertEquals(1234L, text(PAYMENTS, "accounts_total", "1234"));
    assertEquals("bad-integer", rule(PAYMENTS, "accounts_total", "1.234"));
    assertEquals("bad-integer", rule(PAYMENTS, "accounts_total", "1 234"));
  }

  @Test
  void negativeCountsAreOutOfRange() {
    assertEquals("out-of-range", rule(REPORTS, "households", "-3"));
    assertEquals("out-of-range", rule(PAYMENTS, "accounts_opened", "-1"));
  }

  @Test
  void decimalsTakeACommaOrAPointAndTheirRange() throws RuleBreach {
    assertEquals(new BigDecimal("78.5000"), text(REPORTS, "smartphone_users_pct", "78,5"));
    assertEquals(new BigDecimal("78.5000"), text(REPORTS, "smartphone_users_pct", "78.5"));
    assertEquals(new BigDecimal("33.3333"), text(REPORTS, "smartphone_users_pct", "33.333333"));
    assertEquals(new BigDecimal("100.0000"), text(REPORTS, "smartphone_users_pct", "100"));
    assertEquals("out-of-range", rule(REPORTS, "smartphone_users_pct", "100,5"));
    assertEquals("out-of-range", rule(REPORTS, "smartphone_users_pct", "-0.1"));
    assertEquals("bad-decimal", rule(REPORTS, "smartphone_users_pct", "78,5,1"));
    assertEquals("bad-decimal", rule(REPORTS, "smartphone_users_pct", "78%"));
  }

  @ParameterizedTest
  @CsvSource({
    "Có,true",
    "có,true",
    "CÓ,true",
    "Không,false",
    "x,true",
    "X,true",
    "1,true",
    "0,false",
    "true,true",
    "FALSE,false",
    "yes,true",
    "No,false"
  })
  void everyBooleanSpelling(String value, boolean expected) throws RuleBreach {
    assertEquals(expected, text(REPORTS, "dt_completed", value));
  }

  @Test
  void booleanBlanksAndUnknownSpellings() throws RuleBreach {
    assertEquals("bad-boolean", rule(REPORTS, "dt_completed", "có lẽ"));
    assertEquals("missing-value", rule(REPORTS, "dt_completed", " "));
    assertEquals(
        Boolean.FALSE,
        parser(REPORTS, "dt_completed").parseText("", true),
        "blank means false in a file that uses the x/blank convention");
  }

  @Test
  void monthsInBothFormatsAndOnlyThose() throws RuleBreach {
    assertEquals("2025-03", text(REPORTS, "report_period", "2025-03"));
    assertEquals("2025-03", text(REPORTS, "report_period", "03/2025"));
    for (String bad :
        new String[] {"13/2025", "2025-13", "3/2025", "2025-3", "March 2025", "2025/03"}) {
      assertEquals("bad-month", rule(REPORTS, "report_period", bad), bad);
    }
    assertEquals("bad-month", rule(PAYMENTS, "period", "03/2025"), "providers use YYYY-MM only");
  }

  @Test
  void timestampsWithoutOffsetAreHoChiMinhTime() throws RuleBreach {
    Instant expected = Instant.parse("2025-04-05T03:00:00Z");
    assertEquals(expected, text(REPORTS, "submitted_at", "05/04/2025 10:00"));
    assertEquals(expected, text(REPORTS, "submitted_at", "2025-04-05T10:00:00"));
    assertEquals(expected, text(REPORTS, "submitted_at", "2025-04-05T10:00:00+07:00"));
    assertEquals(expected, text(REPORTS, "submitted_at", "2025-04-05T03:00:00Z"));
    assertEquals("bad-timestamp", rule(REPORTS, "submitted_at", "32/01/2025 10:00"));
    assertEquals("bad-timestamp", rule(REPORTS, "submitted_at", "05/04/2025"));
  }

  @Test
  void providerTimestampsNeedAnOffset() throws RuleBreach {
    assertEquals(
        Instant.parse("2025-03-31T16:00:00Z"),
        text(PAYMENTS, "reported_at", "2025-03-31T23:00:00+07:00"));
    assertEquals("bad-timestamp", rule(PAYMENTS, "reported_at", "2025-03-31T23:00:00"));
  }

  @Test
  void requiredAndOptionalBlanks() throws RuleBreach {
    assertEquals("missing-value", rule(REPORTS, "population", ""));
    assertNull(text(REPORTS, "notes", "   "));
    assertNull(text(REPORTS, "commune_code", ""));
  }

  @Test
  void patternsAndAllowedValuesReportTheirOwnRules() throws RuleBreach {
    assertEquals("bad-commune-code", rule(REPORTS, "commune_code", "1484"));
    assertEquals("bad-commune-code", rule(PAYMENTS, "commune_code", "14a48"));
    assertEquals("unknown-value", rule(PAYMENTS, "provider_type", "credit_card"));
    assertEquals("bank", text(PAYMENTS, "provider_type", " bank "));
  }

  @Test
  void textIsNormalisedToNfcAndTrimmed() throws RuleBreach {
    String nfd = Normalizer.normalize("Xã Trung Hạ", Normalizer.Form.NFD);
    assertEquals("Xã Trung Hạ", text(REPORTS, "commune_name", "  " + nfd + "\u00A0"));
  }

  @Test
  void jsonValuesMustHaveTheDeclaredJsonType() throws Exception {
    assertEquals(85000L, json("price_vnd", "85000"));
    assertEquals("wrong-json-type", jsonRule("price_vnd", "\"85000\""));
    assertEquals("wrong-json-type", jsonRule("price_vnd", "85000.5"));
    assertEquals("out-of-range", jsonRule("price_vnd", "0"));
    assertEquals(Boolean.TRUE, json("in_stock", "true"));
    assertEquals("wrong-json-type", jsonRule("in_stock", "\"yes\""));
    assertEquals("wrong-json-type", jsonRule("ocop_stars", "\"4\""));
    assertEquals("unknown-value", jsonRule("ocop_stars", "2"));
    assertEquals(new BigDecimal("4.80"), json("rating", "4.8"));
    assertEquals("out-of-range", jsonRule("rating", "5.5"));
    assertNull(json("rating", "null"));
    assertEquals(
        "out-of-range",
        jsonRule("rating", "1e400"),
        "an infinite double is a bad value, not a crash");
    assertEquals("out-of-range", jsonRule("rating", "1e999999999"));
    assertEquals(new BigDecimal("0.00"), json("rating", "1e-999999999"));
    assertEquals("missing-value", jsonRule("listing_id", "null"));
    assertEquals("missing-value", jsonRule("listing_id", "\"  \""));
    assertEquals("wrong-json-type", jsonRule("listing_id", "42"));
  }

  @Test
  void jsonDatesTimestampsAndPatterns() throws Exception {
    assertEquals(LocalDate.of(2023, 6, 15), json("certified_on", "\"2023-06-15\""));
    assertEquals("bad-date", jsonRule("certified_on", "\"15/06/2023\""));
    assertEquals("bad-date", jsonRule("certified_on", "\"2023-02-30\""));
    assertEquals(
        Instant.parse("2025-11-20T15:05:00Z"), json("crawled_at", "\"2025-11-20T22:05:00+07:00\""));
    assertEquals("bad-timestamp", jsonRule("crawled_at", "\"2025-11-20T22:05:00\""));
    assertEquals("bad-url", jsonRule("url", "\"http://shopee.vn/p/1\""));
    assertEquals("bad-url", jsonRule("url", "\"shopee.vn/p/1\""));
    assertEquals("bad-ocop-code", jsonRule("ocop_code", "\"OCOP-38-23-0123\""));
    assertEquals("bad-listing-id", jsonRule("listing_id", "\"shopee-2291837465\""));
    assertEquals("unknown-value", jsonRule("platform", "\"amazon\""));
    assertEquals("unknown-value", jsonRule("category", "\"food\""));
    assertEquals("unknown-value", jsonRule("seller_type", "\"ca_nhan\""));
  }

  private static Object json(String column, String value) throws Exception {
    return parser(OCOP, column).parseJson(node(value));
  }

  private static String jsonRule(String column, String value) throws Exception {
    JsonNode node = node(value);
    return assertThrows(RuleBreach.class, () -> parser(OCOP, column).parseJson(node)).rule();
  }

  private static JsonNode node(String value) throws Exception {
    return JSON.readTree(value);
  }
}
