package dev.churn.drift;

import static com.google.common.base.Preconditions.checkArgument;

import dev.churn.core.DataFormatException;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.Table;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests current data against a {@link ReferenceProfile} for data drift, column by column, and
 * decides whether the dataset as a whole drifted; also tests the model's scores (prediction
 * drift) and, once labels are known, the label (label drift).
 *
 * <pre>{@code
 * DriftDetector detector = DriftDetector.builder(ReferenceProfile.fromBytes(attachment))
 *     .predictionColumn("churn_probability")       // reported by predictionDrift()
 *     .labelColumn("is_churn")                     // reported by labelDrift() when present
 *     .columnTest("city", DriftTest.PSI)           // per-column test ...
 *     .columnThreshold("tenure_days", 0.2)         // ... and threshold
 *     .correction(PValueCorrection.BENJAMINI_HOCHBERG)
 *     .datasetDriftShare(0.5)
 *     .build();
 * DriftResult result = detector.detect(thisMonth);
 * if (result.datasetDrift()) {
 *   log.warn("{} of {} columns drifted: {}", result.driftedColumns(), result.columns().size(),
 *       result.driftedColumnNames());
 * }
 * }</pre>
 *
 * <h2>Tests and thresholds</h2>
 *
 * By default every column gets {@link DriftTest#AUTO}, Evidently's choice by column kind and
 * reference size: for references of at most {@code smallReferenceRows} (1000) values, KS for
 * numbers, chi-square for categories, the z-test for two values; for larger references the
 * Wasserstein distance normalised by the reference standard deviation for numbers and the
 * Jensen-Shannon distance for categories (numbers with at most five distinct values count as
 * categories). P-value tests flag drift below 0.05, distances at or above 0.1. {@link
 * Builder#defaultTest} sets another test for every column it applies to, {@link
 * Builder#columnTest} one column's test, {@link Builder#testThreshold} a test's threshold and
 * {@link Builder#columnThreshold} one column's.
 *
 * <h2>Columns, missing values, new categories</h2>
 *
 * The feature columns are those given to {@link Builder#columns}, or else every profiled column
 * except the prediction and label columns and those with the ENTITY or TIMESTAMP role. Missing
 * values (and NaN or infinite numbers) are left out of every test and reported as shares per
 * column; categories the reference never saw take part in the tests (with a reference count of
 * 0) and are listed per column with their share. A column without any value on one side cannot
 * be tested: it is reported as drifted with the reason in {@link ColumnDrift#problem()}. A
 * current table without rows, a feature or prediction column missing from it, or a column of
 * another type than in the reference is an error ({@link DataFormatException} naming the column):
 * those are broken inputs, not drift. The label column may be absent (labels arrive late).
 *
 * <p>The share of drifted feature columns decides dataset drift ({@code share >=
 * datasetDriftShare}, 0.5 by default). With a {@link PValueCorrection} other than NONE, the
 * p-values of the feature columns tested with a p-value test are adjusted together first.
 *
 * <p>Columns are tested in parallel on a fork-join pool of {@link Builder#parallelism} threads.
 * A detector is immutable and may run on many tables at once.
 */
public final class DriftDetector {
  private static final Logger LOG = LoggerFactory.getLogger(DriftDetector.class);

  private final ReferenceProfile reference;
  private final List<String> features;
  private final Optional<String> prediction;
  private final Optional<String> label;
  private final DriftTest defaultTest;
  private final Map<String, DriftTest> columnTests;
  private final Map<String, Double> columnThresholds;
  private final Map<DriftTest, Double> testThresholds;
  private final PValueCorrection correction;
  private final double datasetDriftShare;
  private final int smallReferenceRows;
  private final int parallelism;

  private DriftDetector(Builder b, List<String> features, Optional<String> label) {
    this.reference = b.reference;
    this.features = List.copyOf(features);
    this.prediction = Optional.ofNullable(b.prediction);
    this.label = label;
    this.defaultTest = b.defaultTest;
    this.columnTests = Map.copyOf(b.columnTests);
    this.columnThresholds = Map.copyOf(b.columnThresholds);
    this.testThresholds = new EnumMap<>(b.testThresholds);
    this.correction = b.correction;
    this.datasetDriftShare = b.datasetDriftShare;
    this.smallReferenceRows = b.smallReferenceRows;
    this.parallelism = b.parallelism;
  }

  /**
   * Returns a builder for a detector against a reference profile.
   *
   * @param reference the profile of the reference data
   * @return a new builder
   */
  public static Builder builder(ReferenceProfile reference) {
    return new Builder(Objects.requireNonNull(reference, "reference"));
  }

  /**
   * Returns the reference profile.
   *
   * @return the reference profile
   */
  public ReferenceProfile reference() {
    return reference;
  }

  /**
   * Returns the feature columns this detector tests, in order.
   *
   * @return the column names
   */
  public List<String> columns() {
    return features;
  }

  /**
   * Returns the prediction (score) column, when one was designated.
   *
   * @return the prediction column
   */
  public Optional<String> predictionColumn() {
    return prediction;
  }

  /**
   * Returns the label column, when one was designated or the profile has a LABEL column.
   *
   * @return the label column
   */
  public Optional<String> labelColumn() {
    return label;
  }

  /**
   * Tests a table for drift against the reference.
   *
   * @param current the current data; read, not closed
   * @return the verdicts
   * @throws DataFormatException when the table has no rows, or lacks a feature or prediction
   *     column, or holds a column with another type than the reference
   */
  public DriftResult detect(Table current) {
    Objects.requireNonNull(current, "current");
    long start = System.nanoTime();
    if (current.rowCount() == 0) {
      throw new DataFormatException("current table", -1, null, "at least one row",
          "it has no rows; drift needs current data to compare with the reference");
    }
    List<String> names = new ArrayList<>(features);
    prediction.ifPresent(names::add);
    boolean withLabel = label.isPresent() && current.schema().contains(label.get());
    if (withLabel) {
      names.add(label.get());
    } else if (label.isPresent()) {
      LOG.debug("label column '{}' is not in the current table: no label drift", label.get());
    }
    Column[] cols = new Column[names.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = currentColumn(current, reference.column(names.get(i)));
    }
    ColumnDrift[] out = new ColumnDrift[cols.length];
    Parallel.forEach(cols.length, parallelism, (scratch, i) -> {
      String name = names.get(i);
      ColumnTester.Settings s = settings(name);
      out[i] = ColumnTester.test(reference.column(name), cols[i], s, scratch);
    });

    List<ColumnDrift> featureResults = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      featureResults.add(out[i]);
    }
    featureResults = adjust(featureResults);
    int drifted = 0;
    for (ColumnDrift c : featureResults) {
      drifted += c.drifted() ? 1 : 0;
    }
    double share = (double) drifted / featureResults.size();
    Optional<ColumnDrift> pred =
        prediction.isPresent() ? Optional.of(out[features.size()]) : Optional.empty();
    Optional<ColumnDrift> lab = withLabel ? Optional.of(out[names.size() - 1]) : Optional.empty();
    DriftResult r = new DriftResult(featureResults, drifted, share, datasetDriftShare,
        share >= datasetDriftShare, pred, lab, correction, reference.rows(), current.rowCount());
    if (LOG.isDebugEnabled()) {
      LOG.debug("drift of {} rows x {} columns against {} reference rows in {} ms: {} drifted"
              + " (share {}), dataset drift {}", current.rowCount(), names.size(),
          reference.rows(), (System.nanoTime() - start) / 1_000_000, drifted, share,
          r.datasetDrift());
    }
    return r;
  }

  private ColumnTester.Settings settings(String name) {
    ColumnReference ref = reference.column(name);
    DriftTest t = columnTests.getOrDefault(name, defaultTest);
    if (!t.appliesTo(kindOf(ref))) {
      t = DriftTest.AUTO; // a default test that does not fit this column
    }
    double threshold = columnThresholds.getOrDefault(name, Double.NaN);
    return new ColumnTester.Settings(t, threshold, testThresholds, smallReferenceRows,
        reference.bins());
  }

  private List<ColumnDrift> adjust(List<ColumnDrift> results) {
    if (correction == PValueCorrection.NONE) {
      return results;
    }
    List<Integer> tested = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).pValue().isPresent()) {
        tested.add(i);
      }
    }
    double[] raw = new double[tested.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = results.get(tested.get(i)).pValue().getAsDouble();
    }
    double[] adjusted = correction.adjust(raw);
    List<ColumnDrift> out = new ArrayList<>(results);
    for (int i = 0; i < raw.length; i++) {
      int at = tested.get(i);
      out.set(at, out.get(at).withAdjusted(adjusted[i]));
    }
    return out;
  }

  private static Column currentColumn(Table current, ColumnReference ref) {
    if (!current.schema().contains(ref.name())) {
      throw new DataFormatException("current table", -1, ref.name(),
          "a " + ref.type() + " column as in the reference profile",
          "the current table has no such column; its columns are " + current.schema().names());
    }
    Column c = current.column(ref.name());
    if (c.type() != ref.type()) {
      throw new DataFormatException("current table", -1, ref.name(), ref.type().toString(),
          "the column is " + c.type() + " in the current table but " + ref.type()
              + " in the reference profile; read both with the same schema");
    }
    return c;
  }

  private static ColumnKind kindOf(ColumnReference ref) {
    return switch (ref.type()) {
      case NUMERIC -> ColumnKind.NUMERIC;
      case BOOLEAN -> ColumnKind.BINARY;
      default -> ColumnKind.CATEGORICAL;
    };
  }

  /**
   * Builds {@link DriftDetector}s. Every setter checks its argument at once and throws {@link
   * IllegalArgumentException} naming the field, the value and the rule; {@link #build()} checks
   * the settings together, reports every problem in one exception, and leaves the builder
   * reusable.
   */
  public static final class Builder {
    private final ReferenceProfile reference;
    private List<String> columns;
    private String prediction;
    private String label;
    private DriftTest defaultTest = DriftTest.AUTO;
    private final Map<String, DriftTest> columnTests = new HashMap<>();
    private final Map<String, Double> columnThresholds = new HashMap<>();
    private final Map<DriftTest, Double> testThresholds = new EnumMap<>(DriftTest.class);
    private PValueCorrection correction = PValueCorrection.NONE;
    private double datasetDriftShare = 0.5;
    private int smallReferenceRows = 1000;
    private int parallelism = Runtime.getRuntime().availableProcessors();

    private Builder(ReferenceProfile reference) {
      this.reference = reference;
      for (DriftTest t : DriftTest.values()) {
        if (t != DriftTest.AUTO) {
          testThresholds.put(t, t.defaultThreshold());
        }
      }
    }

    /**
     * Sets the feature columns to test, in the order results are reported.
     *
     * @param names profiled column names, at least one, no repeats
     * @return this builder
     * @throws IllegalArgumentException naming a column the profile does not have
     */
    public Builder columns(List<String> names) {
      Objects.requireNonNull(names, "names");
      if (names.isEmpty()) {
        throw new IllegalArgumentException("columns was [] but it must name at least one column");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (String n : names) {
        reference.column(n);
        if (!seen.add(n)) {
          throw new IllegalArgumentException("columns names '" + n + "' twice");
        }
      }
      this.columns = List.copyOf(names);
      return this;
    }

    /**
     * Sets the feature columns to test; see {@link #columns(List)}.
     *
     * @param names profiled column names
     * @return this builder
     */
    public Builder columns(String... names) {
      return columns(List.of(names));
    }

    /**
     * Designates the model's score column, tested separately and reported by {@link
     * DriftResult#predictionDrift()}; the current table must have it.
     *
     * @param name a profiled column
     * @return this builder
     */
    public Builder predictionColumn(String name) {
      reference.column(name);
      this.prediction = name;
      return this;
    }

    /**
     * Designates the label column, tested separately and reported by {@link
     * DriftResult#labelDrift()} when the current table has it. Without this call, the profile's
     * first column with the LABEL role is used, if any.
     *
     * @param name a profiled column
     * @return this builder
     */
    public Builder labelColumn(String name) {
      reference.column(name);
      this.label = name;
      return this;
    }

    /**
     * Sets the test of every column it applies to ({@link DriftTest#KS} and {@link
     * DriftTest#WASSERSTEIN} only to numeric columns; other columns keep {@link DriftTest#AUTO});
     * {@link #columnTest} overrides it.
     *
     * @param test the test
     * @return this builder
     */
    public Builder defaultTest(DriftTest test) {
      this.defaultTest = Objects.requireNonNull(test, "test");
      return this;
    }

    /**
     * Sets the test of one column.
     *
     * @param column a profiled column
     * @param test a test that applies to the column ({@link DriftTest#AUTO} to choose)
     * @return this builder
     * @throws IllegalArgumentException when the column is not profiled or the test needs numbers
     *     and the column has none
     */
    public Builder columnTest(String column, DriftTest test) {
      ColumnReference ref = reference.column(column);
      Objects.requireNonNull(test, "test");
      if (!test.appliesTo(kindOf(ref))) {
        throw new IllegalArgumentException("columnTest for '" + column + "' was " + test.id()
            + " but " + test.id() + " needs a numeric column and '" + column + "' is "
            + ref.type() + "; use chi2, z, jensenshannon or psi");
      }
      columnTests.put(column, test);
      return this;
    }

    /**
     * Sets the threshold of one column, whatever its test.
     *
     * @param column a profiled column
     * @param threshold finite and {@code > 0}; below 1 when the column's test is a p-value test
     *     (checked by {@link #build()})
     * @return this builder
     */
    public Builder columnThreshold(String column, double threshold) {
      reference.column(column);
      if (!(threshold > 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("columnThreshold for '" + column + "' was " + threshold
            + " but it must be finite and > 0");
      }
      columnThresholds.put(column, threshold);
      return this;
    }

    /**
     * Sets the threshold of a test for every column without a {@link #columnThreshold}.
     *
     * @param test the test, not {@link DriftTest#AUTO}
     * @param threshold within {@code (0, 1)} for a p-value test, finite and {@code > 0} for a
     *     distance
     * @return this builder
     */
    public Builder testThreshold(DriftTest test, double threshold) {
      Objects.requireNonNull(test, "test");
      if (test == DriftTest.AUTO) {
        throw new IllegalArgumentException(
            "testThreshold was given for auto but it must name the test it applies to");
      }
      if (test.isPValueTest() ? !(threshold > 0 && threshold < 1)
          : !(threshold > 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("testThreshold for " + test.id() + " was " + threshold
            + " but it must be " + (test.isPValueTest() ? "within (0, 1)" : "finite and > 0"));
      }
      testThresholds.put(test, threshold);
      return this;
    }

    /**
     * Sets how p-values are adjusted over the feature columns.
     *
     * @param correction the correction (default {@link PValueCorrection#NONE})
     * @return this builder
     */
    public Builder correction(PValueCorrection correction) {
      this.correction = Objects.requireNonNull(correction, "correction");
      return this;
    }

    /**
     * Sets the share of drifted columns at which the dataset counts as drifted.
     *
     * @param share within {@code (0, 1]} (default 0.5)
     * @return this builder
     */
    public Builder datasetDriftShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException(
            "datasetDriftShare was " + share + " but it must be within (0, 1]");
      }
      this.datasetDriftShare = share;
      return this;
    }

    /**
     * Sets the size up to which a reference counts as small for {@link DriftTest#AUTO}: small
     * references get p-value tests, larger ones distances.
     *
     * @param rows non-missing reference values, {@code >= 0} (default 1000, as Evidently)
     * @return this builder
     */
    public Builder smallReferenceRows(int rows) {
      if (rows < 0) {
        throw new IllegalArgumentException(
            "smallReferenceRows was " + rows + " but it must be >= 0");
      }
      this.smallReferenceRows = rows;
      return this;
    }

    /**
     * Sets how many columns are tested at once.
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
     * Checks the settings together and builds the detector.
     *
     * @return the detector
     * @throws IllegalArgumentException listing every problem found
     */
    public DriftDetector build() {
      List<String> problems = new ArrayList<>();
      String lab = label;
      if (lab == null) {
        for (ColumnReference c : reference.columns()) {
          if (c.role() == ColumnRole.LABEL && !c.name().equals(prediction)) {
            lab = c.name();
            break;
          }
        }
      }
      if (prediction != null && prediction.equals(label)) {
        problems.add("predictionColumn and labelColumn were both '" + prediction
            + "' but they must differ");
      }
      List<String> feats;
      if (columns != null) {
        feats = columns;
        for (String special : new String[] {prediction, lab}) {
          if (special != null && feats.contains(special)) {
            problems.add("columns contains '" + special + "', the "
                + (special.equals(prediction) ? "prediction" : "label")
                + " column; it is reported on its own, leave it out of columns");
          }
        }
      } else {
        feats = new ArrayList<>();
        for (ColumnReference c : reference.columns()) {
          if (!c.name().equals(prediction) && !c.name().equals(lab)
              && c.role() != ColumnRole.ENTITY && c.role() != ColumnRole.TIMESTAMP
              && c.role() != ColumnRole.LABEL) {
            feats.add(c.name());
          }
        }
        if (feats.isEmpty()) {
          problems.add("the reference profile has no feature column to test (columns "
              + reference.names() + "); profile a table with numeric, categorical or boolean"
              + " features");
        }
      }
      for (Map.Entry<String, Double> e : columnThresholds.entrySet()) {
        String column = e.getKey();
        DriftTest t = columnTests.getOrDefault(column, defaultTest);
        ColumnReference ref = reference.column(column);
        if (!t.appliesTo(kindOf(ref))) {
          t = DriftTest.AUTO;
        }
        boolean pTest = t == DriftTest.AUTO ? ref.count() <= smallReferenceRows
            : t.isPValueTest();
        if (pTest && e.getValue() >= 1) {
          problems.add("columnThreshold for '" + column + "' was " + e.getValue() + " but the"
              + " column's test is a p-value test, so it must be below 1");
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "the drift detector settings have " + problems.size() + " problem"
                + (problems.size() > 1 ? "s" : "") + ": " + String.join("; ", problems));
      }
      return new DriftDetector(this, feats, Optional.ofNullable(lab));
    }
  }
}
