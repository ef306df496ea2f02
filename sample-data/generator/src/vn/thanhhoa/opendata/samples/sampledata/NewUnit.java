package vn.thanhhoa.opendata.samples.sampledata;

/** A post-reform commune (valid from 2025-07-01). */
record NewUnit(String code, String name, String type) {}
