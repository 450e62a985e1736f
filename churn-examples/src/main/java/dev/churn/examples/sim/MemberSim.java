package dev.churn.examples.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Simulates one member at a time: profile, subscription timeline with renewal decisions, daily
 * listening, and the rows of every file. One instance per worker thread; its arrays are reused.
 *
 * <h2>The churn mechanism</h2>
 *
 * <p>Every member has a latent engagement: a long-run level plus a monthly AR(1) deviation. At
 * each membership expiry the member decides to renew or to let the subscription lapse, with a
 * logistic probability driven by the engagement of that month (lower: more churn), auto-renew and
 * long plans (less churn), a discounted current transaction, the list price per 30 days, being new
 * or on a free trial, age and a "deal seeker" trait (more churn). After concept drift the weights
 * move from engagement to price and discounts. The intercepts are calibrated in {@link SimPlan} so
 * the expiring cohort churns at the configured rate.
 *
 * <p>Renewals: auto-renew members renew on the expiry date; manual ones up to five days early, on
 * time, or 4-30 days late (not churn under the 30-day rule). A churner's listening fades over the
 * 1-4 weeks before the membership ends; auto-renew churners usually, manual ones sometimes, file a
 * cancel transaction 1-20 days before expiry; some churners come back more than 30 days later.
 *
 * <h2>Random streams</h2>
 *
 * <p>The profile and timeline, the dirty values, and each month of listening use separate
 * generators seeded from the simulation seed and the member number. Changing a dirty-value rate
 * or the written log range therefore changes nothing else in the files.
 */
final class MemberSim {

  private static final byte[] MALE = "male".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FEMALE = "female".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EXTREME_NEGATIVE =
      "-9223372036854775.808".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EXTREME_POSITIVE =
      "9223372036854775.807".getBytes(StandardCharsets.US_ASCII);
  private static final int[] JUNK_AGES = {-49, -38, -7, -3, 101, 106, 117, 144, 931, 1051, 1900, 2016};

  /** At most about 21 hours of listening a day (330 songs of at most 230 s on average). */
  private static final int MAX_SONGS_PER_DAY = 330;

  private static final long STREAM_CORE = 1;
  private static final long STREAM_DIRTY = 2;
  private static final long STREAM_LOGS = 3;
  private static final long STREAM_MSNO = 4;

  private final SimPlan plan;
  private final Rng rng = new Rng(0);
  private final Rng logRng = new Rng(0);
  private final Rng dirtyRng = new Rng(0);
  private final long coreSeed;
  private final long dirtySeed;
  private final long logSeed;
  private final long msnoSalt;

  // regime (the pilot overrides these)
  private final double alphaBase;
  private final double alphaConcept;
  private final int conceptDay;
  private final int dataDriftDay;
  private final boolean pilot;
  private final int collectEnd;
  private double[] etas = new double[0];
  private int etaCount;

  // profile
  private int city;
  private int age;
  private boolean male;
  private int channel;
  private int regDay;
  private int tier;
  private int prefPlan;
  private int method;
  private boolean auto;
  private boolean dealSeeker;
  private boolean young;
  private double actBase;
  private double volBase;
  private double songLen;
  private double level;
  private final double[] eng;
  private int decisions;

  // current subscription
  private int curPlan;
  private int curList;
  private int curPaid;

  // transactions, in date order (strictly increasing dates)
  private int nTx;
  private int[] txDate = new int[32];
  private int[] txExp = new int[32];
  private int[] txPlan = new int[32];
  private int[] txList = new int[32];
  private int[] txPaid = new int[32];
  private boolean[] txAuto = new boolean[32];
  private boolean[] txCancel = new boolean[32];

  // subscribed intervals [start, end), with the length of the fade before the end (0: none)
  private int nIv;
  private int[] ivStart = new int[16];
  private int[] ivEnd = new int[16];
  private int[] ivFade = new int[16];

  private final byte[] msno = new byte[44];
  private final byte[] msnoRaw = new byte[32];

