package vn.thanhhoa.opendata.samples.sampledata;

/** One crosswalk edge old -> new. */
record Edge(String oldCode, String newCode, boolean split) {}
