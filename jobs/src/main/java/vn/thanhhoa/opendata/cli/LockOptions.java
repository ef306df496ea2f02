package vn.thanhhoa.opendata.cli;

import picocli.CommandLine.Option;

/** For commands that change the output folder and so take the run lock. */
final class LockOptions {
  @Option(
      names = "--wait",
      description = "If another run holds the lock, wait for it instead of exiting 75.")
  boolean wait;
}
