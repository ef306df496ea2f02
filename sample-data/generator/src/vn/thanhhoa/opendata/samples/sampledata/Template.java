package vn.thanhhoa.opendata.samples.sampledata;

import java.util.List;

/** A kind of product with where it is made and how much it is made. */
record Template(
    String category,
    String name,
    String unit,
    long price,
    List<String> districts,
    int count,
    String htxKind) {}
