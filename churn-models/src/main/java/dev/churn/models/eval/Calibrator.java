package dev.churn.models.eval;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.churn.core.ChurnException;
import java.util.Objects;

/**
 * A fitted map from a model's predicted probability (or score) to a calibrated probability, so that
 * among customers given 0.3, about 30% churn.
 *
 * <p>Fit one on held-out (out-of-fold) predictions with {@link CalibrationMethod#fit(double[],
 * boolean[])}, or directly with {@link IsotonicCalibrator#fit(double[], boolean[])} or {@link
 * PlattCalibrator#fit(double[], boolean[])}; store it in a model package as JSON with {@link
 * #toJson()} and read it back with {@link #fromJson(String)}. The JSON is small and exact (doubles
 * round-trip bit for bit):
 *
 * <pre>{@code
 * {"method":"isotonic","x":[0.1,0.4,0.8],"y":[0.0,0.25,0.9]}
 * {"method":"platt","a":-1.02,"b":0.31,"input":"logit"}
 * }</pre>
 *
 * <p>The type carries Jackson annotations, so a model package that serialises itself with Jackson
 * can hold a {@code Calibrator} field directly and gets the same form.
 *
 * <pre>{@code
 * Calibrator c = CalibrationMethod.ISOTONIC.fit(oofProbabilities, churned);
 * double p = c.apply(model.predictOne(row));
 * String json = c.toJson();
 * Calibrator again = Calibrator.fromJson(json);
 * }</pre>
 *
 * <p>Calibrators are immutable and safe to share between threads.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "method")
@JsonSubTypes({
  @JsonSubTypes.Type(value = IsotonicCalibrator.class, name = IsotonicCalibrator.METHOD),
  @JsonSubTypes.Type(value = PlattCalibrator.class, name = PlattCalibrator.METHOD)
})
public sealed interface Calibrator permits IsotonicCalibrator, PlattCalibrator {

  /**
   * Returns the calibrated probability for one prediction.
   *
   * @param p the model's output, in the form the calibrator was fitted on (a probability for the
   *     isotonic and the default Platt calibrator)
   * @return the calibrated probability, within {@code [0, 1]}
   * @throws IllegalArgumentException if {@code p} is NaN, or out of the calibrator's input domain
   */
  double apply(double p);

  /**
   * Returns the calibrated probability for each prediction, in a new array.
   *
   * @param p the model's outputs
   * @return one calibrated probability per input
   * @throws IllegalArgumentException as {@link #apply(double)}, naming the index
   */
  default double[] apply(double[] p) {
    Objects.requireNonNull(p, "p");
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      try {
        out[i] = apply(p[i]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("p[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Returns the method name, as written in the JSON form: {@code "isotonic"} or {@code "platt"}.
   *
   * @return the method name
   */
  String method();

  /**
   * Returns the JSON form of this calibrator.
   *
   * @return a one-line JSON object with a {@code "method"} property
   */
  default String toJson() {
    try {
      return CalibratorJson.MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new ChurnException("could not write calibrator " + this + " as JSON", e);
    }
  }

  /**
   * Reads a calibrator from the JSON written by {@link #toJson()}.
   *
   * @param json the JSON object
   * @return the calibrator
   * @throws ChurnException if the JSON is malformed, names an unknown method or holds invalid
   *     parameters
   */
  static Calibrator fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return CalibratorJson.MAPPER.readValue(json, Calibrator.class);
    } catch (JsonProcessingException e) {
      throw new ChurnException(
          "not a calibrator in JSON (expected {\"method\":\"isotonic\"|\"platt\", ...}): "
              + e.getOriginalMessage(),
          e);
    }
  }
}
