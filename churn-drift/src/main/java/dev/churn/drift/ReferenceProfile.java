package dev.churn.drift;

import static com.google.common.base.Preconditions.checkArgument;

import dev.churn.core.DataFormatException;
import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compact statistics of a reference table, usually the training data of a model, from which a
 * {@link DriftDetector} tests later data for drift without the reference data itself. Stored with
 * the model version (as a registry attachment) through {@link #toBytes()} and {@link
 * #fromBytes(byte[])}.
 *
 * <pre>{@code
 * ReferenceProfile profile = ReferenceProfile.of(trainingTable);
 * byte[] attachment = profile.toBytes();          // store it with the model
 * ...
 * ReferenceProfile same = ReferenceProfile.fromBytes(attachment);
 * DriftResult drift = DriftDetector.builder(same).build().detect(thisMonth);
 * }</pre>
 *
 * <h2>What is kept</h2>
 *
 * Every NUMERIC, CATEGORICAL and BOOLEAN column is profiled, in schema order; DATE and ID columns
 * are left out (drift of dates is time passing, and ids never repeat). Per column:
 *
 * <ul>
 *   <li>numbers ({@link NumericReference}): row and missing counts, min, max, mean, standard
 *       deviation, the number of distinct values, a summary of at most about {@code 2 * maxPoints}
 *       (value, count) points that is exact when the column has at most {@code maxPoints}
 *       distinct values, and {@code bins} quantile bins with exact counts;
 *   <li>categories and booleans ({@link CategoricalReference}): the exact count of every
 *       category.
 * </ul>
 *
 * <h2>Size and accuracy</h2>
 *
 * A numeric column takes about 10 bytes per summary point plus its bins: at most about {@code
 * 10 * (2 * maxPoints + bins)} bytes, about 20 KB for a continuous column with the default
 * {@value #DEFAULT_MAX_POINTS} points, much less for a column with few distinct values; a
 * categorical column takes the length of its category names plus a few bytes each. Every test is
 * exact (equal to SciPy on the full reference data) except KS and Wasserstein on a numeric column
 * with more than {@code maxPoints} distinct values, which run on the summary: their error is
 * bounded by {@link NumericReference#ksErrorBound()} and {@link
 * NumericReference#wassersteinErrorBound()}, measured when the profile is built. With the default
 * 2048 points the KS bound is about {@code 0.5 / maxPoints} (2.4e-4) on continuous data, and the
 * Wasserstein bound about 0.1 % of the standard deviation for Gaussian data (0.3 % for
 * log-normal), against a default threshold of 10 %.
 *
 * <p>Profiles are immutable and safe to share between threads.
 */
public final class ReferenceProfile {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceProfile.class);

  /** The default bound on the summary of a numeric column: exact up to this many values. */
  public static final int DEFAULT_MAX_POINTS = 2048;

  /** The default number of quantile bins of a numeric column (Evidently's {@code n_bins}). */
  public static final int DEFAULT_BINS = 30;

  private final int rows;
  private final int maxPoints;
  private final int bins;
  private final List<ColumnReference> columns;
  private final Map<String, ColumnReference> byName;

  ReferenceProfile(int rows, int maxPoints, int bins, List<ColumnReference> columns) {
    this.rows = rows;
    this.maxPoints = maxPoints;
    this.bins = bins;
    this.columns = List.copyOf(columns);
    Map<String, ColumnReference> m = new LinkedHashMap<>();
    for (ColumnReference c : this.columns) {
      if (m.put(c.name(), c) != null) {
        throw new IllegalArgumentException("column '" + c.name() + "' appears twice");
      }
    }
    this.byName = m;
  }

  /**
   * Profiles every numeric, categorical and boolean column of a table with the default settings
   * ({@value #DEFAULT_MAX_POINTS} points, {@value #DEFAULT_BINS} bins, all cores).
   *
   * @param table the reference data; read, not closed
   * @return the profile
   */
  public static ReferenceProfile of(Table table) {
    return builder().build(table);
  }

  /**
   * Returns a builder to change the summary size, the bins or the threads.
   *
   * <pre>{@code
   * ReferenceProfile p = ReferenceProfile.builder().maxPoints(8192).bins(20).build(table);
   * }</pre>
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a profile written by {@link #toBytes()}.
   *
   * @param bytes the serialized profile
   * @return the profile
   * @throws DataFormatException when the bytes are not a profile, are truncated, or come from a
   *     newer format version
   */
  public static ReferenceProfile fromBytes(byte[] bytes) {
    return ProfileCodec.decode(Objects.requireNonNull(bytes, "bytes"));
  }

  /**
   * Returns the profile in a compact binary form that starts with a magic number and a format
   * version (now 1); {@link #fromBytes(byte[])} reads it back to an equal
   * profile.
   *
   * @return the serialized profile
   */
  public byte[] toBytes() {
    return ProfileCodec.encode(this);
  }

  /**
   * Returns the number of rows of the reference table.
   *
   * @return the number of rows
   */
  public int rows() {
    return rows;
  }

  /**
   * Returns the bound on the summary of numeric columns this profile was built with.
   *
   * @return the maximum number of exact points
   */
  public int maxPoints() {
    return maxPoints;
  }

  /**
   * Returns the number of quantile bins of numeric columns this profile was built with.
   *
   * @return the number of bins
   */
  public int bins() {
    return bins;
  }

  /**
   * Returns the profiled columns, in the reference table's order.
   *
   * @return the columns
   */
  public List<ColumnReference> columns() {
    return columns;
  }

  /**
   * Returns the names of the profiled columns, in order.
   *
   * @return the names
   */
  public List<String> names() {
    return columns.stream().map(ColumnReference::name).toList();
  }

  /**
   * Returns a column by name.
   *
   * @param name the column name
   * @return the column
   * @throws IllegalArgumentException naming the column and the profiled columns
   */
  public ColumnReference column(String name) {
    ColumnReference c = byName.get(Objects.requireNonNull(name, "name"));
    if (c == null) {
      throw new IllegalArgumentException(
          "the reference profile has no column '" + name + "'; its columns are " + names());
    }
    return c;
  }

  /**
   * Returns a column by name, or empty when it was not profiled.
   *
   * @param name the column name
   * @return the column
   */
  public Optional<ColumnReference> find(String name) {
    return Optional.ofNullable(byName.get(Objects.requireNonNull(name, "name")));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferenceProfile p
        && rows == p.rows
        && maxPoints == p.maxPoints
        && bins == p.bins
        && columns.equals(p.columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, maxPoints, bins, columns);
  }

  @Override
  public String toString() {
    return "ReferenceProfile[rows=" + rows + ", columns=" + names() + "]";
  }

  /**
   * Builds {@link ReferenceProfile}s. Setters check their argument at once; {@link #build} can be
   * called any number of times.
   */
  public static final class Builder {
    private int maxPoints = DEFAULT_MAX_POINTS;
    private int bins = DEFAULT_BINS;
    private int parallelism = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /**
     * Sets the bound on the summary of a numeric column: columns with at most this many distinct
     * values are kept exactly; others are summarised in about this many points.
     *
     * @param maxPoints from 64 to 2^24 (default {@value #DEFAULT_MAX_POINTS})
     * @return this builder
     */
    public Builder maxPoints(int maxPoints) {
      if (maxPoints < 64 || maxPoints > (1 << 24)) {
        throw new IllegalArgumentException(
            "maxPoints was " + maxPoints + " but it must be within [64, 16777216]");
      }
      this.maxPoints = maxPoints;
      return this;
    }

    /**
     * Sets the number of quantile bins of numeric columns.
     *
     * @param bins from 2 to 1000 (default {@value #DEFAULT_BINS})
     * @return this builder
     */
    public Builder bins(int bins) {
      if (bins < 2 || bins > 1000) {
        throw new IllegalArgumentException("bins was " + bins + " but it must be within [2, 1000]");
      }
      this.bins = bins;
      return this;
    }

    /**
     * Sets how many columns are profiled at once.
     *
     * @param parallelism at least 1 (default: the available processors)
     * @return this builder
     */
    public Builder parallelism(int parallelism) {
      checkArgument(parallelism >= 1, "parallelism was %s but it must be >= 1", parallelism);
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Profiles a table.
     *
     * @param table the reference data; read, not closed
     * @return the profile
     * @throws IllegalArgumentException when {@code bins} exceeds {@code maxPoints}
     */
    public ReferenceProfile build(Table table) {
      Objects.requireNonNull(table, "table");
      if (bins > maxPoints) {
        throw new IllegalArgumentException(
            "bins was " + bins + " but it must not exceed maxPoints (" + maxPoints + ")");
      }
      long start = System.nanoTime();
      List<Column> profiled = new ArrayList<>();
      for (Column c : table.columns()) {
        ColumnType t = c.type();
        if (t == ColumnType.NUMERIC || t == ColumnType.CATEGORICAL || t == ColumnType.BOOLEAN) {
          profiled.add(c);
        } else {
          LOG.debug("reference profile leaves out {} column '{}'", t, c.name());
        }
      }
      int mp = maxPoints;
      int b = bins;
      ColumnReference[] refs = new ColumnReference[profiled.size()];
      Parallel.forEach(profiled.size(), parallelism,
          (scratch, i) -> refs[i] = profile(profiled.get(i), mp, b, scratch));
      ReferenceProfile p = new ReferenceProfile(table.rowCount(), mp, b, List.of(refs));
      if (LOG.isDebugEnabled()) {
        LOG.debug("profiled {} rows x {} columns in {} ms", table.rowCount(), refs.length,
            (System.nanoTime() - start) / 1_000_000);
      }
      return p;
    }
  }

  private static ColumnReference profile(Column c, int maxPoints, int bins, Scratch scratch) {
    if (c instanceof NumericColumn numeric) {
      int rows = c.size();
      Values.read(numeric, scratch);
      double[] x = scratch.values(rows);
      FewValues few = FewValues.of(x, rows, Math.min(FewValues.LIMIT, maxPoints));
      if (few != null) { // few distinct values: their counts are the whole story, no sort needed
        return NumericReference.ofDistinct(c.name(), c.spec().role(), rows, few, bins);
      }
      int count = RadixSort.sortFinite(x, rows, scratch);
      return NumericReference.of(c.name(), c.spec().role(), rows, x, count, maxPoints, bins);
    }
    if (c instanceof BooleanColumn b) {
      long trues = b.trueCount();
      long present = (long) b.size() - b.missingCount();
      return new CategoricalReference(c.name(), ColumnType.BOOLEAN, c.spec().role(), b.size(),
          b.missingCount(), List.of("false", "true"), new long[] {present - trues, trues});
    }
    CategoricalColumn k = (CategoricalColumn) c;
    Dictionary d = k.dictionary();
    long[] perCode = Values.codeCounts(k);
    List<String> cats = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int code = 0; code < perCode.length; code++) {
      if (perCode[code] > 0) {
        cats.add(d.get(code));
        counts.add(perCode[code]);
      }
    }
    return new CategoricalReference(c.name(), ColumnType.CATEGORICAL, c.spec().role(), k.size(),
        k.missingCount(), cats, counts.stream().mapToLong(Long::longValue).toArray());
  }
}
