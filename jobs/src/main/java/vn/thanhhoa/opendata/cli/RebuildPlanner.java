package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.thanhhoa.opendata.ingest.Ingest;
import vn.thanhhoa.opendata.transform.Build;

/**
 * Decides what a run rebuilds: which datasets and months, from what changed and whether the rest of
 * the published release can be kept (it is made from the staging tables as they are).
 */
final class RebuildPlanner {
  private final RunContext context;
  private final PublishedState state;

  RebuildPlanner(RunContext context, PublishedState state) {
    this.context = context;
    this.state = state;
  }

  /**
   * What to build after an ingest: nothing when no source and no configuration changed and the
   * published release is in step with the staging tables; otherwise the datasets built from the
   * changed sources, limited to the months the new rows touched when only new files arrived;
   * everything after a full ingest, a configuration change, on an empty output, or when the
   * published release was out of step before this run (see {@link PublishedState}). After a
   * rollback: nothing while nothing changes, then everything.
   */
  Optional<Build.Selection> afterIngest(Ingested ingested, boolean full) {
    List<Ingest.Outcome> changed = ingested.changed();
    boolean published = context.currentRelease().isPresent();
    if (published && !full && changed.isEmpty() && state.rollbackHolds()) {
      return Optional.empty(); // a rollback holds until landing files or the configuration change
    }
    if (rebuildsEverything(full, ingested.wasInStep())) {
      return Optional.of(Build.Selection.ALL);
    }
    return changed.isEmpty() ? Optional.empty() : Optional.of(changedOnly(changed));
  }

  /**
   * Whether a run rebuilds every dataset over the whole range whatever its ingest finds: a full
   * run, one with nothing published yet or a configuration change, or one that began with the
   * published release out of step with the staging tables ({@code wasInStep} false).
   */
  boolean rebuildsEverything(boolean full, boolean wasInStep) {
    return full || context.currentRelease().isEmpty() || !wasInStep || state.configurationChanged();
  }

  /** The datasets built from the changed sources; only the touched months if files were added. */
  private Build.Selection changedOnly(List<Ingest.Outcome> changed) {
    List<String> datasets = datasetsOf(changed);
    if (changed.stream().allMatch(o -> o.change() == Ingest.Change.NEW_FILES)) {
      List<String> touched =
          changed.stream().flatMap(o -> o.touchedPeriods().stream()).sorted().toList();
      if (!touched.isEmpty()) {
        return new Build.Selection(datasets, touched.get(0), touched.get(touched.size() - 1));
      }
    }
    return new Build.Selection(datasets, null, null);
  }

  private List<String> datasetsOf(List<Ingest.Outcome> changed) {
    Set<String> sources = new TreeSet<>();
    changed.forEach(o -> sources.add(o.report().source()));
    return context.catalog().datasets().stream()
        .filter(d -> d.sources().stream().anyMatch(sources::contains))
        .map(d -> d.name())
        .toList();
  }

  /**
   * The selection of a back-fill or a build, as asked, while the published release is in step with
   * the staging tables; otherwise everything, since the rest of that release cannot be kept.
   */
  Build.Selection keepingInStep(Build.Selection asked) {
    if (asked.equals(Build.Selection.ALL) || state.inStep() || context.currentRelease().isEmpty()) {
      return asked;
    }
    context
        .console()
        .progress(
            "the published release was not made from the staging tables as they are now (a "
                + "rollback, an ingest without a build, or a changed landing file): rebuilding "
                + "every dataset over the whole range");
    return Build.Selection.ALL;
  }
}
