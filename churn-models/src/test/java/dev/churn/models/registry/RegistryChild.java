package dev.churn.models.registry;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The child process of the multi-process registry tests ({@link RegistryKillTest}, {@link
 * RegistryMultiProcessTest}); started by {@link ChildJvm} with the test class path. It writes to a
 * registry home and prints one line to stdout, flushed at once, before and after every step, so
 * the parent knows exactly which operations completed:
 *
 * <pre>
 * READY &lt;pid&gt;
 * BEGIN REGISTER          CREATED &lt;v&gt; &lt;sha256&gt;
 * BEGIN STAGE &lt;v&gt;         STAGED &lt;v&gt;
 * BEGIN PROMOTE &lt;v&gt;       PROMOTED &lt;v&gt;
 * BEGIN ALIAS &lt;v&gt;         ALIASED &lt;v&gt;
 * DONE
 * </pre>
 *
 * <p>Modes:
 *
 * <ul>
 *   <li>{@code loop <home> <scratch> <seed>}: warms up with a few rounds on a scratch registry
 *       home, prints READY, then registers a small random package, moves it to staging, promotes
 *       it (every other time keeping the old production version in staging) and points the alias
 *       "champion" at it, forever, until killed;
 *   <li>{@code promoter <home> <name> <rounds> <seed>}: prints READY, waits for a line "GO" on
 *       stdin, then does {@code rounds} rounds of register, stage, promote as user {@code name},
 *       with a short random pause between operations, and exits.
 * </ul>
 */
public final class RegistryChild {
  static final String MODEL = "churn";

  private RegistryChild() {}

  /**
   * Runs one mode (see the class documentation).
   *
   * @param args the mode and its arguments
   * @throws Exception on any failure; the JVM then exits with a non-zero status
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    switch (args[0]) {
      case "loop" -> loop(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]), out);
      case "promoter" -> promoter(Path.of(args[1]), args[2], Integer.parseInt(args[3]),
          Long.parseLong(args[4]), out);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void say(PrintStream out, String line) {
    out.println(line);
    out.flush();
  }

  private static void loop(Path home, Path scratch, long seed, PrintStream out) {
    // The first operations of a fresh JVM load and compile hundreds of classes and take longer
    // than the whole kill window; a few rounds on a scratch registry first make the kill land
    // anywhere in the steady-state sequence of operations.
    try (ModelRegistry warm = ModelRegistry.builder(scratch).user("warm-up").open()) {
      loop(warm, new SplittableRandom(seed), 3, s -> { });
    }
    try (ModelRegistry r = ModelRegistry.builder(home).user("child-" + seed)
        .lockTimeout(Duration.ofSeconds(20)).open()) {
      r.models();
      say(out, "READY " + ProcessHandle.current().pid());
      loop(r, new SplittableRandom(seed), Integer.MAX_VALUE, line -> say(out, line));
    }
  }

  private static void loop(ModelRegistry r, SplittableRandom rnd, int rounds,
      Consumer<String> say) {
    for (int i = 0; i < rounds; i++) {
      byte[] pkg = new byte[16 + rnd.nextInt(2048)];
      rnd.nextBytes(pkg);
      say.accept("BEGIN REGISTER");
      ModelVersion v = r.register(MODEL, pkg, Map.of("auc", 0.5 + rnd.nextDouble() / 2))
          .tag("pid", Long.toString(ProcessHandle.current().pid())).create();
      int n = v.number();
      say.accept("CREATED " + n + " " + v.modelPackage().sha256());
      VersionHandle h = r.model(MODEL).version(n);
      say.accept("BEGIN STAGE " + n);
      h.transitionTo(Stage.STAGING).because("kill test").apply();
      say.accept("STAGED " + n);
      say.accept("BEGIN PROMOTE " + n);
      if (i % 2 == 0) {
        h.promote().because("kill test").toProduction();
      } else {
        h.promote().keepExisting().because("kill test").toProduction();
      }
      say.accept("PROMOTED " + n);
      say.accept("BEGIN ALIAS " + n);
      h.alias("champion");
      say.accept("ALIASED " + n);
    }
  }

  private static void promoter(Path home, String name, int rounds, long seed, PrintStream out)
      throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (ModelRegistry r = ModelRegistry.builder(home).user(name)
        .lockTimeout(Duration.ofSeconds(30)).open()) {
      say(out, "READY " + ProcessHandle.current().pid());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8));
      String go = in.readLine();
      if (!"GO".equals(go)) {
        throw new IllegalStateException("expected GO on stdin but read " + go);
      }
      for (int i = 0; i < rounds; i++) {
        byte[] pkg = (name + " round " + i).getBytes(StandardCharsets.UTF_8);
        say(out, "BEGIN REGISTER");
        ModelVersion v = r.register(MODEL, pkg, Map.of("auc", 0.7))
            .tag("writer", name).tag("round", Integer.toString(i)).create();
        int n = v.number();
        say(out, "CREATED " + n + " " + v.modelPackage().sha256());
        pause(rnd);
        VersionHandle h = r.model(MODEL).version(n);
        say(out, "BEGIN STAGE " + n);
        h.transitionTo(Stage.STAGING).because(name + " round " + i).apply();
        say(out, "STAGED " + n);
        pause(rnd);
        say(out, "BEGIN PROMOTE " + n);
        if (i % 2 == 0) {
          h.promote().because(name + " round " + i).toProduction();
        } else {
          h.promote().keepExisting().because(name + " round " + i).toProduction();
        }
        say(out, "PROMOTED " + n);
        pause(rnd);
      }
      say(out, "DONE");
    }
  }

  /**
   * A client does other work between registry calls; without it one process would take the lock
   * again microseconds after releasing it, while the other polls it every few milliseconds.
   */
  private static void pause(SplittableRandom rnd) throws InterruptedException {
    Thread.sleep(1 + rnd.nextInt(5));
  }
}
