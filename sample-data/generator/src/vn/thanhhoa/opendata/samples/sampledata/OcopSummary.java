package vn.thanhhoa.opendata.samples.sampledata;

import java.util.SortedMap;

/** Figures of the OCOP folder, for the README. */
record OcopSummary(
    int files,
    int plainFiles,
    int records,
    int emptyLines,
    int listings,
    int products,
    int productsInOctober,
    SortedMap<String, Integer> listingsByPlatform,
    int validSightings,
    int keys,
    int multiPlatformProducts,
    int twinListings,
    CutOff cutOff) {}
