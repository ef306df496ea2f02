package vn.thanhhoa.opendata.samples.sampledata;

/** Counts of one provider in one commune and month. */
record Accounts(long total, long opened, long active) {}
