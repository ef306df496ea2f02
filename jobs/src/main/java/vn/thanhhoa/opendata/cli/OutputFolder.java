package vn.thanhhoa.opendata.cli;

import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.Sparks;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.publish.Releases;

/** The configured output folder: its layout, and the filesystem it is on. */
record OutputFolder(Layout layout, Store store) {
  /** Opens it; an unknown scheme or an unreachable store is a configuration error (exit 2). */
  static OutputFolder open(PipelineConfig config) {
    try {
      Store store =
          Store.at(config.output(), Store.configuration(Sparks.settings(config)))
              .requireAtomicReplace(config.output());
      return new OutputFolder(new Layout(config.output()), store);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "output: cannot open " + config.output() + ": " + Failures.describe(e));
    }
  }

  Releases releases() {
    return new Releases(store, layout);
  }
}
