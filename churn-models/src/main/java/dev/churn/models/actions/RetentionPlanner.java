package dev.churn.models.actions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes a retention action for every scored customer: by default a call for bucket {@link
 * Bucket#A A}, a discount for {@link Bucket#B B} and a thank-you email for {@link Bucket#C C}, and,
 * within those, the offer that is worth the most.
 *
 * <h2>The value model</h2>
 *
 * <p>Each customer has a churn probability {@code p} (calibrated, without any action), a monthly
 * price and a value {@code v}, what keeping them is worth (by default {@code monthly price *
 * expectedRemainingMonths}). Each {@link Offer} has a response rate {@code r}, the share of
 * would-be churners it keeps ("a 20 % discount keeps 30 % of would-be churners"), and a cost {@code
 * c} per use ({@code fixedCost + discountLevel * months * monthlyPrice}). Its expected retained
 * value, compared with doing nothing, is
 *
 * <pre>
 *   gain(offer) = p * r * v  -  c * P(paid)
 * </pre>
 *
 * <p>where {@code P(paid)} is the probability that the cost is incurred. The planner assumes that
 * <b>every targeted customer who stays uses a discount</b>: those who would have stayed anyway (the
 * deadweight, {@code 1 - p}) and the churners the offer keeps ({@code p * r}), so for a discount
 * {@code P(paid) = 1 - p + p * r}. Calls and emails are paid for every customer contacted: {@code
 * P(paid) = 1}. "No offer" gains exactly 0. The model ignores effects beyond the offer (a kept
 * customer is worth {@code v} whether or not they received a discount, minus its cost), and it
 * takes response rates as given: estimate them from past campaigns or an A/B test.
 *
 * <h2>The choice</h2>
 *
 * <p>For a customer in bucket {@code b}, the candidates are the offers of the action kinds mapped
 * to {@code b} (see {@link Builder#actions(Bucket, ActionKind...)}; a {@link ActionKind#DISCOUNT}
 * kind contributes every discount level), plus "no offer". The planner picks the candidate with the
 * highest gain; exact ties go to the candidate with the lower expected cost, then to the one listed
 * first, "no offer" being listed last. So an offer is never chosen if its gain is negative, a
 * costly offer is chosen only if it gains strictly more than nothing, and a free action with zero
 * gain (the default thank-you email) is still sent. The choice depends only on the inputs; there is
 * nothing random.
 *
 * <p>Consequences worth knowing: the deadweight cost makes discounts expensive for customers who
 * would have stayed anyway, so low-risk customers rarely get one; raising a customer's value never
 * lowers the gain of their best option; and an email with a positive cost and a zero response is
 * never sent (give it a response rate, or a cost of 0).
 *
 * <h2>Defaults</h2>
 *
 * <p>The defaults are illustrative, for a subscription at 10.00 per month; set your own: buckets
 * {@code RiskBuckets.byProbability(0.5, 0.2)}, monthly price {@value #DEFAULT_MONTHLY_PRICE},
 * expected remaining months {@value #DEFAULT_REMAINING_MONTHS}, a call costing {@value
 * #DEFAULT_CALL_COST} that keeps {@value #DEFAULT_CALL_SUCCESS} of churners, a free email with no
 * response, and discounts of 10 %, 20 % and 30 % for 3 months keeping 15 %, 30 % and 40 %.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * RetentionPlanner planner = RetentionPlanner.builder()
 *     .buckets(RiskBuckets.byShare(0.10, 0.20))
 *     .defaultMonthlyPrice(9.99)
 *     .expectedRemainingMonths(10)
 *     .call(8.00, 0.25)
 *     .discounts(3, ResponseCurve.saturating(0.6, 0.2), 0.10, 0.20, 0.30)
 *     .actions(Bucket.A, ActionKind.CALL, ActionKind.DISCOUNT)   // A may get a discount instead
 *     .build();
 * RetentionPlan plan = planner.plan(ids, probabilities, monthlyPrices);
 * plan.plans().get(0).reason();
 * // "20% discount x 3 months: expected +12.40 = 0.62 churn x 0.30 response x 95.00 value - 5.27 cost"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RetentionPlanner {

  /** Default monthly price when none is given per customer. */
  public static final double DEFAULT_MONTHLY_PRICE = 10.0;

  /** Default expected remaining months of a kept customer: {@code value = price * months}. */
  public static final double DEFAULT_REMAINING_MONTHS = 12.0;

  /** Default cost of a call. */
  public static final double DEFAULT_CALL_COST = 5.0;

  /** Default share of would-be churners a call keeps. */
  public static final double DEFAULT_CALL_SUCCESS = 0.25;

  private final RiskBuckets buckets;
  private final double defaultMonthlyPrice;
  private final double expectedRemainingMonths;
  private final Offer call;
  private final Offer email;
  private final List<Offer> discounts;
  private final Map<Bucket, List<ActionKind>> actions;
  private final Map<Bucket, List<Offer>> candidates;

  private RetentionPlanner(Builder b, List<Offer> discounts, Map<Bucket, List<ActionKind>> actions) {
    this.buckets = b.buckets;
    this.defaultMonthlyPrice = b.defaultMonthlyPrice;
    this.expectedRemainingMonths = b.expectedRemainingMonths;
    this.call = b.call;
    this.email = b.email;
    this.discounts = List.copyOf(discounts);
    this.actions = Collections.unmodifiableMap(new EnumMap<>(actions));
    EnumMap<Bucket, List<Offer>> menus = new EnumMap<>(Bucket.class);
    for (Bucket bucket : Bucket.values()) {
      List<Offer> menu = new ArrayList<>();
      for (ActionKind kind : actions.get(bucket)) {
        switch (kind) {
          case CALL -> menu.add(call);
          case EMAIL -> menu.add(email);
          case DISCOUNT -> menu.addAll(this.discounts);
          case NONE -> throw new AssertionError("NONE is rejected by the builder");
        }
      }
      menus.put(bucket, List.copyOf(menu));
    }
    this.candidates = Collections.unmodifiableMap(menus);
  }

  /**
   * Starts a builder with the defaults described in the class documentation.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the risk buckets used to bucket customers.
   *
   * @return the buckets
   */
  public RiskBuckets buckets() {
    return buckets;
  }

  /**
   * Returns the offers considered for a customer of a bucket (besides "no offer"), in the order
   * used to break ties.
   *
   * @param bucket the bucket
   * @return the candidate offers, possibly empty
   */
  public List<Offer> candidates(Bucket bucket) {
    return candidates.get(Objects.requireNonNull(bucket, "bucket"));
  }

  /**
   * Returns the action kinds mapped to a bucket.
   *
   * @param bucket the bucket
   * @return the kinds, in the order given to the builder
   */
  public List<ActionKind> actions(Bucket bucket) {
    return actions.get(Objects.requireNonNull(bucket, "bucket"));
  }

  /**
   * Returns the monthly price assumed for customers given without one.
   *
   * @return the default monthly price
   */
  public double defaultMonthlyPrice() {
    return defaultMonthlyPrice;
  }

  /**
   * Returns the expected remaining months used to value customers given without a value.
   *
   * @return the expected remaining months
   */
  public double expectedRemainingMonths() {
    return expectedRemainingMonths;
  }

  /**
   * Plans for customers who all pay the default monthly price and are worth {@code default price *
   * expectedRemainingMonths}.
   *
   * @param ids the customers' ids, unique and not blank
   * @param probabilities their calibrated churn probabilities, in the same order
   * @return the plan
   * @throws IllegalArgumentException if the lengths differ, an id is blank or repeated, or a
   *     probability is not in [0, 1]
   */
  public RetentionPlan plan(List<String> ids, double[] probabilities) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(probabilities, "probabilities");
    double[] prices = new double[ids.size()];
    Arrays.fill(prices, defaultMonthlyPrice);
    return plan(ids, probabilities, prices);
  }

  /**
   * Plans for customers with their own monthly prices; each is worth {@code price *
   * expectedRemainingMonths}.
   *
   * @param ids the customers' ids, unique and not blank
   * @param probabilities their calibrated churn probabilities, in the same order
   * @param monthlyPrices their monthly prices, in the same order
   * @return the plan
   * @throws IllegalArgumentException if the lengths differ, an id is blank or repeated, a
   *     probability is not in [0, 1], or a price is negative or not finite
   */
  public RetentionPlan plan(List<String> ids, double[] probabilities, double[] monthlyPrices) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(monthlyPrices, "monthlyPrices");
    if (probabilities.length != ids.size() || monthlyPrices.length != ids.size()) {
      throw new IllegalArgumentException(
          "probabilities and monthlyPrices had " + probabilities.length + " and "
              + monthlyPrices.length + " entries but they must have one per id (" + ids.size()
              + ")");
    }
    List<Customer> customers = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = Objects.requireNonNull(ids.get(i), "ids[" + i + "]");
      customers.add(
          new Customer(
              id, probabilities[i], monthlyPrices[i], monthlyPrices[i] * expectedRemainingMonths));
    }
    return plan(customers);
  }

  /**
   * Plans for fully described customers.
   *
   * @param customers the customers; ids must be unique
   * @return the plan, with the customers in the given order
   * @throws IllegalArgumentException if an id is repeated
   */
  public RetentionPlan plan(List<Customer> customers) {
    Objects.requireNonNull(customers, "customers");
    int n = customers.size();
    double[] probabilities = new double[n];
    Map<String, Integer> seen = new HashMap<>(Math.max(16, n * 2));
    for (int i = 0; i < n; i++) {
      Customer c = Objects.requireNonNull(customers.get(i), "customers[" + i + "]");
      Integer previous = seen.putIfAbsent(c.id(), i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "ids[" + i + "] was '" + c.id() + "' but it must be unique; it repeats ids[" + previous
                + "]");
      }
      probabilities[i] = c.churnProbability();
    }
    BucketAssignment assignment = buckets.assign(probabilities);
    List<Plan> plans = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      plans.add(planCustomer(customers.get(i), assignment.bucket(i)));
    }
    return summarize(plans, assignment);
  }

  /**
   * Chooses the best offer for one customer whose bucket is already known, e.g. when scoring a
   * single customer with {@link RiskBuckets#bucketOf(double)}.
   *
   * @param customer the customer
   * @param bucket the customer's bucket
   * @return the plan for the customer
   */
  public Plan planCustomer(Customer customer, Bucket bucket) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(bucket, "bucket");
    double p = customer.churnProbability();
    double v = customer.value();
    double price = customer.monthlyPrice();
    Offer best = null;
    double bestGain = 0.0;
    double bestCost = 0.0;
    Offer bestCandidate = null;
    double bestCandidateGain = Double.NEGATIVE_INFINITY;
    for (Offer offer : candidates.get(bucket)) {
      double gain = offer.expectedGain(p, v, price);
      double cost = offer.expectedCost(p, price);
      if (gain > bestCandidateGain) {
        bestCandidate = offer;
        bestCandidateGain = gain;
      }
      boolean better = best == null
          ? gain > 0.0 || (gain == 0.0 && cost <= 0.0)
          : gain > bestGain || (gain == bestGain && cost < bestCost);
      if (better) {
        best = offer;
        bestGain = gain;
        bestCost = cost;
      }
    }
    if (best == null) {
      String reason = bestCandidate == null
          ? "no offer: no action is configured for bucket " + bucket
          : "no offer: best candidate " + reasonFor(bestCandidate, p, v, price);
      return new Plan(customer.id(), p, bucket, v, ActionKind.NONE, Optional.empty(), 0.0, 0.0, 0.0,
          reason);
    }
    return new Plan(customer.id(), p, bucket, v, best.kind(), Optional.of(best),
        best.expectedSaved(p, v), best.expectedCost(p, price), bestGain,
        reasonFor(best, p, v, price));
  }

  private static String reasonFor(Offer offer, double p, double v, double price) {
    return String.format(
        Locale.ROOT,
        "%s: expected %+.2f = %.2f churn x %.2f response x %.2f value - %.2f cost",
        offer.name(), offer.expectedGain(p, v, price), p, offer.response(), v,
        offer.expectedCost(p, price));
  }

  private static RetentionPlan summarize(List<Plan> plans, BucketAssignment assignment) {
    Bucket[] all = Bucket.values();
    int[] count = new int[all.length];
    double[] churners = new double[all.length];
    double[] kept = new double[all.length];
    double[] saved = new double[all.length];
    double[] cost = new double[all.length];
    List<EnumMap<ActionKind, Integer>> actionCounts = new ArrayList<>();
    for (int b = 0; b < all.length; b++) {
      actionCounts.add(new EnumMap<>(ActionKind.class));
    }
    EnumMap<ActionKind, Integer> totalActions = new EnumMap<>(ActionKind.class);
    for (Plan plan : plans) {
      int b = plan.bucket().ordinal();
      count[b]++;
      churners[b] += plan.churnProbability();
      kept[b] += plan.offer().map(o -> plan.churnProbability() * o.response()).orElse(0.0);
      saved[b] += plan.expectedSaved();
      cost[b] += plan.expectedCost();
      actionCounts.get(b).merge(plan.action(), 1, Integer::sum);
      totalActions.merge(plan.action(), 1, Integer::sum);
    }
    List<BucketSummary> summaries = new ArrayList<>(all.length);
    double totalChurners = 0;
    double totalKept = 0;
    double totalSaved = 0;
    double totalCost = 0;
    for (int b = 0; b < all.length; b++) {
      double mean = count[b] == 0 ? 0.0 : churners[b] / count[b];
      summaries.add(new BucketSummary(all[b], count[b], mean, churners[b], kept[b], saved[b],
          cost[b], saved[b] - cost[b], actionCounts.get(b)));
      totalChurners += churners[b];
      totalKept += kept[b];
      totalSaved += saved[b];
      totalCost += cost[b];
    }
    PlanTotals totals = new PlanTotals(plans.size(), totalChurners, totalKept, totalSaved,
        totalCost, totalSaved - totalCost, totalActions);
    return new RetentionPlan(plans, assignment, summaries, totals);
  }

  @Override
  public String toString() {
    return "RetentionPlanner[" + buckets + ", A=" + candidates.get(Bucket.A).size() + " offers, B="
        + candidates.get(Bucket.B).size() + " offers, C=" + candidates.get(Bucket.C).size()
        + " offers]";
  }

  /**
   * Configures a {@link RetentionPlanner}; obtained from {@link RetentionPlanner#builder()}. Setters
   * check their arguments at once ({@code IllegalArgumentException} "&lt;field&gt; was
   * '&lt;value&gt;' but it must be &lt;rule&gt;"); {@link #build()} checks the combination and reports every problem at once. The
   * builder can be reused after {@code build()}. Not thread-safe.
   *
   * <p>Usage:
   *
   * <pre>{@code
   * RetentionPlanner planner = RetentionPlanner.builder()
   *     .call(8.00, 0.25)
   *     .discount(0.10, 3, 0.15)
   *     .discount(0.20, 3, 0.30)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private RiskBuckets buckets = RiskBuckets.byProbability(
        RiskBuckets.DEFAULT_A_CUT, RiskBuckets.DEFAULT_B_CUT);
    private double defaultMonthlyPrice = DEFAULT_MONTHLY_PRICE;
    private double expectedRemainingMonths = DEFAULT_REMAINING_MONTHS;
    private Offer call = Offer.call(DEFAULT_CALL_COST, DEFAULT_CALL_SUCCESS);
    private Offer email = Offer.email(0.0, 0.0);
    private final List<Offer> discounts = new ArrayList<>();
    private final EnumMap<Bucket, List<ActionKind>> actions = new EnumMap<>(Bucket.class);

    private Builder() {
      actions.put(Bucket.A, List.of(ActionKind.CALL));
      actions.put(Bucket.B, List.of(ActionKind.DISCOUNT));
      actions.put(Bucket.C, List.of(ActionKind.EMAIL));
    }

    /**
     * Sets how customers are bucketed (default probability cuts 0.5 and 0.2).
     *
     * @param buckets the risk buckets
     * @return this builder
     */
    public Builder buckets(RiskBuckets buckets) {
      this.buckets = Objects.requireNonNull(buckets, "buckets");
      return this;
    }

    /**
     * Sets the monthly price of customers given without one (default {@value
     * RetentionPlanner#DEFAULT_MONTHLY_PRICE}).
     *
     * @param price a finite amount of at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code price} is negative or not finite
     */
    public Builder defaultMonthlyPrice(double price) {
      if (!(price >= 0.0 && Double.isFinite(price))) {
        throw new IllegalArgumentException(
            "defaultMonthlyPrice was '" + price + "' but it must be a finite amount of at least 0");
      }
      this.defaultMonthlyPrice = price;
      return this;
    }

    /**
     * Sets how many more months a kept customer is expected to pay; customers given without a value
     * are worth {@code monthlyPrice * months} (default {@value
     * RetentionPlanner#DEFAULT_REMAINING_MONTHS}).
     *
     * @param months a finite number greater than 0
     * @return this builder
     * @throws IllegalArgumentException if {@code months} is not greater than 0 or not finite
     */
    public Builder expectedRemainingMonths(double months) {
      if (!(months > 0.0 && Double.isFinite(months))) {
        throw new IllegalArgumentException(
            "expectedRemainingMonths was '" + months
                + "' but it must be a finite number greater than 0");
      }
      this.expectedRemainingMonths = months;
      return this;
    }

    /**
     * Sets the economics of a call.
     *
     * @param cost the cost of one call, paid for every customer called, at least 0
     * @param successRate the share of would-be churners a call keeps, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if a value is out of range
     */
    public Builder call(double cost, double successRate) {
      this.call = Offer.call(cost, successRate);
      return this;
    }

    /**
     * Sets the economics of a thank-you email (default: free, no response).
     *
     * @param cost the cost of one email, at least 0
     * @param response the share of would-be churners an email keeps, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if a value is out of range
     */
    public Builder email(double cost, double response) {
      this.email = Offer.email(cost, response);
      return this;
    }

    /**
     * Adds a discount level to the menu. The first call replaces the default menu.
     *
     * @param level the discount as a share of the monthly price, in (0, 1]
     * @param months how many months it applies, at least 1
     * @param response the share of would-be churners it keeps, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if a value is out of range
     */
    public Builder discount(double level, int months, double response) {
      discounts.add(Offer.discount(level, months, response));
      return this;
    }

    /**
     * Adds discount levels whose response rates come from a curve. The first call replaces the
     * default menu.
     *
     * @param months how many months the discounts apply, at least 1
     * @param curve the response rate of each level
     * @param levels the discount levels, each in (0, 1]
     * @return this builder
     * @throws IllegalArgumentException if a level is out of range, or the curve gives a response
     *     outside [0, 1] for one of them
     */
    public Builder discounts(int months, ResponseCurve curve, double... levels) {
      Objects.requireNonNull(curve, "curve");
      Objects.requireNonNull(levels, "levels");
      List<Offer> added = new ArrayList<>(levels.length);
      for (double level : levels) {
        double response = curve.response(level);
        if (!(response >= 0.0 && response <= 1.0)) {
          throw new IllegalArgumentException(
              "response at discount level " + level + " was '" + response
                  + "' but it must be a share in [0, 1]; check the response curve");
        }
        added.add(Offer.discount(level, months, response));
      }
      discounts.addAll(added);
      return this;
    }

    /**
     * Sets which kinds of action are candidates for a bucket's customers. Defaults: A {@code CALL},
     * B {@code DISCOUNT}, C {@code EMAIL}. No kinds means nobody in the bucket is targeted.
     *
     * @param bucket the bucket
     * @param kinds the candidate kinds, without {@link ActionKind#NONE} and without repeats; their
     *     order breaks exact ties between offers
     * @return this builder
     * @throws IllegalArgumentException if a kind is {@code NONE} or repeated
     */
    public Builder actions(Bucket bucket, ActionKind... kinds) {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(kinds, "kinds");
      Set<ActionKind> unique = new LinkedHashSet<>();
      for (ActionKind kind : kinds) {
        Objects.requireNonNull(kind, "kind");
        if (kind == ActionKind.NONE) {
          throw new IllegalArgumentException(
              "actions(" + bucket + ") was '" + Arrays.toString(kinds) + "' but it must not contain"
                  + " NONE; \"no offer\" is always a candidate, pass no kinds to target nobody");
        }
        if (!unique.add(kind)) {
          throw new IllegalArgumentException(
              "actions(" + bucket + ") was '" + Arrays.toString(kinds) + "' but it must not repeat "
                  + kind);
        }
      }
      actions.put(bucket, List.copyOf(unique));
      return this;
    }

    /**
     * Checks the combination and builds the planner.
     *
     * @return the planner
     * @throws IllegalArgumentException listing every problem, e.g. two discounts with the same level
     *     and duration
     */
    public RetentionPlanner build() {
      List<Offer> menu = discounts.isEmpty() ? defaultDiscounts() : List.copyOf(discounts);
      List<String> problems = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (Offer offer : menu) {
        if (!names.add(offer.name())) {
          problems.add("discounts had '" + offer.name() + "' twice but each level and duration must"
              + " be offered once");
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid retention planner: " + String.join("; ", problems));
      }
      return new RetentionPlanner(this, menu, actions);
    }

    private static List<Offer> defaultDiscounts() {
      return List.of(
          Offer.discount(0.10, 3, 0.15), Offer.discount(0.20, 3, 0.30),
          Offer.discount(0.30, 3, 0.40));
    }
  }
}
