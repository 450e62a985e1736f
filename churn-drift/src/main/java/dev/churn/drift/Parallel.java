package dev.churn.drift;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

/** Runs independent per-column work on a fork-join pool of a given size. */
final class Parallel {
  private Parallel() {}

  /**
   * Calls {@code task} for {@code 0 <= i < n}, on up to {@code parallelism} threads, and returns
   * when all calls have; an exception of one call is rethrown. Each thread hands its calls the
   * same {@link Scratch}, which is dropped afterwards (the pool's threads end with the call).
   */
  static void forEach(int n, int parallelism, ObjIntConsumer<Scratch> task) {
    if (parallelism <= 1 || n <= 1) {
      Scratch scratch = new Scratch();
      for (int i = 0; i < n; i++) {
        task.accept(scratch, i);
      }
      return;
    }
    ThreadLocal<Scratch> local = ThreadLocal.withInitial(Scratch::new);
    ForkJoinPool pool = new ForkJoinPool(Math.min(parallelism, n));
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> task.accept(local.get(), i)))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing drift statistics", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdown();
    }
  }
}
