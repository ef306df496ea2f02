package vn.thanhhoa.opendata.transform;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;
import vn.thanhhoa.opendata.core.DatasetSpec;

/**
 * How each declared column type becomes a typed Excel cell: counts and rates as numbers (rates with
 * their declared decimals), dates and times as dates, flags as booleans, codes and months as text
 * (a code keeps its leading zeros). A null leaves the cell empty.
 */
final class XlsxCells {
  private final List<DatasetSpec.Column> columns;
  private final CellStyle[] styles;
  private final CellStyle header;

  XlsxCells(Workbook workbook, List<DatasetSpec.Column> columns) {
    this.columns = List.copyOf(columns);
    this.styles = new CellStyle[columns.size()];
    for (int i = 0; i < styles.length; i++) {
      styles[i] = style(workbook, numberFormat(columns.get(i).type()));
    }
    this.header = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    header.setFont(bold);
    header.setWrapText(true);
  }

  CellStyle header() {
    return header;
  }

  /** Excel's number format for a column type, or null for text, integers and booleans. */
  static String numberFormat(String type) {
    if (type.startsWith("decimal")) {
      int scale = Integer.parseInt(type.replaceAll(".*,\\s*(\\d+)\\)", "$1"));
      return scale == 0 ? "0" : "0." + "0".repeat(scale);
    }
    return switch (type) {
      case "date" -> "yyyy-mm-dd";
      case "timestamp" -> "yyyy-mm-dd\"T\"hh:mm:ss\"Z\"";
      default -> null;
    };
  }

  /**
   * The style of a column's cells. Columns without a number format get the workbook's default style
   * set explicitly: it writes the same XML (no {@code s} attribute), but spares POI looking for a
   * column style in the sheet's XML for every unstyled cell, which took most of the time of writing
   * a large workbook.
   */
  private static CellStyle style(Workbook workbook, String format) {
    if (format == null) {
      return workbook.getCellStyleAt(0);
    }
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.createDataFormat().getFormat(format));
    return style;
  }

  /** Fills {@code cell} with the value of column {@code i}; a null value leaves it unset. */
  void set(Cell cell, int i, Object value) {
    cell.setCellStyle(styles[i]);
    switch (columns.get(i).type()) {
      case "integer" -> cell.setCellValue(((Number) value).doubleValue());
      case "boolean" -> cell.setCellValue((Boolean) value);
      case "date" -> cell.setCellValue(date(value));
      case "timestamp" -> cell.setCellValue(utc(value));
      default -> setTextOrDecimal(cell, value);
    }
  }

  private static void setTextOrDecimal(Cell cell, Object value) {
    if (value instanceof BigDecimal decimal) {
      cell.setCellValue(decimal.doubleValue());
    } else {
      cell.setCellValue(value.toString());
    }
  }

  private static LocalDate date(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }

  /** Timestamps are published in UTC (as the CSV's {@code …Z}); Excel has no time zones. */
  private static LocalDateTime utc(Object value) {
    Instant instant = value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
