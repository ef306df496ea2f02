package vn.thanhhoa.opendata.samples.sampledata;

/** One provider's book in one old commune: base size and whether it is a small cell. */
record Holding(Provider provider, double base, boolean small, double activeShare) {}
