package dev.churn.models.actions;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One retention option on the planner's menu, with its economics: what it costs and which share of
 * would-be churners it keeps.
 *
 * <p>The cost of an offer for a customer paying {@code monthlyPrice} per month is {@code fixedCost +
 * discountLevel * months * monthlyPrice}. Who pays it depends on the kind:
 *
 * <ul>
 *   <li>{@link ActionKind#DISCOUNT}: only customers who stay use the discount. A targeted customer
 *       with churn probability {@code p} stays with probability {@code (1 - p) + p * response}
 *       (those who would have stayed anyway, plus the churners the offer keeps), and the planner
 *       assumes every one of them uses it;
 *   <li>{@link ActionKind#CALL} and {@link ActionKind#EMAIL}: paid for every customer contacted.
 * </ul>
 *
 * <p>The expected gain of the offer over doing nothing is then {@code p * response * value - cost *
 * usageProbability(p)} (see {@link #expectedGain(double, double, double)}).
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Offer call = Offer.call(8.00, 0.25);                 // costs 8.00 per call, keeps 25 % of churners
 * Offer twenty = Offer.discount(0.20, 3, 0.30);        // "20% discount x 3 months", keeps 30 %
 * twenty.cost(9.99);                                   // 0.20 * 3 * 9.99 = 5.994
 * twenty.expectedGain(0.62, 95.00, 9.99);              // 0.62*0.30*95 - 5.994*(0.38 + 0.62*0.30)
 * }</pre>
 *
 * @param name how the offer is shown in plans and reports, e.g. "20% discount x 3 months"; unique
 *     within a planner
 * @param kind the kind of action, not {@link ActionKind#NONE}
 * @param discountLevel the discount as a share of the monthly price, in (0, 1] for a discount and 0
 *     otherwise
 * @param months how many months the discount applies, at least 1 for a discount and 0 otherwise
 * @param fixedCost a cost per use independent of the price (the cost of a call, of handling), at
 *     least 0
 * @param response the share of would-be churners the offer keeps (a call's success rate), in [0, 1]
 */
public record Offer(
    String name, ActionKind kind, double discountLevel, int months, double fixedCost,
    double response) {

  /**
   * Validates the fields.
   *
   * @param name the display name
   * @param kind the kind of action
   * @param discountLevel the discount level
   * @param months the discount's duration in months
   * @param fixedCost the fixed cost per use
   * @param response the response rate
   * @throws IllegalArgumentException if a field is out of range (see the record description)
   */
  public Offer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name was '" + name + "' but it must not be blank");
    }
    if (kind == ActionKind.NONE) {
      throw new IllegalArgumentException(
          "kind was 'NONE' but it must be CALL, DISCOUNT or EMAIL; \"no offer\" is implicit");
    }
    if (kind == ActionKind.DISCOUNT) {
      if (!(discountLevel > 0.0 && discountLevel <= 1.0)) {
        throw new IllegalArgumentException(
            "discountLevel was '" + discountLevel + "' but it must be in (0, 1] for a discount");
      }
      if (months < 1) {
        throw new IllegalArgumentException(
            "months was '" + months + "' but it must be at least 1 for a discount");
      }
    } else {
      if (discountLevel != 0.0) {
        throw new IllegalArgumentException(
            "discountLevel was '" + discountLevel + "' but it must be 0 for a " + kind.label());
      }
      if (months != 0) {
        throw new IllegalArgumentException(
            "months was '" + months + "' but it must be 0 for a " + kind.label());
      }
    }
    if (!(fixedCost >= 0.0 && Double.isFinite(fixedCost))) {
      throw new IllegalArgumentException(
          "fixedCost was '" + fixedCost + "' but it must be a finite amount of at least 0");
    }
    if (!(response >= 0.0 && response <= 1.0)) {
      throw new IllegalArgumentException(
          "response was '" + response + "' but it must be a share in [0, 1]");
    }
  }

  /**
   * A call from the retention team, named "call".
   *
   * @param cost the cost of one call, paid for every customer called
   * @param successRate the share of would-be churners a call keeps, in [0, 1]
   * @return the offer
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Offer call(double cost, double successRate) {
    return new Offer("call", ActionKind.CALL, 0.0, 0, cost, successRate);
  }

  /**
   * A thank-you email, named "thank-you email".
   *
   * @param cost the cost of one email (usually 0), paid for every customer emailed
   * @param response the share of would-be churners an email keeps (usually 0), in [0, 1]
   * @return the offer
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Offer email(double cost, double response) {
    return new Offer("thank-you email", ActionKind.EMAIL, 0.0, 0, cost, response);
  }

  /**
   * A discount of {@code level} of the monthly price for {@code months} months, named e.g. "20%
   * discount x 3 months".
   *
   * @param level the discount as a share of the monthly price, in (0, 1]
   * @param months how many months it applies, at least 1
   * @param response the share of would-be churners it keeps, in [0, 1]
   * @return the offer
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Offer discount(double level, int months, double response) {
    if (!(level > 0.0 && level <= 1.0)) {
      throw new IllegalArgumentException(
          "discountLevel was '" + level + "' but it must be in (0, 1] for a discount");
    }
    String percent = BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
    String name = percent + "% discount x " + months + (months == 1 ? " month" : " months");
    return new Offer(name, ActionKind.DISCOUNT, level, months, 0.0, response);
  }

  /**
   * Returns the cost of the offer for one customer who uses it.
   *
   * @param monthlyPrice the customer's monthly price
   * @return {@code fixedCost + discountLevel * months * monthlyPrice}
   */
  public double cost(double monthlyPrice) {
    return fixedCost + discountLevel * months * monthlyPrice;
  }

  /**
   * Returns the probability that a targeted customer's use of the offer is paid for.
   *
   * @param churnProbability the customer's churn probability without the offer
   * @return {@code (1 - p) + p * response} for a discount (every customer who stays uses it), 1 for
   *     a call or an email (paid per contact)
   */
  public double usageProbability(double churnProbability) {
    if (kind == ActionKind.DISCOUNT) {
      return (1.0 - churnProbability) + churnProbability * response;
    }
    return 1.0;
  }

  /**
   * Returns the expected value saved by the offer: the would-be churners it keeps times their
   * value.
   *
   * @param churnProbability the customer's churn probability without the offer
   * @param value what keeping the customer is worth
   * @return {@code p * response * value}
   */
  public double expectedSaved(double churnProbability, double value) {
    return churnProbability * response * value;
  }

  /**
   * Returns the expected cost of targeting one customer with the offer.
   *
   * @param churnProbability the customer's churn probability without the offer
   * @param monthlyPrice the customer's monthly price
   * @return {@code cost(monthlyPrice) * usageProbability(p)}
   */
  public double expectedCost(double churnProbability, double monthlyPrice) {
    return cost(monthlyPrice) * usageProbability(churnProbability);
  }

  /**
   * Returns the expected retained value of targeting one customer with the offer, compared with
   * doing nothing (whose gain is 0).
   *
   * @param churnProbability the customer's churn probability without the offer
   * @param value what keeping the customer is worth
   * @param monthlyPrice the customer's monthly price
   * @return {@code expectedSaved(p, value) - expectedCost(p, monthlyPrice)}
   */
  public double expectedGain(double churnProbability, double value, double monthlyPrice) {
    return expectedSaved(churnProbability, value) - expectedCost(churnProbability, monthlyPrice);
  }
}
