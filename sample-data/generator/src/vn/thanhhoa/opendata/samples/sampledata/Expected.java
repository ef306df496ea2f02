package vn.thanhhoa.opendata.samples.sampledata;

/** A record the pipeline must quarantine. */
record Expected(String file, int line, String rule, String what) {}
