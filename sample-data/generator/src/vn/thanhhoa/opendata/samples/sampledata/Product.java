package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDate;

/** An OCOP-certified product. */
record Product(
    String code,
    String name,
    int stars,
    String category,
    LocalDate certifiedOn,
    Seller seller,
    String unit,
    long price,
    boolean stamp,
    LocalDate listedFrom) {}
