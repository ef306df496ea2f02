package vn.thanhhoa.opendata.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.spark.sql.Row;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.thanhhoa.opendata.core.SourceSchema;

/**
 * Landing files that are Excel workbooks ({@code .xlsx}): the table on the first sheet is read as a
 * CSV export of it would be ({@link SheetTable}), streaming the sheet's XML with POI's event API so
 * that a large sheet needs no more memory than its records. A file that cannot be read as a
 * workbook (a password, the Excel 97–2003 {@code .xls} format, a damaged file, no sheet) is
 * rejected whole, with the reason and what to do about it.
 */
final class WorkbookRecords {
  /** The file report's encoding for a workbook. */
  static final String ENCODING = "xlsx";

  private final SourceSchema schema;
  private final RecordValidator validator;
  private final RowMaker rows;

  WorkbookRecords(SourceSchema schema, RecordValidator validator, RowMaker rows) {
    this.schema = schema;
    this.validator = validator;
    this.rows = rows;
  }

  /** Whether a landing file is read as a workbook: by its name, as Excel itself decides. */
  static boolean isWorkbook(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xlsx") || lower.endsWith(".xls");
  }

  /** The records of a workbook's bytes (accepted or quarantined), then its file row (last). */
  List<Row> records(String name, byte[] bytes) {
    List<Row> out = new ArrayList<>();
    FileMagic magic = FileMagic.valueOf(bytes);
    if (magic == FileMagic.OLE2) {
      ole2(name, bytes, out);
    } else if (magic != FileMagic.OOXML) {
      reject(name, Rules.UNREADABLE_FILE, "not an Excel workbook (.xlsx): " + what(magic), out);
    } else {
      open(name, bytes, out);
    }
    return out;
  }

  /** An OLE2 file named as a workbook: an encrypted .xlsx, or the Excel 97–2003 format. */
  private void ole2(String name, byte[] bytes, List<Row> out) {
    boolean encrypted;
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      encrypted = fs.getRoot().hasEntry("EncryptedPackage");
    } catch (IOException | RuntimeException e) {
      reject(name, Rules.UNREADABLE_FILE, "a damaged Office file (" + e.getMessage() + ")", out);
      return;
    }
    if (encrypted) {
      reject(
          name,
          Rules.ENCRYPTED_WORKBOOK,
          "the workbook is protected by a password; save it without one and send it again",
          out);
    } else {
      reject(
          name,
          Rules.LEGACY_WORKBOOK,
          "an Excel 97–2003 workbook (.xls); save it as an Excel Workbook (.xlsx)"
              + " and send it again",
          out);
    }
  }

  private void open(String name, byte[] bytes, List<Row> out) {
    Path copy = null;
    // From a local file POI reads the zip's entries on demand (and checks them for zip bombs).
    try {
      copy = Files.createTempFile("landing-", ".xlsx");
      Files.write(copy, bytes);
      try (OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
        read(name, workbook, out);
      }
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | POIXMLException
        | RecordFormatException
        | IllegalArgumentException e) {
      out.clear();
      reject(name, Rules.UNREADABLE_FILE, "a damaged workbook (" + e.getMessage() + ")", out);
    } finally {
      deleteQuietly(copy);
    }
  }

  private void read(String name, OPCPackage workbook, List<Row> out)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
    XSSFReader reader = new XSSFReader(workbook);
    XSSFReader.SheetIterator sheets = reader.getSheetIterator();
    if (!sheets.hasNext()) {
      reject(name, Rules.UNREADABLE_FILE, "the workbook has no worksheet", out);
      return;
    }
    try (InputStream sheet = sheets.next()) {
      CellText text = new CellText(reader.getStylesTable(), date1904(reader));
      SheetTable table = new SheetTable(name, sheets.getSheetName(), schema, validator, rows, text);
      parse(sheet, new SheetXml(new ReadOnlySharedStringsTable(workbook, false), table));
      table.finish(List.of(), out);
    }
  }

  /** Whether the workbook counts dates from 1904 (old Excel for Mac) rather than 1900. */
  private static boolean date1904(XSSFReader reader)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
    boolean[] found = new boolean[1];
    DefaultHandler handler =
        new DefaultHandler() {
          @Override
          public void startElement(String uri, String local, String qName, Attributes a) {
            if (local.equals("workbookPr")) {
              String value = a.getValue("date1904");
              found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
            }
          }
        };
    try (InputStream xml = reader.getWorkbookData()) {
      parse(xml, handler);
    }
    return found[0];
  }

  private static void parse(InputStream xml, DefaultHandler handler)
      throws IOException, SAXException, ParserConfigurationException {
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(handler);
    parser.parse(new InputSource(xml));
  }

  private void reject(String name, String rule, String reason, List<Row> out) {
    String message = name + ": " + reason + "; the whole file is rejected";
    out.add(rows.fileInfo(name, ENCODING, rule, message, List.of()));
  }

  private static String what(FileMagic magic) {
    return magic == FileMagic.UNKNOWN
        ? "its content is not a workbook (a CSV or text file under an .xlsx name?)"
        : "its content is " + magic.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is removed with the machine's temporary folder
      }
    }
  }
}
