package vn.thanhhoa.opendata.samples.sampledata;

/**
 * A re-upload of a day file cut off part-way: {@code bytes} of the {@code fullBytes} compressed
 * bytes; the first {@code completeLines} lines decode whole, the rest is one unreadable record.
 */
record CutOff(
    String name,
    String original,
    int bytes,
    int fullBytes,
    int completeLines,
    int records,
    int validRecords,
    int emptyLines) {}
