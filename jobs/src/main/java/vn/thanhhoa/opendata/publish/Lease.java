package vn.thanhhoa.opendata.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.thanhhoa.opendata.core.Store;

/**
 * The run lock on a store without operating-system locks (HDFS, object stores): a file created
 * only if absent, naming its holder, and rewritten every minute while the run lives. A lock not
 * rewritten for five minutes was left by a run that died, and is taken over.
 *
 * <p>HDFS creates a file only-if-absent atomically. S3A in Hadoop 3.3 checks and then uploads,
 * so two runs started in the same instant could both take it; with an object-store output, let
 * one scheduler start runs (cron, or Airflow's {@code max_active_runs=1}).
 */
final class Lease implements AutoCloseable {
  static final Duration RENEW = Duration.ofMinutes(1);
  static final Duration STALE = Duration.ofMinutes(5);

  private final Store store;
  private final String location;
  private final ScheduledExecutorService renewer;

  private Lease(Store store, String location, byte[] text) {
    this.store = store;
    this.location = location;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "run-lock-renewer");
      t.setDaemon(true);
      return t;
    });
    renewer.scheduleAtFixedRate(() -> renew(text), RENEW.toSeconds(), RENEW.toSeconds(), TimeUnit.SECONDS);
  }

  /** Takes the lease, or returns null if a live run holds it. */
  static Lease tryTake(Store store, String location, String command, Consumer<String> progress) {
    byte[] text = (holderText(command) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (store.createNew(location, text)) {
        return new Lease(store, location, text);
      }
      if (store.exists(location) && store.modifiedAt(location).plus(STALE).isBefore(Instant.now())) {
        progress.accept("taking over the lock left by a run that stopped renewing it (" + holder(store, location)
            + ", last renewed " + store.modifiedAt(location) + ")");
        store.delete(location);
        if (store.createNew(location, text)) {
          return new Lease(store, location, text);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot take the run lock " + location + ": " + e.getMessage(), e);
    }
  }

  static String holder(Store store, String location) {
    try {
      String text = store.readString(location).strip();
      return text.isEmpty() ? "unknown holder" : text;
    } catch (UncheckedIOException e) {
      return "unknown holder";
    }
  }

  private static String holderText(String command) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host + ", " + command + ", since " + Instant.now();
  }

  private void renew(byte[] text) {
    try {
      store.write(location, text);
    } catch (UncheckedIOException e) {
      // The next renewal tries again; five minutes of failures let another run take over.
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      renewer.awaitTermination(30, TimeUnit.SECONDS); // a renewal in flight must not re-create the file
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.delete(location);
  }
}
