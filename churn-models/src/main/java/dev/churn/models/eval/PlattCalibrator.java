package dev.churn.models.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platt (sigmoid) calibration: {@code p = 1 / (1 + exp(A * f + B))}, fitted as scikit-learn's
 * {@code _sigmoid_calibration} (the {@code method="sigmoid"} of {@code CalibratedClassifierCV}).
 *
 * <p><b>The input {@code f}.</b> scikit-learn applies the sigmoid to whatever the classifier
 * outputs: its decision function, or its probability when it has none. Here the default ({@link
 * Input#LOGIT}) takes the model's <em>probability</em> and uses its log-odds {@code f = log(p) -
 * log(1 - p)}, with {@code p} first clipped to {@code [}{@value #LOGIT_EPS}{@code , 1 -} {@value
 * #LOGIT_EPS}{@code ]} (the clipping of {@link
 * dev.churn.core.metrics.BinaryMetrics#logLoss(double[], boolean[])}), so that an already
 * calibrated model gets {@code A = -1, B = 0} and the sigmoid can correct both over- and
 * under-confidence. {@link Input#RAW} uses the value as it is, which is what scikit-learn does; use
 * it for margins or decision values, or to reproduce scikit-learn on probabilities.
 *
 * <p><b>Fitting.</b> As in scikit-learn (after Platt, 1999): targets are smoothed to {@code (N+ +
 * 1) / (N+ + 2)} for positives and {@code 1 / (N- + 2)} for negatives, where {@code N+} and {@code
 * N-} are the (weighted) class counts, and the (weighted) log loss against them is minimised from
 * {@code A = 0, B = log((N- + 1) / (N+ + 1))}. scikit-learn stops its BFGS when the gradient's
 * largest component is below {@code 1e-5}; this class runs Newton's method with a backtracking line
 * search to the exact optimum (to rounding), so its {@code A} and {@code B} differ from
 * scikit-learn's by the slack scikit-learn leaves, typically below {@code 1e-7}. When the scores
 * are all equal the optimum is a line; both methods then move from the start along the gradient and
 * stop on the same line, this one at its exact optimum.
 *
 * <pre>{@code
 * PlattCalibrator platt = PlattCalibrator.fit(oofProbabilities, churned);
 * double calibrated = platt.apply(0.37);
 * }</pre>
 */
public final class PlattCalibrator implements Calibrator {

  static final String METHOD = "platt";

  /** Probabilities are clipped to {@code [LOGIT_EPS, 1 - LOGIT_EPS]} before the logit. */
  public static final double LOGIT_EPS = 0x1p-52;

  private static final Logger LOG = LoggerFactory.getLogger(PlattCalibrator.class);
  private static final int MAX_ITERATIONS = 100;
  private static final double MIN_STEP = 0x1p-40;

  /** What the calibrator's input is, and so how it becomes the sigmoid's {@code f}. */
  public enum Input {
    /** The input is a probability in {@code [0, 1]}; {@code f} is its logit (the default). */
    @JsonProperty("logit")
    LOGIT,
    /** The input is any finite score used as {@code f} directly, as scikit-learn does. */
    @JsonProperty("raw")
    RAW;

    double toF(double value) {
      if (this == RAW) {
        if (Double.isNaN(value)) {
          throw new IllegalArgumentException("score must not be NaN");
        }
        return value;
      }
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(
            "probability was " + value + " but it must be within [0, 1] (Input.LOGIT)");
      }
      return logit(value);
    }
  }

  private final double a;
  private final double b;
  private final Input input;

  private PlattCalibrator(double a, double b, Input input) {
    this.a = a;
    this.b = b;
    this.input = input;
  }

  /**
   * Fits a sigmoid on the logit of predicted probabilities ({@link Input#LOGIT}).
   *
   * @param probabilities the model's probability per row, within {@code [0, 1]}
   * @param labels the outcome per row, {@code true} for positive (churned)
   * @return the fitted calibrator
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or a
   *     probability is outside {@code [0, 1]}
   */
  public static PlattCalibrator fit(double[] probabilities, boolean[] labels) {
    return fit(probabilities, labels, null, Input.LOGIT);
  }

  /**
   * Fits a sigmoid on the given kind of input.
   *
   * @param values the model's output per row: probabilities for {@link Input#LOGIT}, finite scores
   *     for {@link Input#RAW}
   * @param labels the outcome per row, {@code true} for positive (churned)
   * @param input how to turn a value into the sigmoid's {@code f}
   * @return the fitted calibrator
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or a
   *     value is outside the input's domain
   */
  public static PlattCalibrator fit(double[] values, boolean[] labels, Input input) {
    return fit(values, labels, null, input);
  }

  /**
   * Fits a weighted sigmoid, as {@code _sigmoid_calibration(f, y, sample_weight=weights)}: the
   * class counts in the smoothed targets and the start value become weight sums.
   *
   * @param values the model's output per row: probabilities for {@link Input#LOGIT}, finite scores
   *     for {@link Input#RAW}
   * @param labels the outcome per row, {@code true} for positive (churned)
   * @param weights a finite, non-negative weight per row with a positive total, or {@code null} for
   *     weight 1 everywhere
   * @param input how to turn a value into the sigmoid's {@code f}
   * @return the fitted calibrator
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a value
   *     is outside the input's domain, or a weight is invalid
   */
  public static PlattCalibrator fit(
      double[] values, boolean[] labels, double[] weights, Input input) {
    Objects.requireNonNull(input, "input");
    Checks.scoresAndLabels(values, labels, input == Input.RAW);
    int n = values.length;
    if (input == Input.LOGIT) {
      Checks.probabilities(values);
    }
    if (weights != null) {
      Checks.weights(weights, n);
    }
    double[] f = new double[n];
    double[] w = new double[n];
    double prior0 = 0;
    double prior1 = 0;
    for (int i = 0; i < n; i++) {
      f[i] = input.toF(values[i]);
      w[i] = weights == null ? 1.0 : weights[i];
      if (labels[i]) {
        prior1 += w[i];
      } else {
        prior0 += w[i];
      }
    }
    double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
    double loTarget = 1.0 / (prior0 + 2.0);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = labels[i] ? hiTarget : loTarget;
    }
    Objective objective = new Objective(f, t, w);
    double[] ab = newton(objective, 0.0, Math.log((prior0 + 1.0) / (prior1 + 1.0)));
    return new PlattCalibrator(ab[0], ab[1], input);
  }

  /** Minimises the objective with Newton steps and a backtracking line search. */
  private static double[] newton(Objective objective, double a0, double b0) {
    double a = a0;
    double b = b0;
    Objective.Point at = objective.at(a, b);
    int iteration = 0;
    String stop = "iteration limit";
    for (; iteration < MAX_ITERATIONS; iteration++) {
      double g1 = at.gA;
      double g2 = at.gB;
      if (g1 == 0 && g2 == 0) {
        stop = "zero gradient";
        break;
      }
      double h11 = at.hAA;
      double h12 = at.hAB;
      double h22 = at.hBB;
      double det = h11 * h22 - h12 * h12;
      double da;
      double db;
      if (h11 > 0 && h22 > 0 && det > 1e-12 * h11 * h22) {
        da = -(h22 * g1 - h12 * g2) / det;
        db = -(h11 * g2 - h12 * g1) / det;
      } else {
        // Singular Hessian (all scores equal, or all zero): Newton along the gradient.
        double curvature = g1 * g1 * h11 + 2 * g1 * g2 * h12 + g2 * g2 * h22;
        if (!(curvature > 0)) {
          stop = "no curvature";
          break;
        }
        double s = (g1 * g1 + g2 * g2) / curvature;
        da = -s * g1;
        db = -s * g2;
      }
      double slope = g1 * da + g2 * db;
      if (!(slope < 0)) {
        stop = "no descent direction";
        break;
      }
      double gradNorm = Math.abs(g1) + Math.abs(g2);
      double step = 1.0;
      Objective.Point next = null;
      while (step >= MIN_STEP) {
        Objective.Point trial = objective.at(a + step * da, b + step * db);
        // Armijo on the loss; close to the optimum the loss no longer changes in floating point,
        // so a step that shrinks the gradient is accepted too.
        if (trial.loss <= at.loss + 1e-4 * step * slope
            || Math.abs(trial.gA) + Math.abs(trial.gB) < gradNorm) {
          next = trial;
          break;
        }
        step /= 2;
      }
      if (next == null) {
        stop = "line search made no progress";
        break;
      }
      double movedA = Math.abs(next.a - a);
      double movedB = Math.abs(next.b - b);
      a = next.a;
      b = next.b;
      at = next;
      if (movedA <= 1e-15 * (1 + Math.abs(a)) && movedB <= 1e-15 * (1 + Math.abs(b))) {
        stop = "converged";
        iteration++;
        break;
      }
    }
    LOG.debug(
        "Platt calibration: A={}, B={} after {} Newton iterations ({}), gradient ({}, {})",
        a,
        b,
        iteration,
        stop,
        at.gA,
        at.gB);
    return new double[] {a, b};
  }

  /** The smoothed log loss of scikit-learn's {@code _sigmoid_calibration} and its derivatives. */
  private static final class Objective {
    private final double[] f;
    private final double[] t;
    private final double[] w;

    Objective(double[] f, double[] t, double[] w) {
      this.f = f;
      this.t = t;
      this.w = w;
    }

    /** Loss, gradient and Hessian at (a, b). */
    Point at(double a, double b) {
      Point p = new Point(a, b);
      for (int i = 0; i < f.length; i++) {
        double fi = f[i];
        double z = a * fi + b;
        // one exp serves both P = 1 / (1 + exp(z)) and softplus(z) = log(1 + exp(z))
        double e = Math.exp(-Math.abs(z));
        double prob = z >= 0 ? e / (1 + e) : 1 / (1 + e);
        double softplus = Math.max(z, 0) + Math.log1p(e);
        double wi = w[i];
        // -(T log P + (1 - T) log(1 - P)) = softplus(z) - (1 - T) z
        p.loss += wi * (softplus - (1 - t[i]) * z);
        double r = wi * (t[i] - prob);
        p.gA += r * fi;
        p.gB += r;
        double h = wi * prob * (1 - prob);
        p.hAA += h * fi * fi;
        p.hAB += h * fi;
        p.hBB += h;
      }
      return p;
    }

    /** One evaluation. */
    static final class Point {
      final double a;
      final double b;
      double loss;
      double gA;
      double gB;
      double hAA;
      double hAB;
      double hBB;

      Point(double a, double b) {
        this.a = a;
        this.b = b;
      }
    }
  }

  /** {@code 1 / (1 + exp(z))}, i.e. {@code expit(-z)}, without overflow. */
  private static double expitNeg(double z) {
    if (z >= 0) {
      double e = Math.exp(-z);
      return e / (1 + e);
    }
    return 1 / (1 + Math.exp(z));
  }

  /** {@code log(p) - log(1 - p)} of {@code p} clipped to {@code [LOGIT_EPS, 1 - LOGIT_EPS]}. */
  static double logit(double p) {
    double c = Math.max(LOGIT_EPS, Math.min(p, 1 - LOGIT_EPS));
    return Math.log(c) - Math.log1p(-c);
  }

  /**
   * Rebuilds a calibrator from its parameters, as read from a model package.
   *
   * @param a the slope {@code A}; finite
   * @param b the intercept {@code B}; finite
   * @param input what the calibrator takes as input; {@code null} means {@link Input#LOGIT}
   * @return the calibrator
   * @throws IllegalArgumentException if {@code a} or {@code b} is not finite
   */
  @JsonCreator
  public static PlattCalibrator of(
      @JsonProperty(value = "a", required = true) double a,
      @JsonProperty(value = "b", required = true) double b,
      @JsonProperty("input") Input input) {
    if (!Double.isFinite(a)) {
      throw new IllegalArgumentException("a was " + a + " but it must be finite");
    }
    if (!Double.isFinite(b)) {
      throw new IllegalArgumentException("b was " + b + " but it must be finite");
    }
    return new PlattCalibrator(a, b, input == null ? Input.LOGIT : input);
  }

  /**
   * Returns the slope {@code A}; negative when higher scores mean more churn.
   *
   * @return {@code A}
   */
  @JsonProperty("a")
  public double a() {
    return a;
  }

  /**
   * Returns the intercept {@code B}.
   *
   * @return {@code B}
   */
  @JsonProperty("b")
  public double b() {
    return b;
  }

  /**
   * Returns what the calibrator takes as input.
   *
   * @return the input kind
   */
  @JsonProperty("input")
  public Input input() {
    return input;
  }

  /**
   * Returns {@code 1 / (1 + exp(A * f + B))} with {@code f} the input's transform of {@code value}.
   *
   * @param value a probability for {@link Input#LOGIT}, any non-NaN score for {@link Input#RAW}
   * @return the calibrated probability, within {@code [0, 1]}
   * @throws IllegalArgumentException if {@code value} is NaN, or outside {@code [0, 1]} for {@link
   *     Input#LOGIT}
   */
  @Override
  public double apply(double value) {
    double z = a * input.toF(value) + b;
    if (Double.isNaN(z)) {
      // a RAW infinity times A = 0: the sigmoid does not depend on f
      z = b;
    }
    return expitNeg(z);
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlattCalibrator other
        && Double.compare(a, other.a) == 0
        && Double.compare(b, other.b) == 0
        && input == other.input;
  }

  @Override
  public int hashCode() {
    return Objects.hash(a, b, input);
  }

  @Override
  public String toString() {
    return "PlattCalibrator[A=" + a + ", B=" + b + ", input=" + input + "]";
  }
}
