package dev.churn.models.actions;

import java.util.AbstractList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The result of {@link RiskBuckets#assign(double[])}: a {@link Bucket} per row, the number of rows
 * per bucket, and the probability thresholds that were applied.
 *
 * <p>For probability cuts the thresholds are the configured cuts. For share cuts they are the
 * realized ones: {@link #cutA()} is the lowest probability put in A and {@link #cutB()} the lowest
 * probability put in A or B (empty when that group is empty). With {@link RiskBuckets.Ties#ROW_ORDER}
 * some rows at exactly that probability may have gone to the next bucket; {@link #tiesSplit()} says
 * so.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * BucketAssignment result = RiskBuckets.byShare(0.1, 0.2).assign(probabilities);
 * for (int row = 0; row < result.size(); row++) {
 *   send(ids[row], result.bucket(row));
 * }
 * log.info("A {} (p >= {}), B {}", result.count(Bucket.A), result.cutA().orElse(1), result.count(Bucket.B));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BucketAssignment {

  private static final Bucket[] BUCKETS = Bucket.values();

  private final byte[] codes;
  private final double cutA;
  private final double cutB;
  private final boolean shareBased;
  private final boolean tiesSplit;
  private final int[] counts = new int[BUCKETS.length];

  BucketAssignment(byte[] codes, double cutA, double cutB, boolean shareBased, boolean tiesSplit) {
    this.codes = Objects.requireNonNull(codes, "codes");
    this.cutA = cutA;
    this.cutB = cutB;
    this.shareBased = shareBased;
    this.tiesSplit = tiesSplit;
    for (byte code : codes) {
      counts[code]++;
    }
  }

  /**
   * Returns the number of rows bucketed.
   *
   * @return the population size
   */
  public int size() {
    return codes.length;
  }

  /**
   * Returns the bucket of one row.
   *
   * @param row the row index, in the order of the probabilities given
   * @return its bucket
   * @throws IndexOutOfBoundsException if {@code row} is not in [0, size())
   */
  public Bucket bucket(int row) {
    Objects.checkIndex(row, codes.length);
    return BUCKETS[codes[row]];
  }

  /**
   * Returns the buckets of all rows, as an unmodifiable list in row order.
   *
   * @return a bucket per row
   */
  public List<Bucket> buckets() {
    return new AbstractList<>() {
      @Override
      public Bucket get(int index) {
        return bucket(index);
      }

      @Override
      public int size() {
        return codes.length;
      }
    };
  }

  /**
   * Returns the number of rows in a bucket.
   *
   * @param bucket the bucket
   * @return rows in it
   */
  public int count(Bucket bucket) {
    Objects.requireNonNull(bucket, "bucket");
    return counts[bucket.ordinal()];
  }

  /**
   * Returns the number of rows per bucket; the counts sum to {@link #size()}.
   *
   * @return an unmodifiable map with an entry for each of A, B and C (iterated in that order)
   */
  public Map<Bucket, Integer> counts() {
    EnumMap<Bucket, Integer> map = new EnumMap<>(Bucket.class);
    for (Bucket b : BUCKETS) {
      map.put(b, counts[b.ordinal()]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Returns the probability threshold of bucket A: the configured cut, or for share cuts the lowest
   * probability put in A.
   *
   * @return the threshold, empty for share cuts when A is empty
   */
  public OptionalDouble cutA() {
    return Double.isNaN(cutA) ? OptionalDouble.empty() : OptionalDouble.of(cutA);
  }

  /**
   * Returns the probability threshold of bucket B: the configured cut, or for share cuts the lowest
   * probability put in A or B.
   *
   * @return the threshold, empty for share cuts when A and B are both empty
   */
  public OptionalDouble cutB() {
    return Double.isNaN(cutB) ? OptionalDouble.empty() : OptionalDouble.of(cutB);
  }

  /**
   * Tells whether the buckets came from share cuts (so the thresholds are realized, not configured).
   *
   * @return true for share cuts
   */
  public boolean shareBased() {
    return shareBased;
  }

  /**
   * Tells whether rows with the same probability ended up in different buckets, which happens only
   * with share cuts and {@link RiskBuckets.Ties#ROW_ORDER} when a cut falls inside a group of ties.
   *
   * @return true if a tie was split
   */
  public boolean tiesSplit() {
    return tiesSplit;
  }

  @Override
  public String toString() {
    return "BucketAssignment[A=" + counts[0] + ", B=" + counts[1] + ", C=" + counts[2]
        + ", cutA=" + cutA() + ", cutB=" + cutB() + (tiesSplit ? ", ties split" : "") + "]";
  }
}