  private MemberSim(
      SimPlan plan,
      double alphaBase,
      double alphaConcept,
      int conceptDay,
      int dataDriftDay,
      boolean pilot,
      int collectEnd) {
    this.plan = plan;
    this.alphaBase = alphaBase;
    this.alphaConcept = alphaConcept;
    this.conceptDay = conceptDay;
    this.dataDriftDay = dataDriftDay;
    this.pilot = pilot;
    this.collectEnd = collectEnd;
    this.eng = new double[plan.months + 3];
    coreSeed = Rng.seed(plan.seed, STREAM_CORE);
    dirtySeed = Rng.seed(plan.seed, STREAM_DIRTY);
    logSeed = Rng.seed(plan.seed, STREAM_LOGS);
    msnoSalt = Rng.seed(plan.seed, STREAM_MSNO);
  }

  /** A generator for the real simulation, with the plan's calibrated intercepts and drifts. */
  static MemberSim of(SimPlan plan) {
    return new MemberSim(
        plan, plan.alphaBase, plan.alphaConcept, plan.conceptDriftDay, plan.dataDriftDay, false, 0);
  }

  /**
   * A generator for calibration: no data drift, concept drift everywhere or nowhere, and the
   * linear predictor (without intercept) of every decision up to {@code collectEnd} recorded.
   */
  static MemberSim pilot(SimPlan plan, double alpha, boolean concept, int collectEnd) {
    return new MemberSim(
        plan,
        alpha,
        alpha,
        concept ? Integer.MIN_VALUE : Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        true,
        collectEnd);
  }

  double[] pilotEtas() {
    return Arrays.copyOf(etas, etaCount);
  }

  // ------------------------------------------------------------------------------------------
  // timeline

  /**
   * Simulates the profile and the subscription timeline of one member.
   *
   * @param streamSeed the seed of the random stream (the core stream, or a pilot stream)
   * @param member the member number
   * @param joinMonth the month a new member joins in, or -1 for a member of the initial base
   */
  void simulateTimeline(long streamSeed, int member, int joinMonth) {
    rng.reseed(Rng.seed(streamSeed, member));
    nTx = 0;
    nIv = 0;
    decisions = 0;
    boolean joiner = joinMonth >= 0;
    boolean driftedMix = joiner && plan.monthStart[joinMonth] >= dataDriftDay;
    drawProfile(driftedMix);
    if (!joiner) {
      // The initial base is a base that has been running for years: members who churn easily
      // have mostly left it. Keep a candidate with probability min(1, target / hazard), roughly
      // the steady state of a base fed with new members, so churn does not fall month by month
      // as the easy churners leave.
      for (int attempt = 0; attempt < 1000 && rng.nextDouble() >= keepProbability(); attempt++) {
        drawProfile(false);
      }
    }
    double rho = SimPlan.ENGAGEMENT_RHO;
    double dev = SimPlan.ENGAGEMENT_DEVIATION_SD;
    double sigma = dev * Math.sqrt(1 - rho * rho);
    eng[0] = level + dev * rng.nextGaussian();
    for (int k = 1; k < eng.length; k++) {
      eng[k] = level + rho * (eng[k - 1] - level) + sigma * rng.nextGaussian();
    }
    int e;
    if (!joiner) {
      int days = prefPlan;
      e = plan.firstDay + rng.nextInt(days);
      int prevExp = e - days;
      int t1 = auto ? prevExp : prevExp - rng.nextInt(4);
      boolean established = rng.nextDouble() >= 0.12;
      int first = t1;
      if (established) {
        first = prevExp - days;
        addPaidTx(first, prevExp, days, false);
        decisions = 2;
      }
      addPaidTx(t1, e, days, false);
      regDay =
          Math.max(
              plan.earliestRegistration,
              first - (int) rng.nextExponential(established ? 700 : 20));
      openInterval(first, e);
    } else {
      int ms = plan.monthStart[joinMonth];
      regDay = ms + rng.nextInt(plan.monthStart[joinMonth + 1] - ms);
      int first = rng.nextDouble() < 0.75 ? regDay : regDay + 1 + rng.nextInt(14);
      if (rng.nextDouble() < 0.3) {
        curPlan = SimPlan.TRIAL_DAYS;
        curList = 0;
        curPaid = 0;
        addTx(first, first + SimPlan.TRIAL_DAYS, false);
      } else {
        addPaidTx(first, first + prefPlan, prefPlan, true);
      }
      e = first + curPlan;
      openInterval(first, e);
    }

    while (e <= plan.horizonEnd) {
      if (!decideChurn(e)) {
        int tx;
        if (auto) {
          tx = e;
        } else {
          double u = rng.nextDouble();
          int offset =
              u < 0.55 ? -(1 + rng.nextInt(5)) : u < 0.85 ? rng.nextInt(4) : 4 + rng.nextInt(27);
          tx = e + offset;
        }
        tx = Math.max(tx, txDate[nTx - 1] + 1);
        if (tx > plan.horizonEnd) {
          break;
        }
        int days;
        if (curPlan == SimPlan.TRIAL_DAYS) {
          days = prefPlan;
        } else if (rng.nextDouble() < 0.04) {
          days = SimPlan.PLAN_DAYS[rng.pick(SimPlan.PLAN_WEIGHTS)];
        } else {
          days = curPlan;
        }
        int newExp = Math.max(tx, e) + days;
        addPaidTx(tx, newExp, days, false);
        if (tx <= e) {
          ivEnd[nIv - 1] = newExp;
        } else {
          openInterval(tx, newExp);
        }
        decisions++;
        e = newExp;
      } else {
        int fade = 7 + rng.nextInt(22);
        int end = e;
        if (rng.nextDouble() < (auto ? 0.55 : 0.12)) {
          int cancelDay = e - 1 - rng.nextInt(20);
          boolean immediate = rng.nextDouble() < 0.3;
          if (cancelDay > txDate[nTx - 1]) {
            int effective =
                immediate && plan.monthIndex(cancelDay) == plan.monthIndex(e) ? cancelDay : e;
            addTx(cancelDay, effective, true);
            end = effective;
          }
        }
        ivEnd[nIv - 1] = end;
        ivFade[nIv - 1] = fade;
        decisions++;
        if (rng.nextDouble() >= SimPlan.RETURN_PROBABILITY) {
          break;
        }
        int back = e + 31 + (int) rng.nextExponential(SimPlan.RETURN_MEAN_EXTRA_DAYS);
        if (back > plan.horizonEnd) {
          break;
        }
        addPaidTx(back, back + prefPlan, prefPlan, true);
        openInterval(back, back + prefPlan);
        e = back + prefPlan;
      }
    }
  }

