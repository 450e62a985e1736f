package dev.churn.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive right to write into a directory, held by at most one thread in at most one process at a
 * time. Readers do not take it; everything that modifies the store does.
 *
 * <p>The lock is an operating-system lock ({@link FileChannel#tryLock()}) on a file named {@value
 * #LOCK_FILE_NAME} in the directory, so it is released by the operating system if the holding
 * process dies. Because such locks belong to the whole JVM, threads of one JVM are additionally
 * excluded through a static registry of locked directories (keyed by the directory's real path), so
 * a second acquisition in the same JVM waits or reports "busy" instead of failing with {@link
 * OverlappingFileLockException}. While held, the lock file records the holder (pid, host, thread,
 * time) so that a blocked writer can say who holds it. The lock file is never deleted: deleting it
 * would let two processes lock two different files of the same name.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * try (WriterLock lock = WriterLock.acquire(churnHome, Duration.ofSeconds(10))) {
 *   AtomicFiles.writeString(churnHome.resolve("registry.json"), json);
 * }
 *
 * Optional<WriterLock> maybe = WriterLock.tryAcquire(churnHome);   // does not wait
 * }</pre>
 *
 * <p>The lock is not reentrant: acquiring it again from the thread that holds it waits until the
 * timeout. It can be closed from any thread; closing twice is harmless. Code in the same JVM must not
 * open and close the lock file by other means: on POSIX systems closing any channel to a file drops
 * all of the process's locks on it.
 */
public final class WriterLock implements AutoCloseable {

  /** Name of the lock file created in the locked directory. */
  public static final String LOCK_FILE_NAME = ".lock";

  private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);

  /** Directories (real paths) locked by this JVM, with their holder. */
  private static final ConcurrentMap<Path, Holder> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

  /** Monitor notified whenever a lock of this JVM is released, so local waiters wake at once. */
  private static final Object RELEASE_SIGNAL = new Object();

  /** Incremented on every release in this JVM; guarded by {@link #RELEASE_SIGNAL}. */
  private static long releaseCount;

  private static final long MIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int MAX_HOLDER_BYTES = 4096;

  private final Path directory;
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock fileLock;
  private final Holder holder;
  private final AtomicBoolean released = new AtomicBoolean();

  private WriterLock(Path directory, Path lockFile, FileChannel channel, FileLock fileLock, Holder holder) {
    this.directory = directory;
    this.lockFile = lockFile;
    this.channel = channel;
    this.fileLock = fileLock;
    this.holder = holder;
  }

  /**
   * Takes the lock on {@code dir} if it is free right now.
   *
   * @param dir the directory to lock; created if missing
   * @return the held lock, or empty if another thread or process holds it
   * @throws StorageException if the directory or lock file cannot be created or opened
   */
  public static Optional<WriterLock> tryAcquire(Path dir) {
    Objects.requireNonNull(dir, "dir");
    return Optional.ofNullable(attempt(realDirectory(dir)).lock());
  }

  /**
   * Takes the lock on {@code dir}, waiting up to {@code timeout} for the current holder to release
   * it.
   *
   * @param dir the directory to lock; created if missing
   * @param timeout how long to wait; {@link Duration#ZERO} tries exactly once
   * @return the held lock
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws StorageException if the lock is still held by someone else when the timeout expires
   *     (the message names the holder, e.g. "is locked by pid 1234 ... since ...; another process
   *     is writing"), if the waiting thread is interrupted (its interrupt flag is kept), or if the
   *     lock file cannot be opened
   */
  public static WriterLock acquire(Path dir, Duration timeout) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, but was " + timeout);
    }
    Path real = realDirectory(dir);
    long start = System.nanoTime();
    long timeoutNanos = saturatedNanos(timeout);
    long pollNanos = MIN_POLL_NANOS;
    boolean loggedWait = false;
    while (true) {
      long releasesBefore = releaseCount();
      Attempt attempt = attempt(real);
      if (attempt.lock() != null) {
        return attempt.lock();
      }
      long remaining = timeoutNanos - (System.nanoTime() - start);
      if (remaining <= 0) {
        throw new StorageException(attempt.busyMessage() + " (gave up after waiting " + timeout + ")");
      }
      if (!loggedWait) {
        LOG.info("Waiting up to {} for the writer lock: {}", timeout, attempt.busyMessage());
        loggedWait = true;
      }
      try {
        awaitReleaseOrTimeout(releasesBefore, Math.min(pollNanos, remaining));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException("Interrupted while waiting for the writer lock on " + real, e);
      }
      pollNanos = Math.min(pollNanos * 2, MAX_POLL_NANOS);
    }
  }

  /**
   * Returns the locked directory.
   *
   * @return the real (canonical) path of the locked directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * Returns the lock file.
   *
   * @return the path of the {@value #LOCK_FILE_NAME} file in the locked directory
   */
  public Path lockFile() {
    return lockFile;
  }

  /**
   * Tells whether this lock is still held, i.e. has not been closed.
   *
   * @return true until {@link #close()} is called
   */
  public boolean isHeld() {
    return !released.get() && fileLock.isValid();
  }

  /**
   * Releases the lock. Calling it again does nothing.
   *
   * @throws StorageException if the operating-system lock cannot be released
   */
  @Override
  public void close() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    try {
      try {
        channel.truncate(0); // forget the holder; best effort
      } catch (IOException e) {
        LOG.debug("Cannot clear holder information in {}", lockFile, e);
      }
      try {
        fileLock.release();
      } finally {
        channel.close();
      }
      LOG.debug("Released writer lock on {}", directory);
    } catch (IOException e) {
      throw new StorageException("Cannot release the writer lock " + lockFile + ": " + e, e);
    } finally {
      HELD_IN_THIS_JVM.remove(directory, holder);
      synchronized (RELEASE_SIGNAL) {
        releaseCount++;
        RELEASE_SIGNAL.notifyAll();
      }
    }
  }

  @Override
  public String toString() {
    return "WriterLock[" + directory + (isHeld() ? ", held by " + holder.describe() : ", released") + "]";
  }

  private static Path realDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
      return dir.toRealPath();
    } catch (IOException e) {
      throw new StorageException("Cannot create or resolve directory " + dir + " to lock it: " + e, e);
    }
  }

  private static long releaseCount() {
    synchronized (RELEASE_SIGNAL) {
      return releaseCount;
    }
  }

  /**
   * Waits until a lock of this JVM is released after {@code releasesBefore} was read, or for {@code
   * nanos}, whichever comes first. A holder in another process gives no signal, hence the bound.
   */
  private static void awaitReleaseOrTimeout(long releasesBefore, long nanos)
      throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    synchronized (RELEASE_SIGNAL) {
      long remaining = nanos;
      while (releaseCount == releasesBefore && remaining > 0) {
        TimeUnit.NANOSECONDS.timedWait(RELEASE_SIGNAL, remaining);
        remaining = deadline - System.nanoTime();
      }
    }
  }

  private static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** One non-blocking attempt; either returns a lock or says who holds it. */
  private static Attempt attempt(Path real) {
    Holder me = Holder.current();
    Holder other = HELD_IN_THIS_JVM.putIfAbsent(real, me);
    if (other != null) {
      return Attempt.busy(
          real + " is locked by " + other.describe() + "; another thread of this process is writing");
    }
    Path lockFile = real.resolve(LOCK_FILE_NAME);
    FileChannel channel = null;
    boolean acquired = false;
    try {
      channel =
          FileChannel.open(
              lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock fileLock;
      try {
        fileLock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Only possible if code outside this class locked the file in this JVM.
        fileLock = null;
      }
      if (fileLock == null) {
        return Attempt.busy(
            real + " is locked by " + readHolder(channel) + "; another process is writing");
      }
      writeHolder(channel, me);
      acquired = true;
      LOG.debug("Acquired writer lock on {}", real);
      return Attempt.acquired(new WriterLock(real, lockFile, channel, fileLock, me));
    } catch (IOException e) {
      throw new StorageException("Cannot open or lock " + lockFile + ": " + e, e);
    } finally {
      if (!acquired) {
        closeQuietly(channel, lockFile);
        HELD_IN_THIS_JVM.remove(real, me);
      }
    }
  }

  private static void writeHolder(FileChannel channel, Holder holder) throws IOException {
    ByteBuffer content = ByteBuffer.wrap(holder.toFileContent().getBytes(StandardCharsets.UTF_8));
    channel.truncate(0);
    long position = 0;
    while (content.hasRemaining()) {
      position += channel.write(content, position);
    }
    channel.force(false);
  }

  private static String readHolder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(MAX_HOLDER_BYTES);
      long position = 0;
      int n;
      while (buffer.hasRemaining() && (n = channel.read(buffer, position)) > 0) {
        position += n;
      }
      String content = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      return Holder.describeFileContent(content);
    } catch (IOException e) {
      // On Windows the locked region cannot be read by other processes.
      return "another process (holder details unreadable: " + e.getMessage() + ")";
    }
  }

  private static void closeQuietly(FileChannel channel, Path lockFile) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("Cannot close {}", lockFile, e);
    }
  }

  private record Attempt(WriterLock lock, String busyMessage) {
    static Attempt acquired(WriterLock lock) {
      return new Attempt(lock, null);
    }

    static Attempt busy(String message) {
      return new Attempt(null, message);
    }
  }

  /** Who holds a lock. Compared by identity: each attempt registers its own instance. */
  private static final class Holder {
    private static final String HOST = hostName();

    private final long pid;
    private final String host;
    private final String thread;
    private final Instant since;

    private Holder(long pid, String host, String thread, Instant since) {
      this.pid = pid;
      this.host = host;
      this.thread = thread;
      this.since = since;
    }

    static Holder current() {
      return new Holder(
          ProcessHandle.current().pid(), HOST, Thread.currentThread().getName(), Instant.now());
    }

    String describe() {
      return describe(Long.toString(pid), host, thread, since.toString());
    }

    String toFileContent() {
      return "pid=" + pid + "\nhost=" + oneLine(host) + "\nthread=" + oneLine(thread) + "\nsince=" + since + "\n";
    }

    static String describeFileContent(String content) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String line : content.split("\n", -1)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
      }
      if (!fields.containsKey("pid")) {
        return "another process (holder not recorded yet)";
      }
      return describe(
          fields.get("pid"),
          fields.getOrDefault("host", "?"),
          fields.getOrDefault("thread", "?"),
          fields.getOrDefault("since", "?"));
    }

    private static String describe(String pid, String host, String thread, String since) {
      return "pid " + pid + " on host " + host + " (thread '" + thread + "') since " + since;
    }

    private static String oneLine(String s) {
      return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Avoids DNS look-ups, which can take seconds on a misconfigured machine. */
    private static String hostName() {
      for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
          return value.trim();
        }
      }
      try {
        Path etcHostname = Path.of("/etc/hostname");
        if (Files.isReadable(etcHostname)) {
          String value = Files.readString(etcHostname, StandardCharsets.UTF_8).trim();
          if (!value.isEmpty()) {
            return value;
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("Cannot read /etc/hostname", e);
      }
      return "unknown";
    }
  }
}
