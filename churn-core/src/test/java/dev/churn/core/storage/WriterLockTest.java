package dev.churn.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

  @TempDir Path dir;

  @Test
  void tryAcquire_heldInSameJvm_returnsEmptyUntilClosed() {
    Optional<WriterLock> first = WriterLock.tryAcquire(dir);
    assertThat(first).isPresent();

    assertThat(WriterLock.tryAcquire(dir)).isEmpty();

    first.get().close();
    Optional<WriterLock> second = WriterLock.tryAcquire(dir);
    assertThat(second).isPresent();
    second.get().close();
  }

  @Test
  void tryAcquire_differentSpellingOfSameDirectory_isStillExclusive() throws IOException {
    try (WriterLock lock = WriterLock.tryAcquire(dir).orElseThrow()) {
      Files.createDirectories(dir.resolve("sub"));
      assertThat(WriterLock.tryAcquire(dir.resolve("sub/..").resolve("."))).isEmpty();
      assertThat(lock.directory()).isEqualTo(lock.lockFile().getParent());
    }
  }

  @Test
  void tryAcquire_missingDirectory_createsItAndLockFile() {
    Path home = dir.resolve("churn-home");

    try (WriterLock lock = WriterLock.tryAcquire(home).orElseThrow()) {
      assertThat(lock.lockFile()).exists();
      assertThat(lock.lockFile().getFileName().toString()).isEqualTo(WriterLock.LOCK_FILE_NAME);
    }
  }

  @Test
  void acquire_heldInSameJvm_timesOutWithClearMessage() {
    try (WriterLock held = WriterLock.acquire(dir, Duration.ofSeconds(1))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> WriterLock.acquire(dir, Duration.ofMillis(150)))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("is locked by pid " + ProcessHandle.current().pid())
          .hasMessageContaining("since ")
          .hasMessageContaining("another thread of this process is writing")
          .hasMessageContaining("PT0.15S");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
      assertThat(held.isHeld()).isTrue();
    }
  }

  @Test
  void acquire_releasedWhileWaiting_succeeds() throws Exception {
    WriterLock held = WriterLock.acquire(dir, Duration.ZERO);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<WriterLock> waiting = executor.submit(() -> WriterLock.acquire(dir, Duration.ofSeconds(5)));
      Thread.sleep(50);
      held.close();

      try (WriterLock second = waiting.get(5, TimeUnit.SECONDS)) {
        assertThat(second.isHeld()).isTrue();
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void acquire_negativeTimeout_throwsIllegalArgument() {
    assertThatThrownBy(() -> WriterLock.acquire(dir, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout")
        .hasMessageContaining("PT-0.001S");
  }

  @Test
  void close_calledTwice_isHarmless() {
    WriterLock lock = WriterLock.tryAcquire(dir).orElseThrow();

    lock.close();
    lock.close();

    assertThat(lock.isHeld()).isFalse();
    assertThat(WriterLock.tryAcquire(dir)).hasValueSatisfying(WriterLock::close);
  }

  @Test
  void lockFile_whileHeld_recordsHolder() throws IOException {
    try (WriterLock lock = WriterLock.tryAcquire(dir).orElseThrow()) {
      String content = Files.readString(lock.lockFile(), UTF_8);

      assertThat(content)
          .contains("pid=" + ProcessHandle.current().pid())
          .contains("host=")
          .contains("since=");
    }
  }

  @Test
  @Timeout(20)
  void acquire_manyThreads_neverOverlap() throws Exception {
    int threads = 8;
    int rounds = 20;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  for (int r = 0; r < rounds; r++) {
                    try (WriterLock lock = WriterLock.acquire(dir, Duration.ofSeconds(10))) {
                      assertThat(lock.isHeld()).isTrue();
                      maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                      Thread.yield();
                      inside.decrementAndGet();
                      completed.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(15, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(maxInside.get()).isEqualTo(1);
    assertThat(completed.get()).isEqualTo(threads * rounds);
  }

  @Test
  @Timeout(30)
  void tryAcquire_otherProcessWhileHeld_failsThenSucceedsAfterRelease() throws Exception {
    try (WriterLock held = WriterLock.acquire(dir, Duration.ZERO)) {
      assertThat(held.isHeld()).isTrue();
      ProbeResult whileHeld = runProbe("try");
      assertThat(whileHeld.exitCode()).as(whileHeld.output()).isEqualTo(3);
      assertThat(whileHeld.output()).contains("BUSY");
    }

    ProbeResult afterRelease = runProbe("try");
    assertThat(afterRelease.exitCode()).as(afterRelease.output()).isZero();
    assertThat(afterRelease.output()).contains("ACQUIRED");
  }

  @Test
  @Timeout(30)
  void acquire_heldByOtherProcess_namesThatProcessThenSucceedsAfterRelease() throws Exception {
    Process child = startProbe("hold");
    try (BufferedReader childOut =
            new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
        Writer childIn = new OutputStreamWriter(child.getOutputStream(), UTF_8)) {
      String heldLine = childOut.readLine();
      assertThat(heldLine).as("child output").startsWith("HELD ");
      long childPid = child.pid();

      assertThat(WriterLock.tryAcquire(dir)).isEmpty();
      assertThatThrownBy(() -> WriterLock.acquire(dir, Duration.ofMillis(100)))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("is locked by pid " + childPid)
          .hasMessageContaining("another process is writing");

      childIn.write("release\n");
      childIn.flush();
      try (WriterLock lock = WriterLock.acquire(dir, Duration.ofSeconds(10))) {
        assertThat(lock.isHeld()).isTrue();
      }
      assertThat(childOut.readLine()).isEqualTo("RELEASED");
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isZero();
    } finally {
      child.destroyForcibly();
    }
  }

  private record ProbeResult(int exitCode, String output) {}

  private ProbeResult runProbe(String mode) throws Exception {
    Process process = startProbe(mode);
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new ProbeResult(process.exitValue(), output);
  }

  private Process startProbe(String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            LockProbeMain.class.getName(),
            mode,
            dir.toString())
        .redirectErrorStream(true)
        .start();
  }
}
