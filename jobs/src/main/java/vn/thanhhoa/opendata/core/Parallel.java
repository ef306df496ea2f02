package vn.thanhhoa.opendata.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs independent pieces of a stage (a source's ingest, a dataset's build) side by side on the
 * driver: each submits its own Spark jobs, so one piece's planning, code generation and small tasks
 * overlap another's instead of leaving cores idle. Results come back in the given order.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Applies {@code work} to every item, at most {@code threads} at a time, and hands each result to
   * {@code done} in the items' order as soon as it and all before it are finished. The first
   * failure (in that order) is thrown once every piece has stopped.
   */
  public static <T, R> List<R> map(
      List<T> items, int threads, Function<T, R> work, Consumer<R> done) {
    ExecutorService pool = pool(Math.max(1, Math.min(threads, items.size())));
    try {
      return inOrder(submitAll(pool, items, work), done);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T, R> List<Future<R>> submitAll(
      ExecutorService pool, List<T> items, Function<T, R> work) {
    List<Future<R>> futures = new ArrayList<>();
    items.forEach(item -> futures.add(pool.submit(() -> work.apply(item))));
    return futures;
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(threads, Parallel::worker);
  }

  private static Thread worker(Runnable r) {
    Thread t = new Thread(r, "pipeline-worker");
    t.setDaemon(true);
    return t;
  }

  /** Waits for every piece; results up to the first failure go to {@code done}. */
  private static <R> List<R> inOrder(List<Future<R>> futures, Consumer<R> done) {
    List<R> results = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      RuntimeException failure = deliver(futures.get(i), results, done);
      if (failure != null) {
        awaitRest(futures.subList(i + 1, futures.size()));
        throw failure;
      }
    }
    return results;
  }

  /** Waits for one piece and hands its result on; its failure is returned, not thrown. */
  private static <R> RuntimeException deliver(Future<R> f, List<R> results, Consumer<R> done) {
    try {
      R r = f.get();
      results.add(r);
      done.accept(r);
      return null;
    } catch (ExecutionException e) {
      return unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new IllegalStateException("interrupted", e);
    }
  }

  /** Lets the pieces after a failure stop; their results and failures no longer count. */
  private static void awaitRest(List<? extends Future<?>> rest) {
    for (Future<?> f : rest) {
      try {
        f.get();
      } catch (ExecutionException e) {
        // ignored: the earlier failure is the one thrown
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RuntimeException unwrap(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }
}
