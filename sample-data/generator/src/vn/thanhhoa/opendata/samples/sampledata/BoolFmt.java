package vn.thanhhoa.opendata.samples.sampledata;

/** How a file spells dt_completed. */
record BoolFmt(String yes, String no) {
  static final BoolFmt CO_KHONG = new BoolFmt("Có", "Không");
  static final BoolFmt ONE_ZERO = new BoolFmt("1", "0");
  static final BoolFmt TRUE_FALSE = new BoolFmt("true", "false");
  static final BoolFmt YES_NO = new BoolFmt("yes", "no");
  static final BoolFmt X_BLANK = new BoolFmt("x", "");

  String format(boolean v) {
    return v ? yes : no;
  }

  String label() {
    return yes + "/" + (no.isEmpty() ? "blank" : no);
  }
}
