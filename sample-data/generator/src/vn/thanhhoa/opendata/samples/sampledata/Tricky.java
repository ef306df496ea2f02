package vn.thanhhoa.opendata.samples.sampledata;

/** A valid but tricky case and what the pipeline should do with it. */
record Tricky(String file, String lines, String what, String expect) {}