  private void drawProfile(boolean driftedMix) {
    city = SimPlan.CITIES[rng.pick(driftedMix ? SimPlan.CITY_AFTER : SimPlan.CITY_BEFORE)];
    int channelIndex = rng.pick(driftedMix ? SimPlan.CHANNEL_AFTER : SimPlan.CHANNEL_BEFORE);
    channel = SimPlan.CHANNELS[channelIndex];
    age = clamp((int) Math.round(28 + 8 * rng.nextGaussian()), 14, 70);
    young = age < 23;
    male = rng.nextDouble() < 0.5;
    tier = rng.pick(SimPlan.TIER_WEIGHTS);
    prefPlan = SimPlan.PLAN_DAYS[rng.pick(SimPlan.PLAN_WEIGHTS)];
    double autoP = SimPlan.AUTO_RENEW_BY_CHANNEL[channelIndex] * (prefPlan >= 90 ? 0.4 : 1.0);
    auto = rng.nextDouble() < autoP;
    method =
        auto
            ? SimPlan.METHODS_AUTO[rng.pick(SimPlan.METHODS_AUTO_W)]
            : SimPlan.METHODS_MANUAL[rng.pick(SimPlan.METHODS_MANUAL_W)];
    dealSeeker = rng.nextDouble() < 0.15;
    level = SimPlan.ENGAGEMENT_LEVEL_SD * rng.nextGaussian();
    actBase = 1.1 + 0.6 * rng.nextGaussian();
    volBase = Math.log(22) + 0.5 * rng.nextGaussian() - 0.01 * (age - 28);
    songLen = Math.max(150, Math.min(330, 235 + 25 * rng.nextGaussian()));
  }

  /** Probability of keeping a drawn profile in the initial base: min(1, target / its hazard). */
  private double keepProbability() {
    SimPlan.Coefficients c = plan.firstDay >= conceptDay ? SimPlan.CONCEPT : SimPlan.BASE;
    double priceZ = (SimPlan.listPrice(SimPlan.planIndex(prefPlan), tier, false) * 30.0 / prefPlan
        - 140.0) / 40.0;
    double eta =
        c.engagement() * level
            + (auto ? c.autoRenew() : 0)
            + (prefPlan >= 90 ? c.longPlan() : 0)
            + (dealSeeker ? 0.45 : 0.04) * c.discounted()
            + c.price() * priceZ
            + (young ? c.young() : 0)
            + (dealSeeker ? c.dealSeeker() : 0);
    double alpha = plan.firstDay >= conceptDay ? alphaConcept : alphaBase;
    double hazard = 1 / (1 + StrictMath.exp(-(alpha + eta)));
    return Math.min(1, 0.25 * plan.churnRate / hazard);
  }

