package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.thanhhoa.opendata.core.Layout;

/** The releases under {@code releases/}: which are complete, which is current, retention, rollback. */
public final class Releases {
  private final Layout layout;

  public Releases(Layout layout) {
    this.layout = layout;
  }

  /** One release folder; complete = its run report says it was published. */
  public record Info(String id, boolean complete, boolean current, String status, String finishedAt, int changedDatasets) {}

  /** Every release, oldest first. */
  public List<Info> list() {
    Path folder = Paths.get(layout.releases());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    String current = current().map(p -> p.getFileName().toString()).orElse("");
    try (Stream<Path> all = Files.list(folder)) {
      List<Info> infos = new ArrayList<>();
      for (Path release : all.filter(Files::isDirectory).sorted().toList()) {
        JsonNode report = Feed.read(release.resolve("run-report.json"));
        String status = report == null ? "incomplete" : report.path("status").asText("incomplete");
        int changed = 0;
        if (report != null) {
          for (JsonNode d : report.path("datasets")) {
            changed += d.path("changed").asBoolean() ? 1 : 0;
          }
        }
        String id = release.getFileName().toString();
        infos.add(new Info(id, "published".equals(status), id.equals(current), status,
            report == null ? null : report.path("finished_at").asText(null), changed));
      }
      return infos;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /** The release {@code current} points at. */
  public Optional<Path> current() {
    Path link = Paths.get(layout.current());
    try {
      return Files.exists(link) ? Optional.of(link.toRealPath()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + link, e);
    }
  }

  /**
   * Removes what a run lock holder may remove: releases that never completed (a run that died
   * or was rejected) and complete ones beyond the newest {@code keep}. The current release stays.
   */
  public List<String> prune(int keep) {
    List<Info> all = list();
    List<Info> complete = all.stream().filter(Info::complete).toList();
    List<String> removed = new ArrayList<>();
    for (Info info : all) {
      boolean old = info.complete() && complete.indexOf(info) < complete.size() - keep;
      if (!info.current() && (!info.complete() || old)) {
        delete(Paths.get(layout.release(info.id())));
        removed.add(info.id());
      }
    }
    return removed;
  }

  /** The complete release to roll back to: the one given, or the newest complete one before current. */
  public Info rollbackTarget(Optional<String> to) {
    List<Info> all = list();
    if (to.isPresent()) {
      return all.stream().filter(i -> i.id().equals(to.get())).findFirst()
          .filter(Info::complete)
          .orElseThrow(() -> new IllegalArgumentException("--to: no complete release " + to.get() + " under " + layout.releases()));
    }
    int current = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).current()) {
        current = i;
      }
    }
    for (int i = current - 1; i >= 0; i--) {
      if (all.get(i).complete()) {
        return all.get(i);
      }
    }
    throw new IllegalArgumentException("no complete release before the current one to roll back to");
  }

  private static void delete(Path dir) {
    try {
      vn.thanhhoa.opendata.core.Folders.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove release " + dir, e);
    }
  }
}
