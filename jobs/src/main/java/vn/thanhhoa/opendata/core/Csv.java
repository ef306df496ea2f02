package vn.thanhhoa.opendata.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records, remembering for each the line it starts on and its raw text:
 * the two things a quarantine entry must show. (Spark's and univocity's CSV readers do not report
 * where a multi-line record starts.) Blank lines are not records.
 */
public final class Csv {
  private Csv() {}

  /** One record: the 1-based line where it starts, its raw text and its fields. */
  public record Record(long line, String raw, List<String> fields, boolean unclosedQuote) {}

  public static List<Record> parse(String text, char delimiter) {
    List<Record> records = new ArrayList<>();
    Cursor cursor = new Cursor(text);
    while (!cursor.atEnd()) {
      if (cursor.skipBlankLine()) {
        continue;
      }
      records.add(cursor.record(delimiter));
    }
    return records;
  }

  private static final class Cursor {
    private final String text;
    private int pos;
    private long line = 1;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    boolean skipBlankLine() {
      int end = afterSpaces(pos);
      if (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        return false;
      }
      pos = end;
      if (!atEnd()) {
        newline();
      }
      return true;
    }

    /** The index of the first character at or after {@code from} that is not a space or tab. */
    private int afterSpaces(int from) {
      int end = from;
      while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
        end++;
      }
      return end;
    }

    Record record(char delimiter) {
      int start = pos;
      long startLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean fieldEmpty = true;
      while (!atEnd()) {
        char c = text.charAt(pos);
        if (quoted) {
          quoted = inQuotes(c, field);
        } else if (c == '"' && fieldEmpty) {
          quoted = true;
          fieldEmpty = false;
          pos++;
        } else if (c == delimiter) {
          fieldEmpty = endField(fields, field);
        } else if (c == '\n' || c == '\r') {
          return lineEnd(start, startLine, fields, field);
        } else {
          field.append(c);
          fieldEmpty = false;
          pos++;
        }
      }
      fields.add(field.toString());
      return new Record(startLine, text.substring(start), List.copyOf(fields), quoted);
    }

    /** One character inside quotes; false once the closing quote is read. */
    private boolean inQuotes(char c, StringBuilder field) {
      if (c == '"' && peek(1) == '"') {
        field.append('"');
        pos += 2;
      } else if (c == '"') {
        pos++;
        return false;
      } else if (c == '\n' || c == '\r') {
        field.append(newline());
      } else {
        field.append(c);
        pos++;
      }
      return true;
    }

    /** A delimiter: the field is complete and the next one starts empty. */
    private boolean endField(List<String> fields, StringBuilder field) {
      fields.add(field.toString());
      field.setLength(0);
      pos++;
      return true;
    }

    private Record lineEnd(int start, long startLine, List<String> fields, StringBuilder field) {
      String raw = text.substring(start, pos);
      newline();
      fields.add(field.toString());
      return new Record(startLine, raw, List.copyOf(fields), false);
    }

    private char peek(int ahead) {
      int at = pos + ahead;
      return at < text.length() ? text.charAt(at) : '\0';
    }

    /** Consumes one line break (CRLF, LF or CR) and returns it. */
    private String newline() {
      line++;
      if (text.charAt(pos) == '\r' && peek(1) == '\n') {
        pos += 2;
        return "\r\n";
      }
      return String.valueOf(text.charAt(pos++));
    }
  }
}
