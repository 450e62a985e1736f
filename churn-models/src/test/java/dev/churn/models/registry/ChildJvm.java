package dev.churn.models.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RegistryChild} running in its own JVM, started with the same java executable and the
 * test class path. Its stdout lines are collected by a thread as they come; its stderr goes to a
 * file, shown when something fails.
 */
final class ChildJvm implements AutoCloseable {
  /** Exit status of a process killed by SIGKILL (128 + 9), as {@link Process} reports it. */
  static final int SIGKILL_EXIT = 128 + 9;

  private final Process process;
  private final Path stderr;
  private final List<String> lines = new ArrayList<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread reader;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(this::readLines, "child-" + process.pid() + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Tells whether killing with {@link Process#destroyForcibly()} sends SIGKILL here (Linux). */
  static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  }

  static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * Starts {@code RegistryChild <args>}. The JVM flags keep start-up short (about 0.3 s): only the
   * C1 compiler, the serial collector, a small heap.
   */
  static ChildJvm start(Path workDir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(javaExecutable(),
        "-cp", System.getProperty("java.class.path"),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx96m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        RegistryChild.class.getName()));
    cmd.addAll(List.of(args));
    Files.createDirectories(workDir);
    Path err = Files.createTempFile(workDir, "child-", ".stderr");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    return new ChildJvm(pb.start(), err);
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
        }
        if (line.startsWith("READY")) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      synchronized (lines) {
        lines.add("(stdout read failed: " + e + ")");
      }
    }
  }

  /** Waits for the READY line; fails with the child's stderr if it does not come. */
  void awaitReady(long seconds) throws InterruptedException {
    if (!ready.await(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not report READY within " + seconds + " s "
          + describe());
    }
  }

  /** Writes one line to the child's stdin. */
  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  Process process() {
    return process;
  }

  /** Waits for the process to end and for its stdout to be read to the end; returns the status. */
  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not exit within " + seconds + " s " + describe());
    }
    reader.join(TimeUnit.SECONDS.toMillis(seconds));
    return process.exitValue();
  }

  /** Every stdout line so far. */
  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  String stderr() {
    try {
      return Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + stderr + ": " + e + ")";
    }
  }

  /** The pid, the last stdout lines and the stderr, for failure messages. */
  String describe() {
    List<String> l = lines();
    return "(pid " + process.pid() + "; last stdout lines "
        + l.subList(Math.max(0, l.size() - 5), l.size()) + "; stderr:\n" + stderr() + ")";
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
