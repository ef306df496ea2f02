package vn.thanhhoa.opendata.samples.sampledata;

/** One written file, for the README's file tables. */
record FileInfo(String name, int records, String format) {}
