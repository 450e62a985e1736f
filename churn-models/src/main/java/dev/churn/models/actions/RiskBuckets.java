package dev.churn.models.actions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Puts scored customers into the risk buckets {@link Bucket#A A}, {@link Bucket#B B} and {@link
 * Bucket#C C} from their calibrated churn probabilities.
 *
 * <p>The cut points are either <b>probabilities</b> or <b>shares of the scored population</b>:
 *
 * <ul>
 *   <li>Probability cuts {@code aCut > bCut}: a customer is A if {@code p >= aCut}, B if {@code
 *       bCut <= p < aCut}, else C. Buckets do not depend on who else is scored, so {@link
 *       #bucketOf(double)} works for a single customer.
 *   <li>Share cuts {@code aShare, bShare} (each in (0, 1), summing to less than 1): the {@code
 *       aShare} riskiest customers are A, the next {@code bShare} are B, the rest C. The requested
 *       counts are {@code nA = round(aShare * n)} and {@code nA + nB = round((aShare + bShare) * n)},
 *       rounding halves up and computed in decimal (so 10 % of 10 is exactly 1, 15 % of 10 is 2).
 *       Customers are ranked by probability, highest first.
 * </ul>
 *
 * <p><b>Ties at a share cut.</b> When several customers share the probability at which a share cut
 * falls, the {@link Ties} policy decides:
 *
 * <ul>
 *   <li>{@link Ties#ROW_ORDER} (the default): ties are broken by row order, the earlier row getting
 *       the riskier bucket, so the bucket counts are exactly the requested ones. Two customers with
 *       the same probability can then land in different buckets ({@link
 *       BucketAssignment#tiesSplit()} says whether this happened). Sort the rows first (e.g. by
 *       customer id) if the order of the input is not meaningful.
 *   <li>{@link Ties#HIGHER_BUCKET}: every customer tied at a cut goes to the riskier bucket, so equal
 *       probabilities always give equal buckets; A and B can then hold more customers than
 *       requested (and B fewer, if A's ties reach into B's share).
 * </ul>
 *
 * <p>Either way the result depends only on the probabilities and their order, never on anything
 * random. The probability thresholds that were actually applied are reported by {@link
 * BucketAssignment#cutA()} and {@link BucketAssignment#cutB()}.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * RiskBuckets byRisk = RiskBuckets.byProbability(0.5, 0.2);          // A: p >= 0.5, B: p >= 0.2
 * RiskBuckets byRank = RiskBuckets.builder()
 *     .shares(0.10, 0.20)                                            // top 10 % A, next 20 % B
 *     .ties(RiskBuckets.Ties.HIGHER_BUCKET)
 *     .build();
 * BucketAssignment result = byRank.assign(probabilities);
 * result.count(Bucket.A);        // customers in A
 * result.cutA();                 // lowest probability that was put in A
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RiskBuckets {

  /** How customers tied at a share cut are bucketed; see the class description. */
  public enum Ties {
    /** Earlier rows get the riskier bucket; bucket counts are exactly the requested ones. */
    ROW_ORDER,
    /** All rows tied at a cut get the riskier bucket; equal probabilities give equal buckets. */
    HIGHER_BUCKET
  }

  /** Default probability cut for bucket A when nothing is configured. */
  public static final double DEFAULT_A_CUT = 0.5;

  /** Default probability cut for bucket B when nothing is configured. */
  public static final double DEFAULT_B_CUT = 0.2;

  private final boolean shareBased;
  private final double aCut;
  private final double bCut;
  private final double aShare;
  private final double bShare;
  private final Ties ties;

  private RiskBuckets(
      boolean shareBased, double aCut, double bCut, double aShare, double bShare, Ties ties) {
    this.shareBased = shareBased;
    this.aCut = aCut;
    this.bCut = bCut;
    this.aShare = aShare;
    this.bShare = bShare;
    this.ties = ties;
  }

  /**
   * Starts a builder. Without any cut configured, {@link Builder#build()} gives probability cuts {@value
   * #DEFAULT_A_CUT} and {@value #DEFAULT_B_CUT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Buckets by probability: A if {@code p >= aCut}, B if {@code p >= bCut}, else C.
   *
   * @param aCut the lowest probability in A, in [0, 1]
   * @param bCut the lowest probability in B, in [0, 1] and below {@code aCut}
   * @return the buckets
   * @throws IllegalArgumentException if a cut is out of range or {@code aCut <= bCut}
   */
  public static RiskBuckets byProbability(double aCut, double bCut) {
    return builder().probabilityCuts(aCut, bCut).build();
  }

  /**
   * Buckets by share of the scored population, breaking ties by row order.
   *
   * @param aShare share of customers in A, in (0, 1)
   * @param bShare share of customers in B, in (0, 1); {@code aShare + bShare < 1}
   * @return the buckets
   * @throws IllegalArgumentException if a share is out of range or the shares sum to 1 or more
   */
  public static RiskBuckets byShare(double aShare, double bShare) {
    return builder().shares(aShare, bShare).build();
  }

  /**
   * Tells whether the cuts are shares of the population (rather than probabilities).
   *
   * @return true for share cuts
   */
  public boolean isShareBased() {
    return shareBased;
  }

  /**
   * Returns the tie policy used with share cuts (irrelevant for probability cuts).
   *
   * @return the tie policy
   */
  public Ties ties() {
    return ties;
  }

  /**
   * Buckets one customer by probability cuts, e.g. for single-customer scoring.
   *
   * @param probability the calibrated churn probability, in [0, 1]
   * @return the bucket
   * @throws IllegalArgumentException if {@code probability} is not in [0, 1]
   * @throws IllegalStateException if the cuts are shares, which need the whole population; use
   *     {@link #assign(double[])}, or probability cuts built from a previous assignment's {@link
   *     BucketAssignment#cutA()} and {@link BucketAssignment#cutB()}
   */
  public Bucket bucketOf(double probability) {
    checkProbability("probability", probability);
    if (shareBased) {
      throw new IllegalStateException(
          "bucketOf(p) needs probability cuts, but these buckets are shares of the population"
              + " (aShare " + aShare + ", bShare " + bShare + "); call assign(probabilities) on the"
              + " whole population instead");
    }
    return byCuts(probability);
  }

  /**
   * Buckets a scored population.
   *
   * @param probabilities calibrated churn probabilities, one per row, each in [0, 1]; not modified
   * @return a bucket per row, the counts and the thresholds applied
   * @throws IllegalArgumentException naming the first row whose probability is NaN or outside [0, 1]
   */
  public BucketAssignment assign(double[] probabilities) {
    Objects.requireNonNull(probabilities, "probabilities");
    for (int i = 0; i < probabilities.length; i++) {
      checkProbability("probabilities[" + i + "]", probabilities[i]);
    }
    return shareBased ? assignByShare(probabilities) : assignByProbability(probabilities);
  }

  private Bucket byCuts(double p) {
    if (p >= aCut) {
      return Bucket.A;
    }
    return p >= bCut ? Bucket.B : Bucket.C;
  }

  private BucketAssignment assignByProbability(double[] probabilities) {
    byte[] codes = new byte[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      codes[i] = (byte) byCuts(probabilities[i]).ordinal();
    }
    return new BucketAssignment(codes, aCut, bCut, false, false);
  }

  private BucketAssignment assignByShare(double[] probabilities) {
    int n = probabilities.length;
    int wantA = requestedCount(BigDecimal.valueOf(aShare), n);
    int wantAb = requestedCount(BigDecimal.valueOf(aShare).add(BigDecimal.valueOf(bShare)), n);
    double[] sorted = probabilities.clone();
    Arrays.sort(sorted);
    // Threshold = the probability of the last row (in rank order) that is inside the group.
    double thresholdA = wantA == 0 ? Double.NaN : sorted[n - wantA];
    double thresholdAb = wantAb == 0 ? Double.NaN : sorted[n - wantAb];
    int aboveA = wantA == 0 ? 0 : n - upperBound(sorted, thresholdA);
    int aboveAb = wantAb == 0 ? 0 : n - upperBound(sorted, thresholdAb);
    // With ROW_ORDER only the first (want - above) tied rows are inside; with HIGHER_BUCKET all.
    int tieSlotsA = ties == Ties.ROW_ORDER ? wantA - aboveA : Integer.MAX_VALUE;
    int tieSlotsAb = ties == Ties.ROW_ORDER ? wantAb - aboveAb : Integer.MAX_VALUE;
    byte[] codes = new byte[n];
    boolean split = false;
    for (int i = 0; i < n; i++) {
      double p = probabilities[i];
      boolean inA = false;
      if (wantA > 0) {
        if (p > thresholdA) {
          inA = true;
        } else if (p == thresholdA) {
          inA = tieSlotsA > 0;
          if (inA) {
            tieSlotsA--;
          } else {
            split = true;
          }
        }
      }
      boolean inAb = false;
      if (wantAb > 0) {
        if (p > thresholdAb) {
          inAb = true;
        } else if (p == thresholdAb) {
          inAb = tieSlotsAb > 0;
          if (inAb) {
            tieSlotsAb--;
          } else {
            split = true;
          }
        }
      }
      codes[i] = (byte) (inA ? Bucket.A : inAb ? Bucket.B : Bucket.C).ordinal();
    }
    return new BucketAssignment(codes, thresholdA, thresholdAb, true, split);
  }

  /** {@code share * n} rounded half up, exact for shares written as decimals. */
  static int requestedCount(BigDecimal share, int n) {
    return share.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.HALF_UP).intValueExact();
  }

  /** Index of the first element greater than {@code value} in ascending {@code sorted}. */
  private static int upperBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void checkProbability(String field, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(
          field + " was '" + p + "' but it must be a probability in [0, 1]");
    }
  }

  @Override
  public String toString() {
    if (shareBased) {
      return String.format(
          Locale.ROOT, "RiskBuckets[top %s A, next %s B, rest C, ties %s]", aShare, bShare, ties);
    }
    return String.format(Locale.ROOT, "RiskBuckets[A: p >= %s, B: p >= %s, C: below]", aCut, bCut);
  }

  /**
   * Configures {@link RiskBuckets}; obtained from {@link RiskBuckets#builder()}. Each setter checks
   * its argument at once; {@link #build()} checks the combination and reports every problem in one
   * {@link IllegalArgumentException}. The builder can be reused after {@code build()}. Not
   * thread-safe.
   *
   * <p>Usage:
   *
   * <pre>{@code
   * RiskBuckets buckets = RiskBuckets.builder().aCut(0.6).bCut(0.3).build();
   * RiskBuckets ranked = RiskBuckets.builder().aShare(0.05).bShare(0.15).build();
   * }</pre>
   */
  public static final class Builder {
    private Double aCut;
    private Double bCut;
    private Double aShare;
    private Double bShare;
    private Ties ties = Ties.ROW_ORDER;

    private Builder() {}

    /**
     * Sets the lowest probability that is bucket A.
     *
     * @param cut a probability in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code cut} is not in [0, 1]
     */
    public Builder aCut(double cut) {
      checkProbability("aCut", cut);
      this.aCut = cut;
      return this;
    }

    /**
     * Sets the lowest probability that is bucket B.
     *
     * @param cut a probability in [0, 1], below the A cut
     * @return this builder
     * @throws IllegalArgumentException if {@code cut} is not in [0, 1]
     */
    public Builder bCut(double cut) {
      checkProbability("bCut", cut);
      this.bCut = cut;
      return this;
    }

    /**
     * Sets both probability cuts.
     *
     * @param aCut the lowest probability in A
     * @param bCut the lowest probability in B
     * @return this builder
     * @throws IllegalArgumentException if a cut is not in [0, 1]
     */
    public Builder probabilityCuts(double aCut, double bCut) {
      return aCut(aCut).bCut(bCut);
    }

    /**
     * Sets the share of the population put in bucket A (the riskiest customers).
     *
     * @param share a share in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if {@code share} is not in (0, 1)
     */
    public Builder aShare(double share) {
      checkShare("aShare", share);
      this.aShare = share;
      return this;
    }

    /**
     * Sets the share of the population put in bucket B (the next riskiest after A).
     *
     * @param share a share in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if {@code share} is not in (0, 1)
     */
    public Builder bShare(double share) {
      checkShare("bShare", share);
      this.bShare = share;
      return this;
    }

    /**
     * Sets both shares.
     *
     * @param aShare share of customers in A
     * @param bShare share of customers in B
     * @return this builder
     * @throws IllegalArgumentException if a share is not in (0, 1)
     */
    public Builder shares(double aShare, double bShare) {
      return aShare(aShare).bShare(bShare);
    }

    /**
     * Sets how customers tied at a share cut are bucketed (default {@link Ties#ROW_ORDER}). Has no
     * effect with probability cuts.
     *
     * @param ties the tie policy
     * @return this builder
     */
    public Builder ties(Ties ties) {
      this.ties = Objects.requireNonNull(ties, "ties");
      return this;
    }

    /**
     * Checks the combination and builds the buckets.
     *
     * @return the configured buckets
     * @throws IllegalArgumentException listing every problem: probability cuts mixed with shares,
     *     only one cut of a kind set, {@code aCut <= bCut}, or shares summing to 1 or more
     */
    public RiskBuckets build() {
      List<String> problems = new ArrayList<>();
      boolean anyCut = aCut != null || bCut != null;
      boolean anyShare = aShare != null || bShare != null;
      if (anyCut && anyShare) {
        problems.add(
            "cuts were probabilities (aCut " + aCut + ", bCut " + bCut + ") and shares (aShare "
                + aShare + ", bShare " + bShare + ") but they must be one kind: set either"
                + " aCut/bCut or aShare/bShare");
      }
      if (anyShare) {
        if (aShare == null) {
          problems.add("aShare was 'unset' but it must be set when bShare is set");
        }
        if (bShare == null) {
          problems.add("bShare was 'unset' but it must be set when aShare is set");
        }
        if (aShare != null && bShare != null) {
          BigDecimal sum = BigDecimal.valueOf(aShare).add(BigDecimal.valueOf(bShare));
          if (sum.compareTo(BigDecimal.ONE) >= 0) {
            problems.add(
                "aShare + bShare was '" + sum.toPlainString() + "' but it must be less than 1"
                    + " (the rest of the population is bucket C)");
          }
        }
      } else if (anyCut) {
        if (aCut == null) {
          problems.add("aCut was 'unset' but it must be set when bCut is set");
        }
        if (bCut == null) {
          problems.add("bCut was 'unset' but it must be set when aCut is set");
        }
        if (aCut != null && bCut != null && !(aCut > bCut)) {
          problems.add("aCut was '" + aCut + "' but it must be greater than bCut (" + bCut + ")");
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid risk buckets: " + String.join("; ", problems));
      }
      if (anyShare) {
        return new RiskBuckets(true, Double.NaN, Double.NaN, aShare, bShare, ties);
      }
      double a = anyCut ? aCut : DEFAULT_A_CUT;
      double b = anyCut ? bCut : DEFAULT_B_CUT;
      return new RiskBuckets(false, a, b, Double.NaN, Double.NaN, ties);
    }

    private static void checkShare(String field, double share) {
      if (!(share > 0.0 && share < 1.0)) {
        throw new IllegalArgumentException(
            field + " was '" + share + "' but it must be a share in (0, 1)");
      }
    }
  }
}