  private boolean decideChurn(int expiry) {
    double engagement = eng[plan.monthIndex(expiry) + 1];
    boolean concept = expiry >= conceptDay;
    SimPlan.Coefficients c = concept ? SimPlan.CONCEPT : SimPlan.BASE;
    boolean trial = curPlan == SimPlan.TRIAL_DAYS && curList == 0;
    double priceZ = trial ? 0 : (curList * 30.0 / curPlan - 140.0) / 40.0;
    double eta =
        c.engagement() * engagement
            + (auto ? c.autoRenew() : 0)
            + (curPlan >= 90 ? c.longPlan() : 0)
            + (curPaid < curList ? c.discounted() : 0)
            + c.price() * priceZ
            + (decisions < 2 ? c.newMember() : 0)
            + (trial ? c.trial() : 0)
            + (young ? c.young() : 0)
            + (dealSeeker ? c.dealSeeker() : 0);
    if (pilot && expiry >= plan.firstDay && expiry <= collectEnd) {
      if (etaCount == etas.length) {
        etas = Arrays.copyOf(etas, Math.max(1024, etaCount * 2));
      }
      etas[etaCount++] = eta;
    }
    double alpha = concept ? alphaConcept : alphaBase;
    double p = 1 / (1 + StrictMath.exp(-(alpha + eta)));
    return rng.nextDouble() < p;
  }

  private void addPaidTx(int date, int expiry, int days, boolean offer) {
    curPlan = days;
    curList = SimPlan.listPrice(SimPlan.planIndex(days), tier, date >= dataDriftDay);
    curPaid = amountPaid(curList, offer);
    addTx(date, expiry, false);
  }

  /** What the member pays: usually the list price; deal seekers and offers get discounts. */
  private int amountPaid(int list, boolean offer) {
    double p = dealSeeker ? 0.45 : 0.04;
    if (offer) {
      p = Math.min(1, 2 * p + 0.05);
    }
    if (rng.nextDouble() >= p) {
      return list;
    }
    double v = rng.nextDouble();
    if (v < 0.1) {
      return 0;
    }
    double f = v < 0.5 ? 0.5 : v < 0.8 ? 0.7 : 0.8;
    return (int) Math.round(list * f);
  }

  private void addTx(int date, int expiry, boolean cancel) {
    if (nTx == txDate.length) {
      int n = nTx * 2;
      txDate = Arrays.copyOf(txDate, n);
      txExp = Arrays.copyOf(txExp, n);
      txPlan = Arrays.copyOf(txPlan, n);
      txList = Arrays.copyOf(txList, n);
      txPaid = Arrays.copyOf(txPaid, n);
      txAuto = Arrays.copyOf(txAuto, n);
      txCancel = Arrays.copyOf(txCancel, n);
    }
    txDate[nTx] = date;
    txExp[nTx] = expiry;
    txPlan[nTx] = curPlan;
    txList[nTx] = curList;
    txPaid[nTx] = curPaid;
    txAuto[nTx] = auto && !cancel;
    txCancel[nTx] = cancel;
    nTx++;
  }

  private void openInterval(int start, int end) {
    if (nIv == ivStart.length) {
      int n = nIv * 2;
      ivStart = Arrays.copyOf(ivStart, n);
      ivEnd = Arrays.copyOf(ivEnd, n);
      ivFade = Arrays.copyOf(ivFade, n);
    }
    ivStart[nIv] = start;
    ivEnd[nIv] = end;
    ivFade[nIv] = 0;
    nIv++;
  }

  // ------------------------------------------------------------------------------------------
  // rows

