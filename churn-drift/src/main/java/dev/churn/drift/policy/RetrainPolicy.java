package dev.churn.drift.policy;

import dev.churn.drift.monitor.Flag;
import dev.churn.drift.stream.DetectorState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a month's monitoring evidence into a decision: {@link Action#NONE}, {@link Action#WATCH},
 * {@link Action#RETRAIN} or {@link Action#REEXPERIMENT}, with the reasons.
 *
 * <p>The default bands follow the seed plan's trigger for data deviation: 1-2 % needs no action,
 * 5-8 % retrains the same model family with the same parameters, above 10 % goes back to
 * experimentation. The gaps are filled so that every value has exactly one action:
 *
 * <table>
 *   <caption>default deviation bands ({@link Deviation}, a share)</caption>
 *   <tr><th>deviation</th><th>action</th></tr>
 *   <tr><td>below 0.02</td><td>NONE</td></tr>
 *   <tr><td>0.02 up to 0.05</td><td>WATCH (more than noise, less than the retrain band)</td></tr>
 *   <tr><td>0.05 up to and including 0.10</td><td>RETRAIN (8-10 % stays in the retrain band)</td></tr>
 *   <tr><td>above 0.10</td><td>REEXPERIMENT</td></tr>
 * </table>
 *
 * <p>The other signals, each configurable:
 *
 * <ul>
 *   <li>realized performance (labels of the last cohort): RED means REEXPERIMENT and a
 *       recommendation to take the model out of production; YELLOW means WATCH;
 *   <li>the label-free estimate for the current cohort: RED means RETRAIN (labels have not
 *       confirmed it yet, so the model stays); YELLOW means WATCH;
 *   <li>dataset drift (the share of drifted columns reached its threshold): RETRAIN;
 *   <li>a concept-drift detector in DRIFT: RETRAIN; in WARNING: WATCH.
 * </ul>
 *
 * <p>The decision is the most severe action any signal asks for; every signal that asked for more
 * than NONE is listed among the reasons with its numbers.
 *
 * <pre>{@code
 * RetrainPolicy policy = RetrainPolicy.defaults();                  // or builder()...build()
 * Decision d = policy.decide(Evidence.builder().deviation(0.063).realized(Flag.GREEN).build());
 * d.action();   // RETRAIN: "data deviation 6.3 % is in the retrain band [5.0 %, 10.0 %]"
 * }</pre>
 */
public final class RetrainPolicy {
  private final double watchFrom;
  private final double retrainFrom;
  private final double reexperimentAbove;
  private final Action onRealizedRed;
  private final Action onRealizedYellow;
  private final Action onEstimatedRed;
  private final Action onEstimatedYellow;
  private final Action onDatasetDrift;
  private final Action onConceptDrift;
  private final Action onConceptWarning;

  private RetrainPolicy(Builder b) {
    this.watchFrom = b.watchFrom;
    this.retrainFrom = b.retrainFrom;
    this.reexperimentAbove = b.reexperimentAbove;
    this.onRealizedRed = b.onRealizedRed;
    this.onRealizedYellow = b.onRealizedYellow;
    this.onEstimatedRed = b.onEstimatedRed;
    this.onEstimatedYellow = b.onEstimatedYellow;
    this.onDatasetDrift = b.onDatasetDrift;
    this.onConceptDrift = b.onConceptDrift;
    this.onConceptWarning = b.onConceptWarning;
  }

  /** Returns the policy with the default bands and actions described above. */
  public static RetrainPolicy defaults() {
    return builder().build();
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the action the deviation bands give for a deviation share. */
  public Action forDeviation(double deviation) {
    if (!(deviation >= 0 && deviation <= 1)) {
      throw new IllegalArgumentException(
          "deviation was " + deviation + " but it must be in [0, 1]");
    }
    if (deviation > reexperimentAbove) {
      return Action.REEXPERIMENT;
    }
    if (deviation >= retrainFrom) {
      return Action.RETRAIN;
    }
    return deviation >= watchFrom ? Action.WATCH : Action.NONE;
  }

  /**
   * Decides what to do.
   *
   * @param evidence what is known this month
   * @return the decision with its reasons
   */
  public Decision decide(Evidence evidence) {
    Objects.requireNonNull(evidence, "evidence");
    List<Signal> signals = new ArrayList<>();
    evidence.deviation().ifPresent(d -> {
      Action a = forDeviation(d);
      signals.add(new Signal(a, switch (a) {
        case NONE -> String.format(Locale.ROOT, "data deviation %s is below %s",
            pctBeside(d, watchFrom), pct(watchFrom));
        case WATCH -> String.format(Locale.ROOT, "data deviation %s is in the watch band [%s, %s)",
            pctBeside(d, watchFrom, retrainFrom), pct(watchFrom), pct(retrainFrom));
        case RETRAIN -> String.format(Locale.ROOT,
            "data deviation %s is in the retrain band [%s, %s]",
            pctBeside(d, retrainFrom, reexperimentAbove), pct(retrainFrom), pct(reexperimentAbove));
        case REEXPERIMENT -> String.format(Locale.ROOT,
            "data deviation %s is above %s: the data changed too much for a plain retrain",
            pctBeside(d, reexperimentAbove), pct(reexperimentAbove));
      }));
    });
    evidence.datasetDrift().filter(b -> b).ifPresent(b -> signals.add(new Signal(onDatasetDrift,
        "dataset drift: the share of drifted columns reached its threshold")));
    evidence.realized().ifPresent(f -> {
      if (f == Flag.RED) {
        signals.add(new Signal(onRealizedRed, "realized performance is RED on the last labelled"
            + " cohort: take the model out of production"));
      } else if (f == Flag.YELLOW) {
        signals.add(new Signal(onRealizedYellow,
            "realized performance is YELLOW on the last labelled cohort"));
      }
    });
    evidence.estimated().ifPresent(f -> {
      if (f == Flag.RED) {
        signals.add(new Signal(onEstimatedRed,
            "estimated performance (before labels) is RED for the current cohort"));
      } else if (f == Flag.YELLOW) {
        signals.add(new Signal(onEstimatedYellow,
            "estimated performance (before labels) is YELLOW for the current cohort"));
      }
    });
    evidence.conceptDrift().ifPresent(s -> {
      if (s == DetectorState.DRIFT) {
        signals.add(new Signal(onConceptDrift, "the concept-drift detector signals DRIFT"));
      } else if (s == DetectorState.WARNING) {
        signals.add(new Signal(onConceptWarning, "the concept-drift detector signals WARNING"));
      }
    });
    Action action = Action.NONE;
    for (Signal s : signals) {
      action = action.max(s.action());
    }
    boolean withdraw = evidence.realized().filter(f -> f == Flag.RED).isPresent();
    List<String> reasons = new ArrayList<>();
    if (action == Action.NONE) {
      signals.forEach(s -> reasons.add(s.reason()));
      if (reasons.isEmpty()) {
        reasons.add(evidence.deviation().isEmpty() && evidence.realized().isEmpty()
            && evidence.estimated().isEmpty() ? "no evidence given" : "no signal asks for action");
      }
    } else {
      signals.stream().filter(s -> s.action() != Action.NONE)
          .sorted(Comparator.comparing(Signal::action).reversed())
          .forEach(s -> reasons.add(s.reason() + " (" + s.action() + ")"));
    }
    return new Decision(action, reasons, withdraw);
  }

  private static String pct(double share) {
    return pct(share, 1);
  }

  private static String pct(double share, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f %%", share * 100);
  }

  /**
   * A share with one decimal, or more when one decimal would make it read as equal to one of the
   * band's bounds (1.996 % "below 2.0 %" reads as 1.996 %, not 2.0 %).
   */
  private static String pctBeside(double share, double... bounds) {
    for (int decimals = 1; decimals < 4; decimals++) {
      String s = pct(share, decimals);
      boolean readsAsABound = false;
      for (double b : bounds) {
        readsAsABound |= b != share && pct(b, decimals).equals(s);
      }
      if (!readsAsABound) {
        return s;
      }
    }
    return pct(share, 4);
  }

  private record Signal(Action action, String reason) {}

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "RetrainPolicy[watch >= %s, retrain >= %s, reexperiment > %s]",
        pct(watchFrom), pct(retrainFrom), pct(reexperimentAbove));
  }

  /**
   * Configures a {@link RetrainPolicy}. Setters check their argument at once; {@link #build()}
   * checks that the bands are ordered and leaves the builder reusable.
   *
   * <pre>{@code
   * RetrainPolicy strict = RetrainPolicy.builder()
   *     .bands(0.01, 0.03, 0.08)               // watch from 1 %, retrain from 3 %, re-experiment > 8 %
   *     .onEstimatedRed(Action.REEXPERIMENT)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private double watchFrom = 0.02;
    private double retrainFrom = 0.05;
    private double reexperimentAbove = 0.10;
    private Action onRealizedRed = Action.REEXPERIMENT;
    private Action onRealizedYellow = Action.WATCH;
    private Action onEstimatedRed = Action.RETRAIN;
    private Action onEstimatedYellow = Action.WATCH;
    private Action onDatasetDrift = Action.RETRAIN;
    private Action onConceptDrift = Action.RETRAIN;
    private Action onConceptWarning = Action.WATCH;

    private Builder() {}

    /**
     * Sets the deviation bands: WATCH from {@code watchFrom}, RETRAIN from {@code retrainFrom},
     * REEXPERIMENT above {@code reexperimentAbove} (shares in {@code [0, 1]}).
     */
    public Builder bands(double watchFrom, double retrainFrom, double reexperimentAbove) {
      check("watchFrom", watchFrom);
      check("retrainFrom", retrainFrom);
      check("reexperimentAbove", reexperimentAbove);
      this.watchFrom = watchFrom;
      this.retrainFrom = retrainFrom;
      this.reexperimentAbove = reexperimentAbove;
      return this;
    }

    private static void check(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " was " + v + " but it must be in [0, 1]");
      }
    }

    /** Sets the action for RED realized performance (default REEXPERIMENT). */
    public Builder onRealizedRed(Action a) {
      this.onRealizedRed = Objects.requireNonNull(a, "action");
      return this;
    }

    /** Sets the action for YELLOW realized performance (default WATCH). */
    public Builder onRealizedYellow(Action a) {
      this.onRealizedYellow = Objects.requireNonNull(a, "action");
      return this;
    }

    /** Sets the action for a RED label-free estimate (default RETRAIN). */
    public Builder onEstimatedRed(Action a) {
      this.onEstimatedRed = Objects.requireNonNull(a, "action");
      return this;
    }

    /** Sets the action for a YELLOW label-free estimate (default WATCH). */
    public Builder onEstimatedYellow(Action a) {
      this.onEstimatedYellow = Objects.requireNonNull(a, "action");
      return this;
    }

    /** Sets the action for dataset drift (default RETRAIN). */
    public Builder onDatasetDrift(Action a) {
      this.onDatasetDrift = Objects.requireNonNull(a, "action");
      return this;
    }

    /** Sets the action for a concept-drift detector in DRIFT (default RETRAIN). */
    public Builder onConceptDrift(Action a) {
      this.onConceptDrift = Objects.requireNonNull(a, "action");
      return this;
    }

    /** Sets the action for a concept-drift detector in WARNING (default WATCH). */
    public Builder onConceptWarning(Action a) {
      this.onConceptWarning = Objects.requireNonNull(a, "action");
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException if the bands are not {@code watchFrom <= retrainFrom <=
     *     reexperimentAbove}
     */
    public RetrainPolicy build() {
      if (!(watchFrom <= retrainFrom && retrainFrom <= reexperimentAbove)) {
        throw new IllegalArgumentException("bands were watch " + watchFrom + ", retrain "
            + retrainFrom + ", reexperiment " + reexperimentAbove
            + " but they must satisfy watchFrom <= retrainFrom <= reexperimentAbove");
      }
      return new RetrainPolicy(this);
    }
  }
}
