package dev.churn.features;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest features of one entity, served by {@link OnlineFeatures} for single-customer
 * scoring.
 *
 * <p>Values are {@link Double} for numeric features (NaN when missing), {@link String} for
 * categories and ids, {@link Boolean} and {@link LocalDate}; a missing non-numeric value is
 * absent from {@link #values()}.
 *
 * @param entity the entity key
 * @param values feature name to value, in group and feature order
 * @param asOf for each group, the as-of date of the partition the values come from
 */
public record FeatureVector(String entity, Map<String, Object> values, Map<String, LocalDate> asOf) {

  /** Checks and copies the fields. */
  public FeatureVector {
    Objects.requireNonNull(entity, "entity");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    asOf = Collections.unmodifiableMap(new LinkedHashMap<>(asOf));
  }

  /**
   * Returns a numeric feature, NaN when missing.
   *
   * @throws IllegalArgumentException when there is no such numeric feature
   */
  public double number(String feature) {
    Object v = values.get(feature);
    if (v instanceof Double d) {
      return d;
    }
    throw new IllegalArgumentException("no numeric feature '" + feature + "'; features are "
        + values.keySet());
  }

  /** Returns a categorical or id feature, or empty when missing. */
  public Optional<String> text(String feature) {
    return values.get(feature) instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
