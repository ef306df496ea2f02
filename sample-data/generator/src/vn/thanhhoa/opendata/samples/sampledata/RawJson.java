package vn.thanhhoa.opendata.samples.sampledata;

/** A number written verbatim into JSON. */
record RawJson(String text) {}
