package dev.churn.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a model's raw probabilities are mapped to calibrated ones, as stored in a model package:
 * none, isotonic (a non-decreasing piecewise-linear map through fitted points, clipped outside
 * them, as scikit-learn's {@code IsotonicRegression(out_of_bounds="clip")} predicts), or Platt
 * (a sigmoid of the raw probability's logit: {@code 1 / (1 + exp(a * logit(p) + b))}).
 *
 * <p>The fitting lives in {@code dev.churn.models.eval}; this class applies and stores the
 * result.
 */
public final class Calibration {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The calibration method. */
  public enum Method {
    /** Probabilities are used as they are. */
    NONE,
    /** Isotonic regression on out-of-fold predictions. */
    ISOTONIC,
    /** Platt scaling on out-of-fold predictions. */
    PLATT
  }

  private final Method method;
  private final double[] x;
  private final double[] y;
  private final double a;
  private final double b;

  private Calibration(Method method, double[] x, double[] y, double a, double b) {
    this.method = method;
    this.x = x;
    this.y = y;
    this.a = a;
    this.b = b;
  }

  /** Returns the identity calibration. */
  public static Calibration none() {
    return new Calibration(Method.NONE, new double[0], new double[0], 0, 0);
  }

  /**
   * Returns an isotonic calibration through the points {@code (x[i], y[i])}.
   *
   * @param x strictly increasing raw probabilities
   * @param y non-decreasing calibrated probabilities, one per {@code x}
   */
  public static Calibration isotonic(double[] x, double[] y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("isotonic calibration needs as many x as y, at least 1;"
          + " got " + x.length + " and " + y.length);
    }
    for (int i = 1; i < x.length; i++) {
      if (!(x[i] > x[i - 1]) || y[i] < y[i - 1]) {
        throw new IllegalArgumentException("isotonic calibration points must have increasing x"
            + " and non-decreasing y (point " + i + ")");
      }
    }
    return new Calibration(Method.ISOTONIC, x.clone(), y.clone(), 0, 0);
  }

  /** Returns a Platt calibration {@code 1 / (1 + exp(a * logit(p) + b))}. */
  public static Calibration platt(double a, double b) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("Platt parameters must be finite: a=" + a + ", b=" + b);
    }
    return new Calibration(Method.PLATT, new double[0], new double[0], a, b);
  }

  /** Returns the method. */
  public Method method() {
    return method;
  }

  /** Returns the calibrated probability of a raw one. */
  public double apply(double p) {
    return switch (method) {
      case NONE -> p;
      case PLATT -> 1 / (1 + Math.exp(a * Explainer.logit(p) + b));
      case ISOTONIC -> {
        if (p <= x[0]) {
          yield y[0];
        }
        int n = x.length;
        if (p >= x[n - 1]) {
          yield y[n - 1];
        }
        int i = Arrays.binarySearch(x, p);
        if (i >= 0) {
          yield y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        yield y[lo] + (y[hi] - y[lo]) * (p - x[lo]) / (x[hi] - x[lo]);
      }
    };
  }

  /** Returns the calibrated probabilities of raw ones (a new array). */
  public double[] apply(double[] p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = apply(p[i]);
    }
    return out;
  }

  /** Returns the calibration as JSON, as stored in model packages. */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("method", method.name());
    var xs = o.putArray("x");
    var ys = o.putArray("y");
    for (int i = 0; i < x.length; i++) {
      xs.add(x[i]);
      ys.add(y[i]);
    }
    o.put("a", a).put("b", b);
    return o.toString();
  }

  /** Reads a calibration written by {@link #toJson()}. */
  public static Calibration fromJson(String json) {
    try {
      JsonNode o = JSON.readTree(json);
      Method m = Method.valueOf(o.get("method").asText());
      double[] xs = new double[o.get("x").size()];
      double[] ys = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = o.get("x").get(i).asDouble();
        ys[i] = o.get("y").get(i).asDouble();
      }
      return switch (m) {
        case NONE -> none();
        case ISOTONIC -> isotonic(xs, ys);
        case PLATT -> platt(o.get("a").asDouble(), o.get("b").asDouble());
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return switch (method) {
      case NONE -> "Calibration[none]";
      case ISOTONIC -> "Calibration[isotonic, " + x.length + " points]";
      case PLATT -> "Calibration[platt a=" + a + " b=" + b + "]";
    };
  }
}
