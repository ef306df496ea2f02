package vn.thanhhoa.opendata.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a worksheet's XML ({@code xl/worksheets/sheetN.xml}) as a stream of rows, one SAX event at
 * a time, so a sheet of any size is read without holding it: each {@code <row>} is handed on as a
 * {@link SheetRow} when it ends. Cells without a value or formula (formatting only) are left out.
 */
final class SheetXml extends DefaultHandler {
  private final SharedStrings strings;
  private final Consumer<SheetRow> rows;
  private final StringBuilder text = new StringBuilder();
  private List<SheetCell> cells = new ArrayList<>();
  private long row;
  private int column;
  private String type;
  private int style;
  private String value;
  private String formula;
  private StringBuilder inline;
  private boolean collecting;
  private boolean phonetic;

  SheetXml(SharedStrings strings, Consumer<SheetRow> rows) {
    this.strings = strings;
    this.rows = rows;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "row" -> startRow(attributes.getValue("r"));
      case "c" -> startCell(attributes);
      case "v", "f" -> collect();
      case "is" -> inline = new StringBuilder();
      case "t" -> collecting = inline != null && !phonetic;
      case "rPh" -> phonetic = true;
      default -> {
        // other elements carry nothing the table needs
      }
    }
    if (collecting) {
      text.setLength(0);
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (collecting) {
      text.append(ch, start, length);
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "v" -> value = collected();
      case "f" -> formula = collected();
      case "t" -> appendInline();
      case "rPh" -> phonetic = false;
      case "is" -> endInline();
      case "c" -> endCell();
      case "row" -> rows.accept(new SheetRow(row, cells));
      default -> {
        // nothing to finish
      }
    }
  }

  private void startRow(String number) {
    row = number == null ? row + 1 : Long.parseLong(number);
    cells = new ArrayList<>();
    column = -1;
  }

  private void startCell(Attributes attributes) {
    String reference = attributes.getValue("r");
    column = reference == null ? column + 1 : columnOf(reference);
    type = attributes.getValue("t");
    String s = attributes.getValue("s");
    style = s == null ? 0 : Integer.parseInt(s);
    value = null;
    formula = null;
  }

  private void collect() {
    collecting = true;
  }

  private String collected() {
    collecting = false;
    return text.toString();
  }

  private void appendInline() {
    if (collecting) {
      inline.append(collected());
    }
  }

  private void endInline() {
    value = inline.toString();
    inline = null;
  }

  private void endCell() {
    if (value == null && formula == null) {
      return;
    }
    cells.add(new SheetCell(column, kind(), text(), style, formula));
  }

  private SheetCell.Kind kind() {
    if (value == null) {
      return SheetCell.Kind.NO_VALUE;
    }
    return switch (type == null ? "n" : type) {
      case "s", "str", "inlineStr" -> SheetCell.Kind.TEXT;
      case "b" -> SheetCell.Kind.BOOLEAN;
      case "e" -> SheetCell.Kind.ERROR;
      case "d" -> SheetCell.Kind.ISO_DATE;
      default -> SheetCell.Kind.NUMBER;
    };
  }

  private String text() {
    if (value != null && "s".equals(type)) {
      return strings.getItemAt(Integer.parseInt(value.trim())).getString();
    }
    return value;
  }

  /** The 0-based column of a reference such as {@code AB12}. */
  static int columnOf(String reference) {
    int column = 0;
    for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
      column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
    }
    return column - 1;
  }
}
