package dev.churn.models.registry;

import dev.churn.core.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The built-in {@link Gate}s: metric thresholds, champion / challenger against the production
 * version, an acceptance test on a fixed sample, and input signature compatibility.
 *
 * <pre>{@code
 * registry.model("churn").version(v).promote()
 *     .gate(Gates.metricAtLeast("auc", 0.80))
 *     .gate(Gates.notWorseThanProduction("auc", 0.005))
 *     .gate(Gates.acceptance(sample, expectedScores, 1e-9))
 *     .toProduction();
 * }</pre>
 *
 * <p><b>Default gates</b> ({@link #defaults(Stage)}), meant for tools such as the {@code churn
 * registry transition} command that apply gates without the user listing them: for a transition
 * to {@link Stage#PRODUCTION}, {@link #signatureCompatibleWithProduction()} and {@link
 * #notWorseThanProduction(String, double) notWorseThanProduction("auc", 0.005)}; for every other
 * stage none. The fluent API applies only the gates it is given.
 */
public final class Gates {
  /** The AUC tolerance of the default champion / challenger gate. */
  public static final double DEFAULT_AUC_TOLERANCE = 0.005;

  /**
   * Metrics for which a lower value is better; {@link #notWorseThanProduction(String, double)}
   * treats every other metric as higher-is-better.
   */
  public static final Set<String> LOWER_IS_BETTER =
      Set.of("logloss", "log_loss", "brier", "ece", "mse", "rmse", "mae", "error_rate");

  private Gates() {}

  /**
   * The default gates for a transition to {@code target} (see the class documentation).
   *
   * @param target the stage a version is to move to
   * @return the gates, possibly none
   */
  public static List<Gate> defaults(Stage target) {
    Objects.requireNonNull(target, "target");
    return target == Stage.PRODUCTION
        ? List.of(signatureCompatibleWithProduction(),
            notWorseThanProduction("auc", DEFAULT_AUC_TOLERANCE))
        : List.of();
  }

  /**
   * Passes when the candidate's metric is at least {@code min}; fails when it is lower or missing.
   *
   * @param metric the metric name, e.g. "auc"
   * @param min the smallest acceptable value
   * @return the gate
   * @throws IllegalArgumentException if {@code metric} is blank or {@code min} is not finite
   */
  public static Gate metricAtLeast(String metric, double min) {
    return threshold("metricAtLeast", metric, min, true);
  }

  /**
   * Passes when the candidate's metric is at most {@code max}; fails when it is higher or
   * missing.
   *
   * @param metric the metric name, e.g. "logloss"
   * @param max the largest acceptable value
   * @return the gate
   * @throws IllegalArgumentException if {@code metric} is blank or {@code max} is not finite
   */
  public static Gate metricAtMost(String metric, double max) {
    return threshold("metricAtMost", metric, max, false);
  }

  private static Gate threshold(String kind, String metric, double bound, boolean atLeast) {
    checkMetric(metric);
    if (!Double.isFinite(bound)) {
      throw new IllegalArgumentException((atLeast ? "min" : "max") + " was " + bound
          + " but it must be finite");
    }
    String name = kind + "(" + metric + ", " + bound + ")";
    String boundName = atLeast ? "min" : "max";
    return Gate.named(name, ctx -> {
      OptionalDouble value = ctx.candidate().metric(metric);
      if (value.isEmpty()) {
        return GateResult.fail(name, "the candidate has no metric '" + metric + "' (it has "
            + ctx.candidate().metrics().keySet() + ")", Map.of(boundName, bound));
      }
      double v = value.getAsDouble();
      boolean ok = atLeast ? v >= bound : v <= bound;
      String op = atLeast ? (ok ? ">=" : "<") : (ok ? "<=" : ">");
      Map<String, Double> values = new LinkedHashMap<>();
      values.put(boundName, bound);
      values.put(metric, v);
      return new GateResult(name, ok, metric + " " + fmt(v) + " " + op + " " + fmt(bound), values);
    });
  }

  /**
   * Champion / challenger: passes when the candidate's metric is not worse than the production
   * version's by more than {@code tolerance}, and when there is no production version (saying
   * so). Metrics in {@link #LOWER_IS_BETTER} are compared as lower-is-better, all others as
   * higher-is-better. Fails when either version lacks the metric.
   *
   * @param metric the metric name, e.g. "auc"
   * @param tolerance how much worse the candidate may be, >= 0
   * @return the gate
   */
  public static Gate notWorseThanProduction(String metric, double tolerance) {
    checkMetric(metric);
    return notWorseThanProduction(metric, tolerance, !LOWER_IS_BETTER.contains(metric));
  }

  /**
   * Champion / challenger with an explicit direction; see {@link
   * #notWorseThanProduction(String, double)}.
   *
   * @param metric the metric name
   * @param tolerance how much worse the candidate may be, >= 0
   * @param higherIsBetter whether a higher value of the metric is better
   * @return the gate
   * @throws IllegalArgumentException if {@code metric} is blank or {@code tolerance} is negative
   *     or not finite
   */
  public static Gate notWorseThanProduction(String metric, double tolerance,
      boolean higherIsBetter) {
    checkMetric(metric);
    if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException("tolerance was " + tolerance
          + " but it must be a finite number >= 0");
    }
    String name = "notWorseThanProduction(" + metric + ", " + tolerance + ")";
    return Gate.named(name, ctx -> {
      if (ctx.production().isEmpty()) {
        return GateResult.pass(name, "no version of '" + ctx.model()
            + "' is in PRODUCTION, nothing to compare with", Map.of("tolerance", tolerance));
      }
      ModelVersion prod = ctx.production().get();
      OptionalDouble c = ctx.candidate().metric(metric);
      OptionalDouble p = prod.metric(metric);
      if (c.isEmpty() || p.isEmpty()) {
        return GateResult.fail(name, (c.isEmpty() ? "the candidate" : "production v"
            + prod.number()) + " has no metric '" + metric + "', cannot compare",
            Map.of("tolerance", tolerance, "productionVersion", (double) prod.number()));
      }
      double cv = c.getAsDouble();
      double pv = p.getAsDouble();
      double worseBy = higherIsBetter ? pv - cv : cv - pv;
      boolean ok = worseBy <= tolerance;
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("candidate", cv);
      values.put("production", pv);
      values.put("productionVersion", (double) prod.number());
      values.put("tolerance", tolerance);
      values.put("worseBy", worseBy);
      String detail = metric + " " + fmt(cv) + " vs " + fmt(pv) + " of production v" + prod.number()
          + (worseBy <= 0 ? ": not worse" : ": worse by " + fmt(worseBy)
              + (ok ? ", within" : ", more than") + " the tolerance " + fmt(tolerance))
          + (higherIsBetter ? "" : " (lower is better)");
      return new GateResult(name, ok, detail, values);
    });
  }

  /**
   * User acceptance on a fixed sample: loads the candidate, scores {@code sample} and passes when
   * every prediction is within {@code tolerance} of {@code expected} (NaN matches only NaN). The
   * gate keeps a reference to {@code sample}: it must stay open until the transition is done.
   *
   * @param sample the rows to score, with the model's input columns
   * @param expected the expected scores, one per row (copied)
   * @param tolerance the largest acceptable absolute difference, >= 0
   * @return the gate
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public static Gate acceptance(Table sample, double[] expected, double tolerance) {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(expected, "expected");
    if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException("tolerance was " + tolerance
          + " but it must be a finite number >= 0");
    }
    double[] want = expected.clone();
    String name = "acceptance(" + want.length + " rows, tolerance " + tolerance + ")";
    return Gate.named(name, ctx -> {
      if (sample.isClosed()) {
        return GateResult.fail(name, "the sample table was closed before the gate ran",
            Map.of());
      }
      if (sample.rowCount() != want.length) {
        return GateResult.fail(name, "the sample has " + sample.rowCount() + " rows but "
            + want.length + " expected scores were given",
            Map.of("rows", (double) sample.rowCount(), "expected", (double) want.length));
      }
      double[] got = ctx.loadCandidate().predict(sample);
      int mismatches = 0;
      int worst = -1;
      double maxDiff = 0;
      for (int i = 0; i < want.length; i++) {
        double d;
        if (Double.isNaN(want[i]) || Double.isNaN(got[i])) {
          d = Double.isNaN(want[i]) && Double.isNaN(got[i]) ? 0 : Double.POSITIVE_INFINITY;
        } else {
          d = Math.abs(got[i] - want[i]);
        }
        if (d > tolerance) {
          mismatches++;
        }
        if (d > maxDiff || worst < 0) {
          maxDiff = d;
          worst = i;
        }
      }
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("rows", (double) want.length);
      values.put("mismatches", (double) mismatches);
      values.put("maxAbsDiff", maxDiff);
      values.put("tolerance", tolerance);
      if (mismatches == 0) {
        return GateResult.pass(name, "all " + want.length + " predictions are within "
            + fmt(tolerance) + " of the expected scores (largest difference " + fmt(maxDiff) + ")",
            values);
      }
      values.put("worstRow", (double) worst);
      return GateResult.fail(name, mismatches + " of " + want.length
          + " predictions differ from the expected scores by more than " + fmt(tolerance)
          + " (largest at row " + worst + ": expected " + fmt(want[worst]) + ", got "
          + fmt(got[worst]) + ")", values);
    });
  }

  /**
   * Passes when the data fed to the production version can feed the candidate: every input
   * column the candidate needs is an input of the production version with the same type (a
   * NUMERIC input also accepts BOOLEAN, as the model does). Passes when there is no production
   * version; fails when either version has no recorded signature (registered from raw bytes
   * without one).
   *
   * @return the gate
   */
  public static Gate signatureCompatibleWithProduction() {
    String name = "signatureCompatibleWithProduction";
    return Gate.named(name, ctx -> {
      if (ctx.production().isEmpty()) {
        return GateResult.pass(name, "no version of '" + ctx.model()
            + "' is in PRODUCTION, nothing to compare with", Map.of());
      }
      ModelVersion prod = ctx.production().get();
      Map<String, String> cand = ctx.candidate().signature();
      Map<String, String> have = prod.signature();
      if (cand.isEmpty() || have.isEmpty()) {
        return GateResult.fail(name, (cand.isEmpty() ? "the candidate" : "production v"
            + prod.number()) + " has no recorded input signature, cannot compare", Map.of());
      }
      List<String> missing = new ArrayList<>();
      List<String> retyped = new ArrayList<>();
      cand.forEach((col, type) -> {
        String old = have.get(col);
        if (old == null) {
          missing.add(col + " (" + type + ")");
        } else if (!old.equals(type) && !(type.equals("NUMERIC") && old.equals("BOOLEAN"))) {
          retyped.add(col + ": " + old + " -> " + type);
        }
      });
      Map<String, Double> values = Map.of("candidateInputs", (double) cand.size(),
          "productionInputs", (double) have.size(), "missing", (double) missing.size(),
          "retyped", (double) retyped.size());
      if (missing.isEmpty() && retyped.isEmpty()) {
        return GateResult.pass(name, "all " + cand.size() + " inputs of the candidate are inputs"
            + " of production v" + prod.number() + " with the same types", values);
      }
      return GateResult.fail(name, "the candidate's inputs do not match production v"
          + prod.number() + (missing.isEmpty() ? "" : "; new columns: " + missing)
          + (retyped.isEmpty() ? "" : "; changed types: " + retyped), values);
    });
  }

  private static void checkMetric(String metric) {
    Objects.requireNonNull(metric, "metric");
    if (metric.isBlank()) {
      throw new IllegalArgumentException("metric must not be blank");
    }
  }

  static String fmt(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    return a >= 1e-3 && a < 1e6
        ? String.format(Locale.ROOT, "%.4f", v)
        : String.format(Locale.ROOT, "%.3e", v);
  }
}
