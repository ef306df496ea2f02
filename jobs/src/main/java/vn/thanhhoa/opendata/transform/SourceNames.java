package vn.thanhhoa.opendata.transform;

/** The staging tables the transforms read, by the name of their source. */
final class SourceNames {
  static final String COMMUNE_REPORTS = "commune-reports";
  static final String PAYMENT_ACCOUNTS = "payment-accounts";
  static final String OCOP_LISTINGS = "ocop-listings";

  private SourceNames() {}
}
