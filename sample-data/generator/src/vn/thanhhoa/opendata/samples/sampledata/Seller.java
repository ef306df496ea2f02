package vn.thanhhoa.opendata.samples.sampledata;

import java.time.LocalDate;

/** A seller and its commune before and after the reform. */
record Seller(String name, String type, String oldCode, String newCode) {
  String code(LocalDate day) {
    return Dates.preReform(day) ? oldCode : newCode;
  }
}
