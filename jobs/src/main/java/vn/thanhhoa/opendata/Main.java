package vn.thanhhoa.opendata;

import vn.thanhhoa.opendata.cli.PipelineCommand;

/** Entry point of the jar: {@code java … vn.thanhhoa.opendata.Main nightly …}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(PipelineCommand.run(args));
  }
}