  /** Simulates member {@code member} and appends all its rows and counts to {@code out}. */
  void generate(int member, ChunkOutput out) {
    int joinMonth = plan.isJoinerIndex(member) ? plan.joinMonth(member) : -1;
    simulateTimeline(coreSeed, member, joinMonth);
    computeMsno(member);
    writeMember(member, out);
    writeTransactions(out);
    writeLabels(out);
    for (int k = 0; k < plan.months; k++) {
      int from = Math.max(plan.monthStart[k], plan.logFrom);
      int to = Math.min(plan.monthStart[k + 1] - 1, plan.logTo);
      if (from <= to) {
        writeLogs(member, k, out.logs[out.logs.length == 1 ? 0 : k], out);
      }
    }
  }

  private void computeMsno(int member) {
    long a = Rng.mix64(msnoSalt + member);
    long[] words = {a, Rng.mix64(a + 1), Rng.mix64(a + 2), Rng.mix64(a + 3)};
    for (int w = 0; w < 4; w++) {
      long v = words[w];
      for (int b = 0; b < 8; b++) {
        msnoRaw[w * 8 + b] = (byte) (v >>> (56 - 8 * b));
      }
    }
    Base64.getEncoder().encode(msnoRaw, msno);
  }

  private void writeMember(int member, ChunkOutput out) {
    dirtyRng.reseed(Rng.seed(dirtySeed, member));
    boolean missingGender = dirtyRng.nextDouble() < plan.missingGenderRate;
    double zeroAge = dirtyRng.nextDouble();
    double junk = dirtyRng.nextDouble();
    double junkPick = dirtyRng.nextDouble();
    // as in the real data, age 0 ("unknown") mostly goes with a missing gender
    int bd = (missingGender ? zeroAge < 0.8 : zeroAge < 0.03) ? 0 : age;
    if (junk < plan.ageOutOfRangeRate) {
      bd = JUNK_AGES[(int) (junkPick * JUNK_AGES.length)];
    }
    if (bd < 0 || bd > 100) {
      out.agesOutOfRange++;
    }
    if (missingGender) {
      out.missingGender++;
    }
    AsciiBuffer b = out.members;
    b.put(msno).comma().putInt(city).comma().putInt(bd).comma();
    if (!missingGender) {
      b.put(male ? MALE : FEMALE);
    }
    b.comma().putInt(channel).comma().putInt(plan.yyyymmdd(regDay)).newline();
    out.memberRows++;
  }

  private void writeTransactions(ChunkOutput out) {
    AsciiBuffer b = out.transactions;
    for (int i = 0; i < nTx; i++) {
      int copies = dirtyRng.nextDouble() < plan.duplicateTransactionRate ? 2 : 1;
      for (int c = 0; c < copies; c++) {
        b.put(msno)
            .comma()
            .putInt(method)
            .comma()
            .putInt(txPlan[i])
            .comma()
            .putInt(txList[i])
            .comma()
            .putInt(txPaid[i])
            .comma()
            .putInt(txAuto[i] ? 1 : 0)
            .comma()
            .putInt(plan.yyyymmdd(txDate[i]))
            .comma()
            .putInt(plan.yyyymmdd(txExp[i]))
            .comma()
            .putInt(txCancel[i] ? 1 : 0)
            .newline();
      }
      out.transactionRows += copies;
      out.duplicateTransactions += copies - 1;
    }
  }

  /**
   * Applies the label rule to this member's transactions (see {@link KkboxSimulator}): the state
   * as of the month's first day is the latest transaction dated before it; the member is in the
   * month's cohort if that transaction's expiry falls in the month, and churned if no
   * non-cancelled transaction is dated from the month's first day to 30 days after that expiry.
   */
  private void writeLabels(ChunkOutput out) {
    for (int k = 0; k < plan.months; k++) {
      int d0 = plan.monthStart[k];
      int d1 = plan.monthStart[k + 1] - 1;
      int i = nTx - 1;
      while (i >= 0 && txDate[i] >= d0) {
        i--;
      }
      if (i < 0) {
        continue;
      }
      int expiry = txExp[i];
      if (expiry < d0) {
        continue;
      }
      out.activeAtStart[k]++;
      if (expiry > d1) {
        continue;
      }
      boolean churn = true;
      for (int j = i + 1; j < nTx && txDate[j] <= expiry + 30; j++) {
        if (!txCancel[j]) {
          churn = false;
          break;
        }
      }
      out.cohort[k]++;
      if (churn) {
        out.churned[k]++;
      }
      out.labels[k].put(msno).comma().put((byte) (churn ? '1' : '0')).newline();
    }
  }

