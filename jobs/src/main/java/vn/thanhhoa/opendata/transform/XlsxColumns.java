package vn.thanhhoa.opendata.transform;

import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import vn.thanhhoa.opendata.core.DatasetSpec;

/** The workbook's second sheet: what each column of the data sheets holds. */
final class XlsxColumns {
  static final List<String> HEADER = List.of("Cột", "Nhãn", "Kiểu", "Đơn vị", "Mô tả");
  private static final int[] WIDTHS = {28, 36, 14, 16, 80};

  private XlsxColumns() {}

  static void write(SXSSFSheet sheet, DatasetSpec spec) {
    line(sheet.createRow(0), HEADER);
    int n = 1;
    for (DatasetSpec.Column c : spec.columns()) {
      String unit = c.unit() == null ? "" : c.unit();
      String about = c.descriptionText().forPeople();
      line(sheet.createRow(n++), List.of(c.name(), c.label(), c.type(), unit, about));
    }
    for (int i = 0; i < WIDTHS.length; i++) {
      sheet.setColumnWidth(i, 256 * WIDTHS[i]);
    }
    sheet.createFreezePane(0, 1);
  }

  private static void line(SXSSFRow row, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      row.createCell(i).setCellValue(values.get(i));
    }
  }
}
