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

/**
 * The run lock, {@code state/run.lock}: an operating-system lock on the file, held for the
 * whole run. The system releases it when the holder dies, even by SIGKILL, so a lock left by a
 * dead process is simply taken over; the file's text says who holds (or held) it.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
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
  public static RunLock acquire(Path state, String command, boolean wait, Consumer<String> progress) {
    Path file = state.resolve("run.lock");
    long waited = 0;
    while (true) {
      RunLock lock = tryAcquire(file, command, progress);
      if (lock != null) {
        return lock;
      }
      String holder = holder(file);
      if (!wait) {
        throw new Held("another run holds the lock " + file + " (" + holder + "); try again later or use --wait");
      }
      if (waited % 30 == 0) {
        progress.accept("waiting for the lock held by " + holder);
      }
      sleep();
      waited++;
    }
  }

  private static RunLock tryAcquire(Path file, String command, Consumer<String> progress) {
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this JVM already runs a pipeline
      }
      if (lock == null) {
        channel.close();
        return null;
      }
      String previous = read(channel);
      if (!previous.isBlank()) {
        progress.accept("taking over the lock left by a run that died (" + previous.strip() + ")");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + command + ", since "
          + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new RunLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the run lock " + file, e);
    }
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

  /** Releases the lock and clears the holder's text (a clean exit leaves nothing to take over). */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot release the run lock", e);
    }
  }
}
