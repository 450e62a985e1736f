package dev.churn.drift;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The statistical tests a {@link DriftDetector} can run on a column, with their default
 * thresholds. P-value tests flag drift when the (adjusted) p-value is <em>below</em> the
 * threshold; distances flag it when the distance is <em>at or above</em> it, as in Evidently.
 *
 * <table>
 *   <caption>Tests, kinds and defaults</caption>
 *   <tr><th>test</th><th>columns</th><th>result</th><th>default threshold</th></tr>
 *   <tr><td>{@link #KS}</td><td>numeric</td><td>KS statistic and p-value</td><td>p &lt; 0.05</td></tr>
 *   <tr><td>{@link #CHI2}</td><td>any (numeric: on its histogram)</td><td>chi-square and p-value</td>
 *       <td>p &lt; 0.05</td></tr>
 *   <tr><td>{@link #Z}</td><td>any (numeric: on its histogram)</td><td>z and p-value</td>
 *       <td>p &lt; 0.05</td></tr>
 *   <tr><td>{@link #WASSERSTEIN}</td><td>numeric</td><td>Wasserstein distance / reference
 *       std</td><td>&gt;= 0.1</td></tr>
 *   <tr><td>{@link #JENSEN_SHANNON}</td><td>any (numeric: on its histogram)</td><td>distance,
 *       natural log</td><td>&gt;= 0.1</td></tr>
 *   <tr><td>{@link #PSI}</td><td>any (numeric: on its histogram)</td><td>population stability
 *       index</td><td>&gt;= 0.1</td></tr>
 * </table>
 *
 * <p>{@link #AUTO} picks one of them per column the way Evidently does; see its documentation.
 */
public enum DriftTest {
  /**
   * Chooses per column, as Evidently's default: when the reference has at most {@link
   * DriftDetector.Builder#smallReferenceRows(int) 1000} non-missing values, {@link #Z} for
   * columns with at most two distinct values (reference and current together), {@link #CHI2} for
   * categorical columns and numeric ones with at most five, {@link #KS} for other numeric
   * columns; for larger references, {@link #JENSEN_SHANNON} for categorical and binary columns
   * and numeric ones with at most five distinct values, {@link #WASSERSTEIN} for other numeric
   * columns.
   */
  AUTO("auto", Double.NaN, false),
  /**
   * Two-sample Kolmogorov-Smirnov, asymptotic p-value ({@code scipy.stats.ks_2samp(method=
   * "asymp")}).
   */
  KS("ks", 0.05, true),
  /** Chi-square test of homogeneity ({@code scipy.stats.chi2_contingency}), Yates for 2 x 2. */
  CHI2("chi2", 0.05, true),
  /**
   * Two-proportion z-test on the share of the column's first histogram key (for a binary column,
   * either value: the p-value is the same).
   */
  Z("z", 0.05, true),
  /**
   * Wasserstein distance divided by the reference's standard deviation (population, at least
   * 0.001), as Evidently's {@code wasserstein} test.
   */
  WASSERSTEIN("wasserstein", 0.1, false),
  /** Jensen-Shannon distance with the natural logarithm, in {@code [0, sqrt(ln 2)]}. */
  JENSEN_SHANNON("jensenshannon", 0.1, false),
  /** Population stability index over the column's histogram, Evidently's formula. */
  PSI("psi", 0.1, false);

  private final String id;
  private final double defaultThreshold;
  private final boolean pValue;

  DriftTest(String id, double defaultThreshold, boolean pValue) {
    this.id = id;
    this.defaultThreshold = defaultThreshold;
    this.pValue = pValue;
  }

  /**
   * Returns the short name used on the command line and in JSON: {@code auto, ks, chi2, z,
   * wasserstein, jensenshannon, psi}.
   *
   * @return the short name
   */
  public String id() {
    return id;
  }

  /**
   * Returns whether the test yields a p-value (compared with {@code <}) rather than a distance
   * (compared with {@code >=}).
   *
   * @return whether the test yields a p-value
   */
  public boolean isPValueTest() {
    return pValue;
  }

  /**
   * Returns the default threshold: 0.05 for p-value tests, 0.1 for distances.
   *
   * @return the default threshold
   * @throws IllegalStateException for {@link #AUTO}, which has none of its own
   */
  public double defaultThreshold() {
    if (this == AUTO) {
      throw new IllegalStateException("AUTO has no threshold; the test it picks has");
    }
    return defaultThreshold;
  }

  /**
   * Returns whether the test can run on a column of this kind: {@link #KS} and {@link
   * #WASSERSTEIN} need numbers, the others run on any column ({@link #AUTO} too).
   *
   * @param kind the column kind
   * @return whether the test applies
   */
  public boolean appliesTo(ColumnKind kind) {
    Objects.requireNonNull(kind, "kind");
    return (this != KS && this != WASSERSTEIN) || kind == ColumnKind.NUMERIC;
  }

  /**
   * Returns the test of a short name or constant name, ignoring case ({@code "ks"}, {@code
   * "jensenshannon"}, {@code "JENSEN_SHANNON"}, ...).
   *
   * @param name the name
   * @return the test
   * @throws IllegalArgumentException naming the value and the allowed names
   */
  public static DriftTest parse(String name) {
    Objects.requireNonNull(name, "name");
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (DriftTest t : values()) {
      if (t.id.equals(n) || t.name().toLowerCase(Locale.ROOT).equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException("test was '" + name + "' but it must be one of "
        + Arrays.stream(values()).map(DriftTest::id).toList());
  }
}
