package vn.thanhhoa.opendata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void splitsFieldsAndKeepsLineAndRawText() {
    List<Csv.Record> records = Csv.parse("a,b,c\n1,2,3\n", ',');
    assertEquals(2, records.size());
    assertEquals(List.of("1", "2", "3"), records.get(1).fields());
    assertEquals(2, records.get(1).line());
    assertEquals("1,2,3", records.get(1).raw());
  }

  @Test
  void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() {
    String text = "h1,h2\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,y\n";
    List<Csv.Record> records = Csv.parse(text, ',');
    assertEquals(List.of("a, b", "say \"hi\""), records.get(1).fields());
    assertEquals(List.of("two\nlines", "x"), records.get(2).fields());
    assertEquals(3, records.get(2).line());
    assertEquals("\"two\nlines\",x", records.get(2).raw());
    assertEquals(
        5, records.get(3).line(), "a record after a multi-line one starts on its own line");
  }

  @Test
  void crlfAndBlankLinesAreHandledAndCounted() {
    List<Csv.Record> records = Csv.parse("h\r\n\r\n  \r\nv1\r\nv2", ',');
    assertEquals(3, records.size(), "blank and whitespace-only lines are not records");
    assertEquals(4, records.get(1).line());
    assertEquals("v1", records.get(1).raw());
    assertEquals(5, records.get(2).line());
  }

  @Test
  void emptyTrailingFieldsAreFields() {
    assertEquals(List.of("a", "", ""), Csv.parse("a,,\n", ',').get(0).fields());
  }

  @Test
  void anUnclosedQuoteRunsToTheEndAndIsFlagged() {
    List<Csv.Record> records = Csv.parse("h1,h2\n\"open,x\nmore\n", ',');
    assertEquals(2, records.size());
    assertTrue(records.get(1).unclosedQuote());
    assertFalse(records.get(0).unclosedQuote());
  }

  @Test
  void otherDelimiters() {
    assertEquals(List.of("a", "b,c"), Csv.parse("a;b,c", ';').get(0).fields());
    assertEquals(List.of("a", "b"), Csv.parse("a\tb", '\t').get(0).fields());
  }
}
