package dev.churn.examples.sim;

import dev.churn.core.ChurnException;
import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.time.Period;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes realistic subscription-churn data in the KKBox (WSDM Cup 2018) format: a member base
 * that renews, lapses, comes back and listens every day, with a known churn mechanism, optional
 * data and concept drift, and the dirty values the real data has. It feeds the examples, the
 * monthly cycle and the benchmarks with data of any size.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * SimulationResult r = KkboxSimulator.builder()
 *     .members(100_000)
 *     .months(12)
 *     .startMonth(Period.of(2016, 1))
 *     .seed(7)
 *     .dataDriftAt(9)            // months 9-12 drift
 *     .progress(log::info)
 *     .build()
 *     .simulate(Path.of("data/kkbox"));
 * for (SimulationResult.Month m : r.months()) {
 *   System.out.printf("%s %d %.3f%n", m.month(), m.cohortSize(), m.churnRate());
 * }
 * }</pre>
 *
 * <h2>Files</h2>
 *
 * <p>Comma-separated, a header line first, dates as {@code YYYYMMDD} integers:
 *
 * <ul>
 *   <li>{@code members.csv}: {@value #MEMBERS_HEADER}; the initial base and every member who
 *       joins later. {@code msno} is a 44-character base64 id; {@code bd} is 0 when unknown
 *       (usually together with an empty gender) and, at the configured rate, junk such as -49 or
 *       1051.
 *   <li>{@code transactions.csv}: {@value #TRANSACTIONS_HEADER}; per member in date order, from
 *       the one or two transactions before the first month that set up the initial membership to
 *       the end of the last month's label window (30 days after its last day).
 *   <li>{@code user_logs.csv} (or {@code user_logs_YYYYMM.csv} per month, see {@link
 *       Builder#userLogsPerMonth(boolean)}): {@value #USER_LOGS_HEADER}; one row per member and
 *       day with listening, for the days of the simulated months.
 *   <li>{@code train_YYYYMM.csv}, one per simulated month: {@value #LABELS_HEADER}.
 * </ul>
 *
 * <h2>The label rule</h2>
 *
 * <p>For month M with first day {@code d0}: a member's state as of {@code d0} is the latest
 * transaction dated before {@code d0} (its {@code membership_expire_date} is the expiry; for a
 * cancel transaction, the date the cancellation takes effect). The member is in M's cohort when
 * that expiry falls in M, and {@code is_churn = 1} when no transaction with {@code is_cancel = 0}
 * is dated between {@code d0} and 30 days after the expiry, both included (the KKBox rule: no new
 * valid subscription within 30 days after the membership expires). Each member's transaction
 * dates are strictly increasing, so "latest" is never ambiguous; duplicate rows are identical and
 * change nothing.
 *
 * <h2>Churn mechanism and drift</h2>
 *
 * <p>Each member has a latent engagement that evolves month to month; listening days, songs and
 * seconds follow it and fade in the weeks before a member lets the subscription lapse. At each
 * expiry the member renews or lapses with a logistic probability: low engagement, discounts,
 * higher prices, being new or on a trial raise it; auto-renew and long plans lower it. The
 * intercept is calibrated so the expiring cohort churns at about {@link Builder#churnRate(double)}.
 * Data drift (from {@link Builder#dataDriftAt(int)}) cuts listening volume and song length, raises
 * list prices by 15 % and brings new members through a new channel ({@code registered_via = 16})
 * and from a different city mix, without changing how churn depends on the member; concept drift
 * (from {@link Builder#conceptDriftAt(int)}) makes churn depend on price and discounts instead of
 * engagement.
 *
 * <h2>Determinism, speed and memory</h2>
 *
 * <p>The same configuration writes byte-identical files, whatever the number of threads. Members
 * are generated in chunks on {@link Builder#threads(int)} threads and written in member order;
 * memory stays bounded (a few chunks of rows), so a million members with tens of millions of log
 * rows need no more than a few hundred megabytes of heap. Every file is written atomically with
 * {@link AtomicFiles}: a failure leaves no partial file.
 *
 * <p>Instances are immutable and thread-safe; {@link #simulate(Path)} may be called repeatedly.
 */
public final class KkboxSimulator {

  /** Header of {@code members.csv}. */
  public static final String MEMBERS_HEADER =
      "msno,city,bd,gender,registered_via,registration_init_time";

  /** Header of {@code transactions.csv}. */
  public static final String TRANSACTIONS_HEADER =
      "msno,payment_method_id,payment_plan_days,plan_list_price,actual_amount_paid,is_auto_renew,"
          + "transaction_date,membership_expire_date,is_cancel";

  /** Header of the user_logs files. */
  public static final String USER_LOGS_HEADER =
      "msno,date,num_25,num_50,num_75,num_985,num_100,num_unq,total_secs";

  /** Header of the label files. */
  public static final String LABELS_HEADER = "msno,is_churn";

  /** Name of the members file. */
  public static final String MEMBERS_FILE = "members.csv";

  /** Name of the transactions file. */
  public static final String TRANSACTIONS_FILE = "transactions.csv";

  /** Name of the single user_logs file. */
  public static final String USER_LOGS_FILE = "user_logs.csv";

  private static final Logger LOG = LoggerFactory.getLogger(KkboxSimulator.class);
  private static final Period EARLIEST_START = Period.of(2000, 1);
  private static final Period LATEST_START = Period.of(2999, 12);
  private static final int MAX_MEMBERS = 100_000_000;
  private static final int MAX_MONTHS = 240;
  private static final int MAX_THREADS = 256;

  private final int members;
  private final int months;
  private final Period startMonth;
  private final long seed;
  private final double churnRate;
  private final int dataDriftAt;
  private final int conceptDriftAt;
  private final int newMembersPerMonth;
  private final double ageOutOfRangeRate;
  private final double missingGenderRate;
  private final double duplicateTransactionRate;
  private final double extremeTotalSecsRate;
  private final boolean userLogsPerMonth;
  private final LocalDate userLogsFrom;
  private final LocalDate userLogsTo;
  private final int threads;
  private final Consumer<String> progress;

  private KkboxSimulator(Builder b) {
    members = b.members;
    months = b.months;
    startMonth = b.startMonth;
    seed = b.seed;
    churnRate = b.churnRate;
    dataDriftAt = b.dataDriftAt;
    conceptDriftAt = b.conceptDriftAt;
    newMembersPerMonth =
        b.newMembersPerMonth >= 0 ? b.newMembersPerMonth : defaultJoiners(b.members, b.churnRate);
    ageOutOfRangeRate = b.ageOutOfRangeRate;
    missingGenderRate = b.missingGenderRate;
    duplicateTransactionRate = b.duplicateTransactionRate;
    extremeTotalSecsRate = b.extremeTotalSecsRate;
    userLogsPerMonth = b.userLogsPerMonth;
    userLogsFrom = b.userLogsFrom;
    userLogsTo = b.userLogsTo;
    threads = b.threads;
    progress = b.progress;
  }

  /**
   * Returns a builder with the defaults: 10,000 members, 6 months from 2016-01, seed 42, 8 %
   * monthly churn, no drift, and dirty values at roughly the real data's rates.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * New members per month that keep the active base roughly stable: churners leave at about
   * {@code churnRate} of the ~85 % of the base expiring each month, and about a third of them come
   * back later.
   */
  private static int defaultJoiners(int members, double churnRate) {
    return (int) Math.round(members * churnRate * 0.6);
  }

  /**
   * Returns the label file name of a month, e.g. {@code train_201701.csv}.
   *
   * @param month the month
   * @return the file name
   */
  public static String labelsFileName(Period month) {
    return "train_" + yyyymm(month) + ".csv";
  }

  /**
   * Returns the per-month user_logs file name, e.g. {@code user_logs_201701.csv}.
   *
   * @param month the month
   * @return the file name
   */
  public static String userLogsFileName(Period month) {
    return "user_logs_" + yyyymm(month) + ".csv";
  }

  private static String yyyymm(Period month) {
    Objects.requireNonNull(month, "month");
    return String.format(Locale.ROOT, "%04d%02d", month.year(), month.month());
  }

  /**
   * Returns the number of members in the initial base.
   *
   * @return members
   */
  public int members() {
    return members;
  }

  /**
   * Returns the number of simulated (and labelled) months.
   *
   * @return months
   */
  public int months() {
    return months;
  }

  /**
   * Returns the first simulated month.
   *
   * @return the start month
   */
  public Period startMonth() {
    return startMonth;
  }

  /**
   * Returns the random seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the monthly churn rate targeted among the expiring cohort.
   *
   * @return the rate
   */
  public double churnRate() {
    return churnRate;
  }

  /**
   * Returns the first month (1-based) with data drift, if any.
   *
   * @return the month number
   */
  public OptionalInt dataDriftAt() {
    return dataDriftAt > 0 ? OptionalInt.of(dataDriftAt) : OptionalInt.empty();
  }

  /**
   * Returns the first month (1-based) with concept drift, if any.
   *
   * @return the month number
   */
  public OptionalInt conceptDriftAt() {
    return conceptDriftAt > 0 ? OptionalInt.of(conceptDriftAt) : OptionalInt.empty();
  }

  /**
   * Returns how many members join each month (configured or derived).
   *
   * @return joiners
   */
  public int newMembersPerMonth() {
    return newMembersPerMonth;
  }

  /**
   * Returns the share of members with an age outside 0-100.
   *
   * @return the rate
   */
  public double ageOutOfRangeRate() {
    return ageOutOfRangeRate;
  }

  /**
   * Returns the share of members with an empty gender.
   *
   * @return the rate
   */
  public double missingGenderRate() {
    return missingGenderRate;
  }

  /**
   * Returns the share of transaction rows written twice.
   *
   * @return the rate
   */
  public double duplicateTransactionRate() {
    return duplicateTransactionRate;
  }

  /**
   * Returns the share of user_logs rows with a total_secs of about +-9.2e15.
   *
   * @return the rate
   */
  public double extremeTotalSecsRate() {
    return extremeTotalSecsRate;
  }

  /**
   * Returns whether user_logs are written to one file per month.
   *
   * @return the layout
   */
  public boolean userLogsPerMonth() {
    return userLogsPerMonth;
  }

  /**
   * Returns the first day of user_logs written, if restricted.
   *
   * @return the day
   */
  public Optional<LocalDate> userLogsFrom() {
    return Optional.ofNullable(userLogsFrom);
  }

  /**
   * Returns the last day of user_logs written, if restricted.
   *
   * @return the day
   */
  public Optional<LocalDate> userLogsTo() {
    return Optional.ofNullable(userLogsTo);
  }

  /**
   * Returns the number of generator threads.
   *
   * @return threads
   */
  public int threads() {
    return threads;
  }

  /**
   * Simulates the configured member base and writes the files into {@code dir} (created if
   * missing). Files of the same names are replaced; other files are left alone.
   *
   * @param dir the output directory
   * @return what was written
   * @throws dev.churn.core.storage.StorageException if a file cannot be written
   */
  public SimulationResult simulate(Path dir) {
    Objects.requireNonNull(dir, "dir");
    long t0 = System.nanoTime();
    SimPlan plan = new SimPlan(this);
    plan.calibrate();
    LOG.debug(
        "Calibrated churn intercepts: base {}, concept {}", plan.alphaBase, plan.alphaConcept);

    List<Period> periods = Period.range(startMonth, startMonth.plusMonths(months - 1L));
    Path membersPath = dir.resolve(MEMBERS_FILE);
    Path transactionsPath = dir.resolve(TRANSACTIONS_FILE);
    int logBuffers = userLogsPerMonth ? months : 1;
    List<Path> targets = new ArrayList<>();
    targets.add(membersPath);
    targets.add(transactionsPath);
    // stream slot of each target, matching ChunkOutput.writeTo's order
    List<Integer> slots = new ArrayList<>(List.of(0, 1));
    List<Path> logPaths = new ArrayList<>();
    if (userLogsPerMonth) {
      for (int k = 0; k < months; k++) {
        int from = Math.max(plan.monthStart[k], plan.logFrom);
        int to = Math.min(plan.monthStart[k + 1] - 1, plan.logTo);
        if (from <= to) {
          Path p = dir.resolve(userLogsFileName(periods.get(k)));
          logPaths.add(p);
          targets.add(p);
          slots.add(2 + k);
        }
      }
    } else {
      Path p = dir.resolve(USER_LOGS_FILE);
      logPaths.add(p);
      targets.add(p);
      slots.add(2);
    }
    List<Path> labelPaths = new ArrayList<>();
    for (int k = 0; k < months; k++) {
      Path p = dir.resolve(labelsFileName(periods.get(k)));
      labelPaths.add(p);
      targets.add(p);
      slots.add(2 + logBuffers + k);
    }
    OutputStream[] streams = new OutputStream[2 + logBuffers + months];

    say(
        String.format(
            Locale.ROOT,
            "Simulating %,d members (+%,d joining each month) over %d months from %s into %s",
            members,
            newMembersPerMonth,
            months,
            startMonth,
            dir));

    Totals totals = new Totals(months);
    writeNested(targets, slots, 0, streams, () -> generateAll(plan, streams, logBuffers, totals));

    List<SimulationResult.Month> monthResults = new ArrayList<>();
    for (int k = 0; k < months; k++) {
      SimulationResult.Month m =
          new SimulationResult.Month(
              periods.get(k),
              labelPaths.get(k),
              totals.cohort[k],
              totals.churned[k],
              totals.activeAtStart[k],
              newMembersPerMonth,
              totals.logRowsByMonth[k]);
      monthResults.add(m);
      say(
          String.format(
              Locale.ROOT,
              "%s: %,d members active at start, cohort %,d, churn %.2f %%, %,d user_logs rows",
              m.month(),
              m.activeAtStart(),
              m.cohortSize(),
              100 * m.churnRate(),
              m.userLogRows()));
    }
    long logRows = 0;
    for (long r : totals.logRowsByMonth) {
      logRows += r;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    say(
        String.format(
            Locale.ROOT,
            "Wrote %,d members, %,d transactions, %,d user_logs rows (%.2f GB) in %.1f s",
            totals.memberRows,
            totals.transactionRows,
            logRows,
            totals.bytes / 1e9,
            seconds));
    return new SimulationResult(
        dir,
        membersPath,
        transactionsPath,
        logPaths,
        totals.memberRows,
        totals.transactionRows,
        logRows,
        totals.bytes,
        monthResults,
        new SimulationResult.Drift(
            dataDriftAt().stream().mapToObj(k -> startMonth.plusMonths(k - 1L)).findFirst(),
            conceptDriftAt().stream().mapToObj(k -> startMonth.plusMonths(k - 1L)).findFirst()),
        new SimulationResult.DirtyCounts(
            totals.agesOutOfRange,
            totals.missingGender,
            totals.duplicateTransactions,
            totals.extremeTotalSecs),
        seed,
        seconds);
  }

  private void say(String line) {
    LOG.debug(line);
    progress.accept(line);
  }

  /** Opens every target atomically (one inside the other) and runs the body with all streams. */
  private static void writeNested(
      List<Path> targets, List<Integer> slots, int index, OutputStream[] streams, IoRunnable body) {
    if (index == targets.size()) {
      try {
        body.run();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    AtomicFiles.write(
        targets.get(index),
        out -> {
          streams[slots.get(index)] = out;
          try {
            writeNested(targets, slots, index + 1, streams, body);
          } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
          } finally {
            streams[slots.get(index)] = null;
          }
        });
  }

  @FunctionalInterface
  private interface IoRunnable {
    void run() throws IOException;
  }

  private void generateAll(SimPlan plan, OutputStream[] streams, int logBuffers, Totals totals)
      throws IOException {
    byte[][] headers = new byte[streams.length][];
    headers[0] = bytes(MEMBERS_HEADER);
    headers[1] = bytes(TRANSACTIONS_HEADER);
    for (int i = 0; i < logBuffers; i++) {
      headers[2 + i] = bytes(USER_LOGS_HEADER);
    }
    for (int i = 0; i < months; i++) {
      headers[2 + logBuffers + i] = bytes(LABELS_HEADER);
    }
    for (int i = 0; i < streams.length; i++) {
      if (streams[i] != null) {
        streams[i].write(headers[i]);
        totals.bytes += headers[i].length;
      }
    }

    int total = plan.totalMembers;
    int chunk = plan.chunkSize();
    int chunks = (total + chunk - 1) / chunk;
    // chunks generated ahead of the writer: bounds memory at about window * 16 MB of rows
    int window = Math.min(2 * threads, 32);
    ConcurrentLinkedQueue<ChunkOutput> free = new ConcurrentLinkedQueue<>();
    Deque<Future<ChunkOutput>> inflight = new ArrayDeque<>();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "kkbox-sim-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      int submitted = 0;
      int nextDecile = 1;
      for (int c = 0; c < chunks; c++) {
        while (submitted < chunks && submitted - c < window) {
          int from = submitted * chunk;
          int to = Math.min(total, from + chunk);
          inflight.add(
              pool.submit(
                  () -> {
                    ChunkOutput out = free.poll();
                    if (out == null) {
                      out = new ChunkOutput(months, logBuffers, chunk);
                    }
                    MemberSim sim = MemberSim.of(plan);
                    for (int m = from; m < to; m++) {
                      sim.generate(m, out);
                    }
                    return out;
                  }));
          submitted++;
        }
        ChunkOutput out = await(inflight.removeFirst());
        out.writeTo(streams);
        totals.add(out);
        out.clear();
        free.add(out);
        int done = Math.min(total, (c + 1) * chunk);
        int decile = (int) ((long) done * 10 / total);
        if (decile >= nextDecile && done < total) {
          say(
              String.format(
                  Locale.ROOT,
                  "%d %% of members done (%,d of %,d), %.2f GB written",
                  decile * 10,
                  done,
                  total,
                  totals.bytes / 1e9));
          nextDecile = decile + 1;
        }
      }
    } finally {
      for (Future<ChunkOutput> f : inflight) {
        f.cancel(true);
      }
      pool.shutdownNow();
    }
  }

  private static ChunkOutput await(Future<ChunkOutput> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChurnException("The simulation was interrupted; no files were written", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new ChurnException("The simulation failed: " + cause, cause);
    }
  }

  private static byte[] bytes(String header) {
    return (header + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Sums of the chunks' counters. */
  private static final class Totals {
    long memberRows;
    long transactionRows;
    long bytes;
    final long[] logRowsByMonth;
    final int[] cohort;
    final int[] churned;
    final int[] activeAtStart;
    long agesOutOfRange;
    long missingGender;
    long duplicateTransactions;
    long extremeTotalSecs;

    Totals(int months) {
      logRowsByMonth = new long[months];
      cohort = new int[months];
      churned = new int[months];
      activeAtStart = new int[months];
    }

    void add(ChunkOutput o) {
      memberRows += o.memberRows;
      transactionRows += o.transactionRows;
      bytes += o.bytes();
      for (int k = 0; k < cohort.length; k++) {
        logRowsByMonth[k] += o.logRowsByMonth[k];
        cohort[k] += o.cohort[k];
        churned[k] += o.churned[k];
        activeAtStart[k] += o.activeAtStart[k];
      }
      agesOutOfRange += o.agesOutOfRange;
      missingGender += o.missingGender;
      duplicateTransactions += o.duplicateTransactions;
      extremeTotalSecs += o.extremeTotalSecs;
    }
  }

  /**
   * Configures a {@link KkboxSimulator}. Every setter checks its argument at once and throws an
   * {@link IllegalArgumentException} of the form {@code "<field> was '<value>' but it must be
   * <rule>"}; {@link #build()} checks the settings against each other and reports every problem
   * in one exception. The builder can be reused after {@code build()}.
   *
   * <pre>{@code
   * KkboxSimulator sim = KkboxSimulator.builder()
   *     .members(5_000).months(6).seed(1)
   *     .conceptDriftAt(4)
   *     .duplicateTransactionRate(0.01)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private int members = 10_000;
    private int months = 6;
    private Period startMonth = Period.of(2016, 1);
    private long seed = 42;
    private double churnRate = 0.08;
    private int dataDriftAt;
    private int conceptDriftAt;
    private int newMembersPerMonth = -1;
    private double ageOutOfRangeRate = 0.005;
    private double missingGenderRate = 0.4;
    private double duplicateTransactionRate = 0.002;
    private double extremeTotalSecsRate = 0.0001;
    private boolean userLogsPerMonth;
    private LocalDate userLogsFrom;
    private LocalDate userLogsTo;
    private int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private Consumer<String> progress = line -> {};

    private Builder() {}

    /**
     * Sets the size of the initial member base (all subscribed when the first month starts).
     *
     * @param members 1 to 100,000,000
     * @return this builder
     */
    public Builder members(int members) {
      check(members >= 1 && members <= MAX_MEMBERS, "members", members,
          "between 1 and " + MAX_MEMBERS);
      this.members = members;
      return this;
    }

    /**
     * Sets the number of simulated months; each gets a label file. Transactions continue 30 days
     * past the last month so that its labels are complete.
     *
     * @param months 1 to 240
     * @return this builder
     */
    public Builder months(int months) {
      check(months >= 1 && months <= MAX_MONTHS, "months", months, "between 1 and " + MAX_MONTHS);
      this.months = months;
      return this;
    }

    /**
     * Sets the first simulated month.
     *
     * @param startMonth 2000-01 to 2999-12
     * @return this builder
     */
    public Builder startMonth(Period startMonth) {
      Objects.requireNonNull(startMonth, "startMonth");
      check(!startMonth.isBefore(EARLIEST_START) && !startMonth.isAfter(LATEST_START),
          "startMonth", startMonth, "between " + EARLIEST_START + " and " + LATEST_START);
      this.startMonth = startMonth;
      return this;
    }

    /**
     * Sets the random seed; the same settings and seed write byte-identical files.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the monthly churn rate targeted among members whose membership expires in a month.
     * The realised rate varies around it from month to month (and rises with the price change of
     * the data drift).
     *
     * @param churnRate 0.01 to 0.5
     * @return this builder
     */
    public Builder churnRate(double churnRate) {
      check(churnRate >= 0.01 && churnRate <= 0.5, "churnRate", churnRate,
          "between 0.01 and 0.5");
      this.churnRate = churnRate;
      return this;
    }

    /**
     * Starts data drift at month {@code month} (1 = the first simulated month): less listening
     * volume and shorter songs, 15 % higher list prices, new members through a new channel and
     * from another city mix.
     *
     * @param month at least 1, at most {@link #months(int)} (checked by {@link #build()})
     * @return this builder
     */
    public Builder dataDriftAt(int month) {
      check(month >= 1, "dataDriftAt", month, "at least 1 (the first simulated month)");
      this.dataDriftAt = month;
      return this;
    }

    /**
     * Starts concept drift at month {@code month} (1 = the first simulated month): from then on
     * churn depends mostly on price and discounts rather than on engagement.
     *
     * @param month at least 1, at most {@link #months(int)} (checked by {@link #build()})
     * @return this builder
     */
    public Builder conceptDriftAt(int month) {
      check(month >= 1, "conceptDriftAt", month, "at least 1 (the first simulated month)");
      this.conceptDriftAt = month;
      return this;
    }

    /**
     * Removes any data or concept drift set before.
     *
     * @return this builder
     */
    public Builder noDrift() {
      this.dataDriftAt = 0;
      this.conceptDriftAt = 0;
      return this;
    }

    /**
     * Sets how many new members join each month. By default about as many as leave, so the
     * active base stays roughly stable: {@code round(members * churnRate * 0.6)}.
     *
     * @param newMembersPerMonth 0 or more
     * @return this builder
     */
    public Builder newMembersPerMonth(int newMembersPerMonth) {
      check(newMembersPerMonth >= 0, "newMembersPerMonth", newMembersPerMonth, "at least 0");
      this.newMembersPerMonth = newMembersPerMonth;
      return this;
    }

    /**
     * Sets the share of members whose {@code bd} is junk outside 0-100 (default 0.005).
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder ageOutOfRangeRate(double rate) {
      checkRate(rate, "ageOutOfRangeRate");
      this.ageOutOfRangeRate = rate;
      return this;
    }

    /**
     * Sets the share of members with an empty gender (default 0.4; 80 % of them also have
     * {@code bd = 0}).
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder missingGenderRate(double rate) {
      checkRate(rate, "missingGenderRate");
      this.missingGenderRate = rate;
      return this;
    }

    /**
     * Sets the share of transaction rows written twice, as exact duplicates (default 0.002).
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder duplicateTransactionRate(double rate) {
      checkRate(rate, "duplicateTransactionRate");
      this.duplicateTransactionRate = rate;
      return this;
    }

    /**
     * Sets the share of user_logs rows whose {@code total_secs} is about -9.2e15 or +9.2e15, as
     * in the real data (default 0.0001).
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder extremeTotalSecsRate(double rate) {
      checkRate(rate, "extremeTotalSecsRate");
      this.extremeTotalSecsRate = rate;
      return this;
    }

    /**
     * Sets all four dirty-value rates to 0: clean data.
     *
     * @return this builder
     */
    public Builder clean() {
      ageOutOfRangeRate = 0;
      missingGenderRate = 0;
      duplicateTransactionRate = 0;
      extremeTotalSecsRate = 0;
      return this;
    }

    /**
     * Writes user_logs to one file per month ({@code user_logs_YYYYMM.csv}) instead of one
     * {@code user_logs.csv}, as a monthly pipeline receives them. The rows are the same.
     *
     * @param perMonth true for one file per month
     * @return this builder
     */
    public Builder userLogsPerMonth(boolean perMonth) {
      this.userLogsPerMonth = perMonth;
      return this;
    }

    /**
     * Writes only the user_logs rows dated from {@code from} to {@code to} (both included); the
     * rows written are exactly those of a full simulation in that range, and every other file is
     * unchanged.
     *
     * @param from first day written
     * @param to last day written, not before {@code from}; the range must overlap the simulated
     *     months (checked by {@link #build()})
     * @return this builder
     */
    public Builder userLogsBetween(LocalDate from, LocalDate to) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      check(!to.isBefore(from), "userLogsBetween", from + ".." + to,
          "a range whose end is not before its start");
      this.userLogsFrom = from;
      this.userLogsTo = to;
      return this;
    }

    /**
     * Sets the number of threads generating members; the files do not depend on it.
     *
     * @param threads 1 to 256 (default: the number of processors, at most 8)
     * @return this builder
     */
    public Builder threads(int threads) {
      check(threads >= 1 && threads <= MAX_THREADS, "threads", threads,
          "between 1 and " + MAX_THREADS);
      this.threads = threads;
      return this;
    }

    /**
     * Receives progress lines: the start, every 10 % of members, one line per month with its
     * cohort and churn rate, and a summary. Lines are also logged at debug level.
     *
     * @param progress a consumer called on the simulating thread
     * @return this builder
     */
    public Builder progress(Consumer<String> progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Checks the settings against each other and creates the simulator.
     *
     * @return an immutable simulator
     * @throws IllegalArgumentException listing every inconsistent setting
     */
    public KkboxSimulator build() {
      List<String> problems = new ArrayList<>();
      if (dataDriftAt > months) {
        problems.add(message("dataDriftAt", dataDriftAt, "at most months (" + months + ")"));
      }
      if (conceptDriftAt > months) {
        problems.add(
            message("conceptDriftAt", conceptDriftAt, "at most months (" + months + ")"));
      }
      int joiners =
          newMembersPerMonth >= 0 ? newMembersPerMonth : defaultJoiners(members, churnRate);
      long total = (long) members + (long) joiners * months;
      if (total > MAX_MEMBERS) {
        problems.add(message("members + newMembersPerMonth * months", total,
            "at most " + MAX_MEMBERS));
      }
      if (userLogsFrom != null) {
        LocalDate first = startMonth.firstDay();
        LocalDate last = startMonth.plusMonths(months - 1L).lastDay();
        if (userLogsTo.isBefore(first) || userLogsFrom.isAfter(last)) {
          problems.add(message("userLogsBetween", userLogsFrom + ".." + userLogsTo,
              "a range overlapping the simulated days " + first + ".." + last));
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      return new KkboxSimulator(this);
    }

    private static void check(boolean ok, String field, Object value, String rule) {
      if (!ok) {
        throw new IllegalArgumentException(message(field, value, rule));
      }
    }

    private static void checkRate(double rate, String field) {
      check(rate >= 0 && rate <= 1, field, rate, "between 0 and 1");
    }

    private static String message(String field, Object value, String rule) {
      return field + " was '" + value + "' but it must be " + rule;
    }
  }
}