  private void writeLogs(int member, int month, AsciiBuffer b, ChunkOutput out) {
    logRng.reseed(Rng.seed(logSeed, (long) member * 4096 + month));
    double em = eng[month + 1];
    boolean drift = plan.monthStart[month] >= dataDriftDay;
    double pAct = 1 / (1 + StrictMath.exp(-(actBase + 0.9 * em - (drift ? 0.1 : 0))));
    double vol = StrictMath.exp(volBase + 0.35 * em) * (drift ? SimPlan.DRIFT_VOLUME : 1);
    double len = songLen * (drift ? SimPlan.DRIFT_SONG_LENGTH : 1);
    double share100 = 0.55 + 0.08 * em;
    double extremeRate = plan.extremeTotalSecsRate;
    int from = plan.logFrom;
    int to = plan.logTo;
    int start = plan.monthStart[month];
    int end = plan.monthStart[month + 1];
    int p = 0;
    long rows = 0;
    for (int d = start; d < end; d++) {
      while (p < nIv && ivEnd[p] <= d) {
        p++;
      }
      double f;
      double vf;
      if (p < nIv && d >= ivStart[p]) {
        int fade = ivFade[p];
        if (fade > 0 && d >= ivEnd[p] - fade) {
          double x = (ivEnd[p] - d) / (double) fade;
          f = 0.25 + 0.75 * x;
          vf = 0.4 + 0.6 * x;
        } else {
          f = 1;
          vf = 1;
        }
      } else if (p == 0 || d < regDay) {
        continue; // before the first subscription: no listening logged
      } else {
        int gap = (p < nIv ? ivStart[p] : Integer.MAX_VALUE) - ivEnd[p - 1];
        f = gap <= 30 ? 0.3 : 0.03; // a late renewer still listens a bit; a churner rarely
        vf = 0.6;
      }
      if (logRng.nextDouble() >= pAct * f) {
        continue;
      }
      double g1 = logRng.nextGaussian();
      double g2 = logRng.nextGaussian();
      long bits1 = logRng.nextLong();
      long bits2 = logRng.nextLong();
      boolean extreme = logRng.nextDouble() < extremeRate;
      if (d < from || d > to) {
        continue;
      }
      int songs = (int) (vol * vf * StrictMath.exp(0.55 * g1) + 0.5);
      songs = Math.max(1, Math.min(MAX_SONGS_PER_DAY, songs));
      double share = share100 + 0.2 * (frac(bits1, 0) - 0.5);
      share = Math.max(0.1, Math.min(0.95, share));
      int n100 = Math.min(songs, (int) (songs * share + frac(bits1, 1)));
      int rest = songs - n100;
      int n25 = Math.min(rest, (int) (rest * (0.4 + 0.3 * frac(bits1, 2)) + frac(bits1, 3)));
      rest -= n25;
      int n985 = Math.min(rest, (int) (rest * 0.4 + frac(bits2, 0)));
      rest -= n985;
      int n50 = Math.min(rest, (int) (rest * 0.55 + frac(bits2, 1)));
      int n75 = rest - n50;
      int unique = Math.max(1, (int) (songs * (0.55 + 0.4 * frac(bits2, 2))));
      double weighted = n100 + 0.96 * n985 + 0.62 * n75 + 0.37 * n50 + 0.1 * n25;
      double secs = len * weighted * Math.max(0.5, 1 + 0.07 * g2) + 3 * frac(bits2, 3);
      b.put(msno)
          .comma()
          .putInt(plan.yyyymmdd(d))
          .comma()
          .putInt(n25)
          .comma()
          .putInt(n50)
          .comma()
          .putInt(n75)
          .comma()
          .putInt(n985)
          .comma()
          .putInt(n100)
          .comma()
          .putInt(unique)
          .comma();
      if (extreme) {
        b.put(frac(bits2, 2) < 0.7 ? EXTREME_NEGATIVE : EXTREME_POSITIVE);
        out.extremeTotalSecs++;
      } else {
        b.putThousandths((long) (secs * 1000));
      }
      b.newline();
      rows++;
    }
    out.logRowsByMonth[month] += rows;
  }

  /** The i-th 16-bit fraction of 64 random bits, in [0, 1). */
  private static double frac(long bits, int i) {
    return ((bits >>> (16 * i)) & 0xFFFF) * 0x1.0p-16;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
