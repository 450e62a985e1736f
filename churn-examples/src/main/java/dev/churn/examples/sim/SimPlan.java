package dev.churn.examples.sim;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Everything the member generators share, derived once from a {@link KkboxSimulator}: the
 * calendar (epoch days of month starts, the label horizon), the drift switch-over days, the
 * category weights and price tables, the churn-model coefficients and the calibrated intercepts.
 *
 * <p>Days are epoch days ({@link LocalDate#toEpochDay()}) throughout; month index 0 is the first
 * simulated month, -1 the month before it.
 */
final class SimPlan {

  // ---- category codes and weights (roughly the real KKBox mix) ----

  static final int[] CITIES = {1, 13, 5, 4, 15, 22, 6, 14, 12, 9, 11, 18, 8, 10, 17, 21, 3, 7, 16, 20, 19};
  static final double[] CITY_BEFORE =
      Rng.cumulative(45, 10, 8, 5.5, 5, 4.5, 3, 2.5, 1.5, 1.2, 1.2, 1, 1, .8, .7, .7, .7, .4, .2, .1, .1);
  /** New members after the data drift: fewer from city 1, more from 13, 5, 4 and 22. */
  static final double[] CITY_AFTER =
      Rng.cumulative(24, 15, 14, 10, 6, 10, 3, 3, 2, 2, 2, 1.5, 1.5, 1, 1, 1, .8, .5, .3, .2, .2);

  static final int[] CHANNELS = {7, 9, 4, 3, 13, 16};
  static final double[] CHANNEL_BEFORE = Rng.cumulative(33, 30, 20, 12, 5, 0);
  /** New members after the data drift: channel 16 is new (a campaign), the others shrink. */
  static final double[] CHANNEL_AFTER = Rng.cumulative(20, 20, 12, 5, 8, 35);
  /** Probability of auto-renew by channel, in {@link #CHANNELS} order. */
  static final double[] AUTO_RENEW_BY_CHANNEL = {0.92, 0.80, 0.45, 0.60, 0.55, 0.50};

  static final int[] PLAN_DAYS = {30, 90, 180, 410};
  static final double[] PLAN_WEIGHTS = Rng.cumulative(87, 5, 4, 4);
  /** List prices by plan (rows, {@link #PLAN_DAYS} order) and price tier (columns). */
  static final int[][] LIST_PRICE = {
    {99, 149, 180},
    {298, 447, 480},
    {536, 799, 894},
    {1599, 1788, 2000},
  };
  static final double[] TIER_WEIGHTS = Rng.cumulative(35, 45, 20);
  /** Price change with the data drift. */
  static final double PRICE_CHANGE = 1.15;

  static final int[] METHODS_AUTO = {41, 40, 39, 36, 37};
  static final double[] METHODS_AUTO_W = Rng.cumulative(65, 10, 10, 8, 7);
  static final int[] METHODS_MANUAL = {38, 36, 34, 32, 31, 30, 33, 29};
  static final double[] METHODS_MANUAL_W = Rng.cumulative(20, 15, 15, 10, 10, 10, 10, 10);

  static final int TRIAL_DAYS = 7;

  // ---- churn model ----

  /** Coefficients of the churn logit; the intercept is calibrated separately. */
  record Coefficients(
      double engagement,
      double autoRenew,
      double longPlan,
      double discounted,
      double price,
      double newMember,
      double trial,
      double young,
      double dealSeeker) {}

  /** Before concept drift: engagement and auto-renew dominate. */
  static final Coefficients BASE = new Coefficients(-1.35, -1.4, -0.9, 0.9, 0.25, 0.7, 1.0, 0.25, 0.3);

  /** After concept drift: price and discounts dominate, engagement matters little. */
  static final Coefficients CONCEPT = new Coefficients(-0.25, -0.8, -0.5, 2.0, 0.6, 0.5, 1.0, 0.25, 0.6);

  /** Month-to-month persistence of the latent engagement. */
  static final double ENGAGEMENT_RHO = 0.75;
  /** Spread of the member's long-run engagement level. */
  static final double ENGAGEMENT_LEVEL_SD = 0.75;
  /** Spread of the month-to-month deviation around that level (stationary). */
  static final double ENGAGEMENT_DEVIATION_SD = 0.66;

  /** Share of churners who come back later (always more than 30 days after expiry). */
  static final double RETURN_PROBABILITY = 0.3;
  static final double RETURN_MEAN_EXTRA_DAYS = 75;

  // ---- listening ----

  /** Data drift multiplies songs per day by this ... */
  static final double DRIFT_VOLUME = 0.72;
  /** ... and average song length by this. */
  static final double DRIFT_SONG_LENGTH = 0.88;

  // ---- configuration ----

  final int members;
  final int months;
  final long seed;
  final double churnRate;
  final int joinersPerMonth;
  final int totalMembers;
  final double ageOutOfRangeRate;
  final double missingGenderRate;
  final double duplicateTransactionRate;
  final double extremeTotalSecsRate;

  // ---- calendar ----

  /** First day of month k, for k = 0..months+2. */
  final int[] monthStart;
  final int firstDay;
  final int lastLogDay;
  /** Last day any transaction is simulated: the label window of the last month. */
  final int horizonEnd;
  final int earliestRegistration;
  final int dataDriftMonth;
  final int conceptDriftMonth;
  final int dataDriftDay;
  final int conceptDriftDay;
  final int logFrom;
  final int logTo;

  private final int tableStart;
  private final int[] yyyymmdd;

  // ---- calibrated intercepts ----

  double alphaBase;
  double alphaConcept;

  SimPlan(KkboxSimulator config) {
    members = config.members();
    months = config.months();
    seed = config.seed();
    churnRate = config.churnRate();
    joinersPerMonth = config.newMembersPerMonth();
    long total = (long) members + (long) joinersPerMonth * months;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "members + newMembersPerMonth * months was '" + total + "' but it must be below 2^31");
    }
    totalMembers = (int) total;
    ageOutOfRangeRate = config.ageOutOfRangeRate();
    missingGenderRate = config.missingGenderRate();
    duplicateTransactionRate = config.duplicateTransactionRate();
    extremeTotalSecsRate = config.extremeTotalSecsRate();

    monthStart = new int[months + 3];
    for (int k = 0; k < monthStart.length; k++) {
      monthStart[k] = (int) config.startMonth().plusMonths(k).firstDay().toEpochDay();
    }
    firstDay = monthStart[0];
    lastLogDay = monthStart[months] - 1;
    horizonEnd = lastLogDay + 30;
    earliestRegistration = firstDay - 4300;
    dataDriftMonth = config.dataDriftAt().orElse(0) - 1;
    conceptDriftMonth = config.conceptDriftAt().orElse(0) - 1;
    dataDriftDay = dataDriftMonth >= 0 ? monthStart[dataDriftMonth] : Integer.MAX_VALUE;
    conceptDriftDay = conceptDriftMonth >= 0 ? monthStart[conceptDriftMonth] : Integer.MAX_VALUE;
    logFrom = Math.max(firstDay, config.userLogsFrom().map(d -> (int) d.toEpochDay()).orElse(firstDay));
    logTo = Math.min(lastLogDay, config.userLogsTo().map(d -> (int) d.toEpochDay()).orElse(lastLogDay));

    tableStart = earliestRegistration - 400;
    int tableEnd = horizonEnd + 2 * 410 + 64;
    yyyymmdd = new int[tableEnd - tableStart + 1];
    LocalDate d = LocalDate.ofEpochDay(tableStart);
    for (int i = 0; i < yyyymmdd.length; i++) {
      yyyymmdd[i] = d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
      d = d.plusDays(1);
    }
  }

  /** The date as a YYYYMMDD integer. */
  int yyyymmdd(int epochDay) {
    int i = epochDay - tableStart;
    if (i >= 0 && i < yyyymmdd.length) {
      return yyyymmdd[i];
    }
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  /** Month index of a day: -1 before the first month, at most months+1. */
  int monthIndex(int epochDay) {
    if (epochDay < firstDay) {
      return -1;
    }
    int k = Arrays.binarySearch(monthStart, epochDay);
    int idx = k >= 0 ? k : -k - 2;
    return Math.min(idx, months + 1);
  }

  boolean isJoinerIndex(int member) {
    return member >= members;
  }

  /** Month (0-based) a joiner joins in. */
  int joinMonth(int member) {
    return (member - members) / joinersPerMonth;
  }

  static int listPrice(int planIndex, int tier, boolean afterPriceChange) {
    int p = LIST_PRICE[planIndex][tier];
    return afterPriceChange ? (int) Math.round(p * PRICE_CHANGE) : p;
  }

  static int planIndex(int days) {
    for (int i = 0; i < PLAN_DAYS.length; i++) {
      if (PLAN_DAYS[i] == days) {
        return i;
      }
    }
    throw new IllegalArgumentException("no plan of " + days + " days");
  }

  /** Members per generation chunk, so that a chunk's buffers hold roughly 16 MB of logs. */
  int chunkSize() {
    long perMember = (long) months * 20 * 95;
    return (int) Math.max(16, Math.min(4096, 16_000_000L / Math.max(1, perMember)));
  }

  // ---- calibration ----

  /**
   * Finds the intercepts so that the mean churn probability of the members whose membership
   * expires in the simulated months equals the target. Runs the real member model on a pilot
   * population (its own random stream) a few times: the cohort's make-up depends on the intercept
   * (who survived earlier months), so the intercept is solved for the collected cohort, then the
   * pilot is rerun with it.
   */
  void calibrate() {
    alphaBase = calibrate(false);
    alphaConcept = calibrate(true);
  }

  private double calibrate(boolean concept) {
    double alpha = Math.log(churnRate / (1 - churnRate));
    int pilotMonths = Math.min(months, 6);
    int pilotEnd = monthStart[pilotMonths] - 1;
    int pilotMembers = Math.min(members, 2500);
    int pilotJoiners = (int) Math.round((double) joinersPerMonth * pilotMembers / members);
    for (int round = 0; round < 3; round++) {
      MemberSim sim = MemberSim.pilot(this, alpha, concept, pilotEnd);
      long pilotSeed = Rng.seed(seed, 0x5EED_0F_91107L + round);
      for (int i = 0; i < pilotMembers; i++) {
        sim.simulateTimeline(pilotSeed, i, -1);
      }
      for (int k = 0; k < pilotMonths; k++) {
        for (int j = 0; j < pilotJoiners; j++) {
          sim.simulateTimeline(pilotSeed, pilotMembers + k * pilotJoiners + j, k);
        }
      }
      alpha = solveIntercept(sim.pilotEtas(), churnRate, alpha);
    }
    return alpha;
  }

  /** Solves mean(sigmoid(alpha + eta)) = target by bisection. */
  static double solveIntercept(double[] etas, double target, double fallback) {
    if (etas.length == 0) {
      return fallback;
    }
    double lo = -20;
    double hi = 20;
    for (int it = 0; it < 60; it++) {
      double mid = (lo + hi) / 2;
      double sum = 0;
      for (double eta : etas) {
        sum += 1 / (1 + StrictMath.exp(-(mid + eta)));
      }
      if (sum / etas.length < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
