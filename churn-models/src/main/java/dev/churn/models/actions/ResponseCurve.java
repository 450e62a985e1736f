package dev.churn.models.actions;

/**
 * The response rate of a discount as a function of its level: the share of would-be churners that a
 * discount of that level keeps. Used to build a menu of discount offers with {@link
 * RetentionPlanner.Builder#discounts(int, ResponseCurve, double...)}.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * ResponseCurve curve = ResponseCurve.saturating(0.6, 0.2);   // 20 % discount keeps 30 %
 * curve.response(0.20);                                       // 0.30
 * ResponseCurve measured = level -> level <= 0.1 ? 0.12 : 0.25; // from a past experiment
 * }</pre>
 */
@FunctionalInterface
public interface ResponseCurve {

  /**
   * Returns the share of would-be churners that a discount of the given level keeps.
   *
   * @param discountLevel the discount as a share of the monthly price, in (0, 1]
   * @return the response rate, which must be in [0, 1] (checked when the planner is built)
   */
  double response(double discountLevel);

  /**
   * A curve that rises with the level and levels off: {@code maxResponse * d / (d + halfLevel)}.
   * At {@code d = halfLevel} the response is half of {@code maxResponse}.
   *
   * @param maxResponse the response approached by very large discounts, in (0, 1]
   * @param halfLevel the discount level that achieves half of {@code maxResponse}, greater than 0
   * @return the curve
   * @throws IllegalArgumentException if a parameter is out of range
   */
  static ResponseCurve saturating(double maxResponse, double halfLevel) {
    if (!(maxResponse > 0.0 && maxResponse <= 1.0)) {
      throw new IllegalArgumentException(
          "maxResponse was '" + maxResponse + "' but it must be in (0, 1]");
    }
    if (!(halfLevel > 0.0 && Double.isFinite(halfLevel))) {
      throw new IllegalArgumentException(
          "halfLevel was '" + halfLevel + "' but it must be a finite number greater than 0");
    }
    return level -> maxResponse * level / (level + halfLevel);
  }
}
