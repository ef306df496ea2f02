package vn.thanhhoa.opendata.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;
import vn.thanhhoa.opendata.core.Store;

/**
 * The run lock, {@code state/run.lock}, held for the whole run. On a local disk it is an
 * operating-system lock on the file: the system releases it when the holder dies, even by SIGKILL,
 * so a lock left by a dead process is simply taken over; the file's text says who holds (or held)
 * it. On HDFS and object stores, which have no such locks, it is a {@link Lease}.
 */
public final class RunLock implements AutoCloseable {
  private final AutoCloseable held;

  private RunLock(AutoCloseable held) {
    this.held = held;
  }

  /** Another live run holds the lock. */
  public static final class Held extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Held(String message) {
      super(message);
    }
  }

  /**
   * Takes the lock; if another run holds it, throws {@link Held}, or with {@code wait} polls until
   * it is free, telling {@code progress} every 30 seconds.
   */
  public static RunLock acquire(
      Store store, String state, String command, boolean wait, Consumer<String> progress) {
    String location = state + "/run.lock";
    long waited = 0;
    while (true) {
      AutoCloseable held = tryTake(store, location, command, progress);
      if (held != null) {
        return new RunLock(held);
      }
      String holder =
          store.isLocal() ? holder(store.localPath(location)) : Lease.holder(store, location);
      if (!wait) {
        throw new Held(
            "another run holds the lock "
                + location
                + " ("
                + holder
                + "); try again later or use --wait");
      }
      if (waited % 30 == 0) {
        progress.accept("waiting for the lock held by " + holder);
      }
      sleep();
      waited++;
    }
  }

  /** An operating-system lock on a local disk, else a lease; null while another run holds it. */
  private static AutoCloseable tryTake(
      Store store, String location, String command, Consumer<String> progress) {
    return store.isLocal()
        ? tryAcquire(store.localPath(location), command, progress)
        : Lease.tryTake(store, location, command, progress);
  }

  private static AutoCloseable tryAcquire(Path file, String command, Consumer<String> progress) {
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        return null;
      }
      return take(channel, lock, command, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the run lock " + file, e);
    }
  }

  /** Signs the locked file with this run; closing it releases the lock and clears the file. */
  private static AutoCloseable take(
      FileChannel channel, FileLock lock, String command, Consumer<String> progress)
      throws IOException {
    String previous = read(channel);
    if (!previous.isBlank()) {
      progress.accept("taking over the lock left by a run that died (" + previous.strip() + ")");
    }
    stamp(channel, command);
    return () -> {
      channel.truncate(0); // a clean exit leaves nothing to take over
      lock.release();
      channel.close();
    };
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this JVM already runs a pipeline
    }
  }

  /** Writes who holds the lock into the lock file. */
  private static void stamp(FileChannel channel, String command) throws IOException {
    String holder =
        "pid " + ProcessHandle.current().pid() + ", " + command + ", since " + Instant.now() + "\n";
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static String holder(Path file) {
    try {
      String text = Files.readString(file).strip();
      return text.isEmpty() ? "unknown holder" : text;
    } catch (IOException e) {
      return "unknown holder";
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Held("interrupted while waiting for the run lock");
    }
  }

  /** Throws unless this run still holds the lock (a lease can be lost; an OS lock cannot). */
  public void verify() {
    if (held instanceof Lease lease) {
      lease.verify();
    }
  }

  /** Releases the lock; a clean exit leaves nothing for the next run to take over. */
  @Override
  public void close() {
    try {
      held.close();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot release the run lock: " + e.getMessage(), e);
    }
  }
}
