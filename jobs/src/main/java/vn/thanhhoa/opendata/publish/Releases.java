package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.Store;

/**
 * The releases under {@code releases/}: which are complete, which is current, retention, rollback.
 */
public final class Releases {
  private final Store store;
  private final Layout layout;

  public Releases(Store store, Layout layout) {
    this.store = store;
    this.layout = layout;
  }

  /**
   * One release folder; complete = published: its run report says so, and it is not newer than the
   * current one. {@code restores} = the release whose datasets a rollback published again in it
   * (null otherwise).
   */
  public record Info(
      String id,
      boolean complete,
      boolean current,
      String status,
      String finishedAt,
      int changedDatasets,
      String restores) {}

  /** Every release, oldest first. */
  public List<Info> list() {
    String current = currentId().orElse("");
    List<Info> infos = new ArrayList<>();
    for (String id : store.list(layout.releases()).stream().sorted(Layout.RUN_ORDER).toList()) {
      if (store.isDirectory(layout.release(id))) {
        infos.add(info(id, current));
      }
    }
    return infos;
  }

  private Info info(String id, String current) {
    JsonNode report = Feed.read(store, layout.release(id) + "/run-report.json");
    String status = report == null ? "incomplete" : report.path("status").asText("incomplete");
    if ("published".equals(status)
        && (current.isEmpty() || Layout.RUN_ORDER.compare(id, current) > 0)) {
      // Newer than the current release (ids only grow, and every publish and rollback moves
      // current to a new one), or no release current at all: a run stopped between writing
      // its report and switching. Valid, but never published.
      status = "not-switched";
    }
    return new Info(
        id,
        "published".equals(status),
        id.equals(current),
        status,
        report == null ? null : report.path("finished_at").asText(null),
        changedDatasets(report),
        report == null ? null : report.path("restores").asText(null));
  }

  private static int changedDatasets(JsonNode report) {
    int changed = 0;
    if (report != null) {
      for (JsonNode d : report.path("datasets")) {
        changed += d.path("changed").asBoolean() ? 1 : 0;
      }
    }
    return changed;
  }

  /** The folder of the published release, if any. */
  public Optional<String> current() {
    return currentId().map(layout::release);
  }

  /**
   * The id of the published release: the target of the {@code current} link on a local disk, else
   * the release {@code current.json} names (also read locally, for a copy of an HDFS or
   * object-store output).
   */
  public Optional<String> currentId() {
    if (store.isLocal() && Files.isSymbolicLink(store.localPath(layout.current()))) {
      return linkTarget(store.localPath(layout.current()));
    }
    JsonNode pointer = Feed.read(store, layout.pointer());
    if (pointer == null) {
      return Optional.empty();
    }
    String id = pointer.path("release").asText("");
    if (id.isEmpty() || id.contains("/") || id.startsWith(".")) {
      throw new IllegalStateException(layout.pointer() + " does not name a release: " + pointer);
    }
    return Optional.of(id);
  }

  /** The release a {@code current} link points at; none if it dangles. */
  private static Optional<String> linkTarget(Path link) {
    try {
      return Files.exists(link)
          ? Optional.of(link.toRealPath().getFileName().toString())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + link, e);
    }
  }

  /**
   * Removes what a run lock holder may remove: releases that never completed (a run that died or
   * was rejected) and complete ones beyond the newest {@code keep}. The current release stays.
   */
  public List<String> prune(int keep) {
    List<Info> all = list();
    List<Info> complete = all.stream().filter(Info::complete).toList();
    List<String> removed = new ArrayList<>();
    for (Info info : all) {
      boolean old = info.complete() && complete.indexOf(info) < complete.size() - keep;
      if (!info.current() && (!info.complete() || old)) {
        // The report first: a prune cut short must not leave a partial release listed as complete.
        store.delete(layout.release(info.id()) + "/run-report.json");
        store.delete(layout.release(info.id()));
        removed.add(info.id());
      }
    }
    return removed;
  }

  /**
   * The complete release to roll back to: the one given, or the newest complete one before the
   * current release (before the release it restores, if the current one is itself a rollback, so
   * that rolling back twice goes further back rather than undoing the first).
   */
  public Info rollbackTarget(Optional<String> to) {
    List<Info> all = list();
    if (to.isPresent()) {
      return named(all, to.get());
    }
    Info current =
        all.stream()
            .filter(Info::current)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("no published release to roll back from"));
    String from = current.restores() != null ? current.restores() : current.id();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).complete() && Layout.RUN_ORDER.compare(all.get(i).id(), from) < 0) {
        return all.get(i);
      }
    }
    throw new IllegalArgumentException("no complete release before " + from + " to roll back to");
  }

  private Info named(List<Info> all, String id) {
    return all.stream()
        .filter(i -> i.id().equals(id))
        .findFirst()
        .filter(Info::complete)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--to: no complete release " + id + " under " + layout.releases()));
  }
}
