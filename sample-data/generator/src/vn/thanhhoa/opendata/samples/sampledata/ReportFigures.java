package vn.thanhhoa.opendata.samples.sampledata;

/** The indicators of one commune report. {@code pctTenths} is the smartphone share x 10. */
record ReportFigures(
    long population,
    long households,
    long teams,
    long members,
    long received,
    long onTime,
    int pctTenths,
    long fiber,
    boolean dtCompleted) {

  ReportFigures withDossiers(long newReceived, long newOnTime) {
    return new ReportFigures(
        population,
        households,
        teams,
        members,
        newReceived,
        newOnTime,
        pctTenths,
        fiber,
        dtCompleted);
  }

  ReportFigures withTeams(long newTeams, long newMembers) {
    return new ReportFigures(
        population,
        households,
        newTeams,
        newMembers,
        received,
        onTime,
        pctTenths,
        fiber,
        dtCompleted);
  }

  ReportFigures withFiber(long newFiber) {
    return new ReportFigures(
        population, households, teams, members, received, onTime, pctTenths, newFiber, dtCompleted);
  }

  ReportFigures withDt(boolean done) {
    return new ReportFigures(
        population, households, teams, members, received, onTime, pctTenths, fiber, done);
  }
}
