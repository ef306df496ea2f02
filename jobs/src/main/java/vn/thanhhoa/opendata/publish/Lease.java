package vn.thanhhoa.opendata.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.thanhhoa.opendata.core.Store;

/**
 * The run lock on a store without operating-system locks (HDFS, object stores): a file created only
 * if absent, naming its holder and a token of its own, and rewritten every minute while the run
 * lives. A lock not rewritten for five minutes was left by a run that died: it is moved aside (a
 * rename, which only one of several waiting runs wins on HDFS) and taken over. A run whose lock was
 * taken over, or that could not renew it, must not publish: {@link #verify()}.
 *
 * <p>HDFS creates and renames atomically. S3A in Hadoop 3.3 checks and then uploads, so two runs
 * started in the same instant could both take it; with an object-store output, let one scheduler
 * start runs (cron, or Airflow's {@code max_active_runs=1}).
 */
final class Lease implements AutoCloseable {
  static final Duration RENEW = Duration.ofMinutes(1);
  static final Duration STALE = Duration.ofMinutes(5);

  private final Store store;
  private final String location;
  private final String token;
  private final byte[] text;
  private final ScheduledExecutorService renewer;

  /** Gives the lease back when the run is stopped (SIGTERM), so the next run need not wait. */
  private final Thread onShutdown = new Thread(this::releaseQuietly, "run-lock-release");

  private volatile Instant renewed = Instant.now();
  private volatile String lost;

  private Lease(Store store, String location, String token, byte[] text) {
    this.store = store;
    this.location = location;
    this.token = token;
    this.text = text;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "run-lock-renewer");
              t.setDaemon(true);
              return t;
            });
    renewer.scheduleAtFixedRate(
        this::renew, RENEW.toSeconds(), RENEW.toSeconds(), TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(onShutdown);
  }

  /** Takes the lease, or returns null if a live run holds it. */
  static Lease tryTake(Store store, String location, String command, Consumer<String> progress) {
    String token = UUID.randomUUID().toString();
    byte[] text =
        ("token " + token + "\n" + holderText(command) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (store.createNew(location, text)) {
        return new Lease(store, location, token, text);
      }
      if (movedAside(store, location, token, progress) && store.createNew(location, text)) {
        return new Lease(store, location, token, text);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot take the run lock " + location + ": " + e.getMessage(), e);
    }
  }

  /** Moves a stale lease aside (only one of several waiting runs wins) and deletes it. */
  private static boolean movedAside(
      Store store, String location, String token, Consumer<String> progress) throws IOException {
    if (!store.exists(location) || !stale(store, location)) {
      return false;
    }
    String holder = holder(store, location);
    String aside = location + ".stale-" + token;
    if (!store.renameIfPresent(location, aside)) {
      return false;
    }
    store.delete(aside);
    progress.accept("taking over the lock left by a run that stopped renewing it (" + holder + ")");
    return true;
  }

  private static boolean stale(Store store, String location) {
    try {
      return store.modifiedAt(location).plus(STALE).isBefore(Instant.now());
    } catch (UncheckedIOException e) {
      return false; // released meanwhile: the next attempt creates it
    }
  }

  /** Who holds the lease, when it was last renewed, and when it counts as abandoned. */
  static String holder(Store store, String location) {
    try {
      String text = store.readString(location).strip();
      String who =
          text.lines().filter(l -> !l.startsWith("token ")).findFirst().orElse("unknown holder");
      Instant at = store.modifiedAt(location);
      return who + "; last renewed " + at + ", taken over if not renewed by " + at.plus(STALE);
    } catch (UncheckedIOException e) {
      return "unknown holder";
    }
  }

  private static String holderText(String command) {
    return "pid "
        + ProcessHandle.current().pid()
        + " on "
        + host()
        + ", "
        + command
        + ", since "
        + Instant.now();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }

  /**
   * Whether the lease file still holds this run's token; a read error is thrown, not taken as "no".
   */
  private boolean ours() {
    return store.exists(location) && store.readString(location).startsWith("token " + token + "\n");
  }

  private void renew() {
    try {
      if (!ours()) {
        lost = "another run took the lock " + location + " over";
        renewer.shutdown();
        return;
      }
      store.writeAtomically(
          location, text); // never seen empty, as a rewrite in place would be on HDFS
      renewed = Instant.now();
    } catch (UncheckedIOException e) {
      failedRenewal(e);
    }
  }

  /** A failed renewal loses the lease once it may count as stale for other runs. */
  private void failedRenewal(UncheckedIOException e) {
    if (renewed.plus(STALE).isBefore(Instant.now())) {
      lost =
          "the lock " + location + " could not be renewed since " + renewed + ": " + e.getMessage();
    }
  }

  /** Throws unless this run still holds the lease: checked before anything is published. */
  void verify() {
    if (lost == null && !ours()) {
      lost = "another run took the lock " + location + " over";
    }
    if (lost != null) {
      throw new IllegalStateException("this run lost its lock, so it must not publish: " + lost);
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(onShutdown);
    } catch (IllegalStateException e) {
      // already shutting down: the hook releases the lease
    }
    release();
  }

  /** Best effort: Hadoop may have closed its filesystems first; the lease then goes stale. */
  private void releaseQuietly() {
    try {
      release();
    } catch (RuntimeException e) {
      // nothing more to do while the JVM stops
    }
  }

  private synchronized void release() {
    renewer.shutdownNow();
    try {
      renewer.awaitTermination(
          30, TimeUnit.SECONDS); // a renewal in flight must not re-create the file
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (ours()) {
        store.delete(location);
      }
    } catch (UncheckedIOException e) {
      // unreadable now: left to go stale, then taken over
    }
  }
}
