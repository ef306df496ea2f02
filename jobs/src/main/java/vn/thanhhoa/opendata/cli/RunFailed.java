package vn.thanhhoa.opendata.cli;

/** A stage of a run failed: the run is recorded as failed and nothing was published. */
final class RunFailed extends RuntimeException {
  RunFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
