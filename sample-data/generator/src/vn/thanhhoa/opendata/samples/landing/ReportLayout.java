package vn.thanhhoa.opendata.samples.landing;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import vn.thanhhoa.opendata.samples.Encoding;

/** How one commune-report file is laid out, and its rows formatted in that layout. */
record ReportLayout(
    boolean vietnamese,
    int[] order,
    char delimiter,
    Encoding encoding,
    boolean slashMonth,
    String timestamps,
    char grouping,
    boolean decimalComma,
    Bool bool) {
  enum Bool {
    CO_KHONG("Có", "Không"),
    X_BLANK("x", ""),
    ONE_ZERO("1", "0"),
    TRUE_FALSE("true", "false"),
    YES_NO("yes", "no");

    final String yes;
    final String no;

    Bool(String yes, String no) {
      this.yes = yes;
      this.no = no;
    }
  }

  /** A layout drawn at random for a file of these rows. */
  static ReportLayout random(SplittableRandom rnd, List<Report> rows) {
    boolean vietnamese = rnd.nextDouble() < 0.6;
    int[] order = new int[CommuneReports.COLUMNS.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (rnd.nextDouble() < 0.3) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    double e = rnd.nextDouble();
    Encoding encoding =
        e < 0.8 ? Encoding.UTF8 : e < 0.95 ? Encoding.UTF8_BOM : Encoding.UTF16LE_BOM;
    char delimiter = rnd.nextDouble() < 0.9 ? ',' : ';';
    String timestamps = Seeds.pick(rnd, List.of("dd/MM/yyyy HH:mm", "iso-offset", "iso-local"));
    char grouping = Seeds.pick(rnd, List.of('\0', '.', ' '));
    Bool bool = Seeds.pick(rnd, Bool.values());
    // The x/blank convention is recognised only in a file that has an 'x' somewhere.
    if (bool == Bool.X_BLANK
        && rows.stream().noneMatch(r -> r.completed() && r.fault() != ReportFault.BAD_BOOLEAN)) {
      bool = Bool.CO_KHONG;
    }
    return new ReportLayout(
        vietnamese,
        order,
        delimiter,
        encoding,
        rnd.nextBoolean(),
        timestamps,
        grouping,
        rnd.nextBoolean(),
        bool);
  }

  static String[] cells(Report r, ReportLayout l) {
    String[] c = new String[CommuneReports.COLUMNS.size()];
    c[0] =
        l.slashMonth()
            ? Text.twoDigits(r.period().getMonthValue()) + "/" + r.period().getYear()
            : r.period().toString();
    c[1] = r.blankCode() ? "" : r.commune().code();
    c[2] = r.commune().name();
    c[3] = r.commune().districtName() == null ? "" : r.commune().districtName();
    c[4] = timestamp(r.submitted(), l.timestamps());
    c[5] = integer(r.population(), l);
    c[6] = integer(r.households(), l);
    c[7] = integer(r.teams(), l);
    c[8] = integer(r.members(), l);
    c[9] = integer(r.received(), l);
    c[10] = integer(r.onTime(), l);
    c[11] = (r.pctTenths() / 10) + (l.decimalComma() ? "," : ".") + (r.pctTenths() % 10);
    c[12] = integer(r.fiber(), l);
    c[13] = r.completed() ? l.bool().yes : l.bool().no;
    c[14] = r.notes();
    return c;
  }

  static String integer(long v, ReportLayout l) {
    return l.grouping() == '\0' ? Long.toString(v) : Text.grouped(v, l.grouping());
  }

  private static String timestamp(LocalDateTime t, String style) {
    String date = t.toLocalDate().toString();
    String time = Text.twoDigits(t.getHour()) + ":" + Text.twoDigits(t.getMinute());
    return switch (style) {
      case "dd/MM/yyyy HH:mm" ->
          Text.twoDigits(t.getDayOfMonth())
              + "/"
              + Text.twoDigits(t.getMonthValue())
              + "/"
              + t.getYear()
              + " "
              + time;
      case "iso-offset" -> date + "T" + time + ":00+07:00";
      default -> date + "T" + time + ":00";
    };
  }
}
