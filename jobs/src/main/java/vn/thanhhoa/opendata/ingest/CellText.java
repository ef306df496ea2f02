package vn.thanhhoa.opendata.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import vn.thanhhoa.opendata.core.ColumnSpec;

/**
 * What a workbook cell says, as the text its column's parser reads (the text a CSV export of the
 * cell would hold): numbers as Excel shows them at full precision (15 significant digits, no {@code
 * 12.0}, no exponent), date cells in the column's own format, a formula's calculated value. A cell
 * that holds no value (an error, a formula never calculated, a fraction in an integer column)
 * breaks a rule instead.
 */
final class CellText {
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  private final StylesTable styles;
  private final boolean date1904;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();

  CellText(StylesTable styles, boolean date1904) {
    this.styles = styles;
    this.date1904 = date1904;
  }

  /** The cell as a header label, or as shown where no column is known: no rule applies. */
  String label(SheetCell cell) {
    return switch (cell.kind()) {
      case NUMBER -> isDate(cell) ? iso(dateTime(cell)) : number(cell.value());
      case BOOLEAN -> bool(cell);
      case NO_VALUE -> "=" + cell.formula();
      default -> cell.value();
    };
  }

  /** The cell's text for {@code column}, read in row {@code row}. */
  String of(SheetCell cell, ColumnSpec column, long row) throws RuleBreach {
    return switch (cell.kind()) {
      case NUMBER -> isDate(cell) ? date(dateTime(cell), column) : number(cell, column, row);
      case BOOLEAN -> bool(cell);
      case ERROR -> throw breach(column, Rules.CELL_ERROR, cell, row, errorMessage(cell));
      case NO_VALUE -> throw breach(column, Rules.FORMULA_WITHOUT_VALUE, cell, row, noValue(cell));
      default -> cell.value();
    };
  }

  private String number(SheetCell cell, ColumnSpec column, long row) throws RuleBreach {
    String text = number(cell.value());
    if (column.type() == ColumnSpec.ColumnType.INTEGER && text.indexOf('.') >= 0) {
      String message = "holds " + text + ", not a whole number";
      throw breach(column, Rules.badValue("integer"), cell, row, message);
    }
    return text;
  }

  /** A stored number at Excel's precision: {@code 78.499999999999986} is 78.5, 12 stays 12. */
  static String number(String stored) {
    try {
      BigDecimal value = new BigDecimal(stored.trim()).round(EXCEL_DIGITS).stripTrailingZeros();
      return value.signum() == 0 ? "0" : value.toPlainString();
    } catch (NumberFormatException e) {
      return stored;
    }
  }

  private static String bool(SheetCell cell) {
    return "1".equals(cell.value().trim()) ? "TRUE" : "FALSE";
  }

  private boolean isDate(SheetCell cell) {
    return dateStyles.computeIfAbsent(cell.style(), this::isDateStyle);
  }

  private boolean isDateStyle(int index) {
    if (styles == null || index >= styles.getNumCellStyles()) {
      return false;
    }
    XSSFCellStyle style = styles.getStyleAt(index);
    return style != null
        && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
  }

  private LocalDateTime dateTime(SheetCell cell) {
    return DateUtil.getLocalDateTime(Double.parseDouble(cell.value()), date1904, true);
  }

  /** A date cell in the first of its column's formats that is a pattern (ISO where none is). */
  private static String date(LocalDateTime value, ColumnSpec column) {
    return switch (column.type()) {
      case MONTH -> format(value, column, "uuuu-MM");
      case DATE -> format(value, column, "uuuu-MM-dd");
      case TIMESTAMP ->
          column.formats().contains("iso-local")
              ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value)
              : format(value, column, "uuuu-MM-dd'T'HH:mm:ss");
      default -> iso(value);
    };
  }

  private static String format(LocalDateTime value, ColumnSpec column, String fallback) {
    String pattern =
        column.formats().stream()
            .filter(f -> !f.startsWith("iso-"))
            .findFirst()
            .map(f -> f.replace('y', 'u'))
            .orElse(fallback);
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(value);
  }

  private static String iso(LocalDateTime value) {
    return value.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? value.toLocalDate().toString()
        : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
  }

  private static String errorMessage(SheetCell cell) {
    return "shows the error " + cell.value() + ", not a value";
  }

  private static String noValue(SheetCell cell) {
    String formula = cell.formula().isBlank() ? "a formula" : "the formula =" + cell.formula();
    return "holds "
        + formula
        + " saved without its calculated value (open the file in Excel and save it again)";
  }

  private static RuleBreach breach(
      ColumnSpec column, String rule, SheetCell cell, long row, String what) {
    return RuleBreach.in(column, rule, "cell " + cell.reference(row) + " " + what);
  }
}
