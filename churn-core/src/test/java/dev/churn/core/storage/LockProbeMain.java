package dev.churn.core.storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Test helper run in a separate JVM by {@link WriterLockTest}.
 *
 * <ul>
 *   <li>{@code try <dir>}: one tryAcquire; prints "ACQUIRED" (exit 0) or "BUSY" (exit 3).
 *   <li>{@code hold <dir>}: acquires (waiting up to 10 s), prints "HELD", waits for a line on stdin,
 *       releases, prints "RELEASED".
 * </ul>
 */
public final class LockProbeMain {

  private LockProbeMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "try" -> {
        Optional<WriterLock> lock = WriterLock.tryAcquire(dir);
        if (lock.isPresent()) {
          lock.get().close();
          System.out.println("ACQUIRED");
          System.exit(0);
        }
        System.out.println("BUSY");
        System.exit(3);
      }
      case "hold" -> {
        try (WriterLock lock = WriterLock.acquire(dir, Duration.ofSeconds(10))) {
          System.out.println("HELD " + lock.directory());
          System.out.flush();
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("RELEASED");
        System.exit(0);
      }
      default -> throw new IllegalArgumentException("mode must be try or hold, but was " + args[0]);
    }
  }
}
