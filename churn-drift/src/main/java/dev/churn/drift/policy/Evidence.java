package dev.churn.drift.policy;

import dev.churn.drift.monitor.Flag;
import dev.churn.drift.stream.DetectorState;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What is known about the model in production this month, as input to {@link RetrainPolicy}.
 * Every part is optional: labels arrive a month late, so early in the month only the data
 * deviation and the label-free estimate may be known.
 *
 * <pre>{@code
 * Evidence e = Evidence.builder()
 *     .deviation(Deviation.of(driftResult, importance).value())   // e.g. 0.063
 *     .datasetDrift(driftResult.datasetDrift())
 *     .realized(performanceReport.overall())                      // last month's cohort
 *     .estimated(performanceEstimate.overall())                   // this month, before labels
 *     .conceptDrift(pageHinkley.state())
 *     .build();
 * }</pre>
 *
 * @param deviation how far the current data moved from the reference, a share in {@code [0, 1]}
 *     (see {@link Deviation})
 * @param datasetDrift whether the share of drifted columns reached the dataset-drift threshold
 * @param realized the overall flag of realized performance on the last labelled cohort
 * @param estimated the overall flag of the label-free estimate for the current cohort
 * @param conceptDrift the state of a concept-drift detector over the monthly metric or errors
 */
public record Evidence(
    OptionalDouble deviation,
    Optional<Boolean> datasetDrift,
    Optional<Flag> realized,
    Optional<Flag> estimated,
    Optional<DetectorState> conceptDrift) {

  /** Checks the fields. */
  public Evidence {
    Objects.requireNonNull(deviation, "deviation");
    Objects.requireNonNull(datasetDrift, "datasetDrift");
    Objects.requireNonNull(realized, "realized");
    Objects.requireNonNull(estimated, "estimated");
    Objects.requireNonNull(conceptDrift, "conceptDrift");
    if (deviation.isPresent()
        && !(deviation.getAsDouble() >= 0 && deviation.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(
          "deviation was " + deviation.getAsDouble() + " but it must be in [0, 1]");
    }
  }

  /** Returns a builder with nothing known. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Evidence}; every setter is optional. */
  public static final class Builder {
    private OptionalDouble deviation = OptionalDouble.empty();
    private Optional<Boolean> datasetDrift = Optional.empty();
    private Optional<Flag> realized = Optional.empty();
    private Optional<Flag> estimated = Optional.empty();
    private Optional<DetectorState> conceptDrift = Optional.empty();

    private Builder() {}

    /** Sets the data deviation, a share in {@code [0, 1]}. */
    public Builder deviation(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("deviation was " + share + " but it must be in [0, 1]");
      }
      this.deviation = OptionalDouble.of(share);
      return this;
    }

    /** Sets whether dataset drift was detected. */
    public Builder datasetDrift(boolean drift) {
      this.datasetDrift = Optional.of(drift);
      return this;
    }

    /** Sets the overall flag of realized performance on the last labelled cohort. */
    public Builder realized(Flag flag) {
      this.realized = Optional.of(Objects.requireNonNull(flag, "flag"));
      return this;
    }

    /** Sets the overall flag of the label-free estimate for the current cohort. */
    public Builder estimated(Flag flag) {
      this.estimated = Optional.of(Objects.requireNonNull(flag, "flag"));
      return this;
    }

    /** Sets the state of a concept-drift detector. */
    public Builder conceptDrift(DetectorState state) {
      this.conceptDrift = Optional.of(Objects.requireNonNull(state, "state"));
      return this;
    }

    /** Returns the evidence; the builder stays usable. */
    public Evidence build() {
      return new Evidence(deviation, datasetDrift, realized, estimated, conceptDrift);
    }
  }
}
