package vn.thanhhoa.opendata.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Spark's own log is quiet by default (log4j2.properties); {@code --verbose} opens it. */
final class Logging {
  private static volatile boolean verbose;

  private Logging() {}

  static void verbose(boolean on) {
    verbose = on;
    if (on) {
      Configurator.setRootLevel(Level.INFO);
    }
  }

  static boolean isVerbose() {
    return verbose;
  }
}
