package dev.churn.models.eval;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The Jackson mapper behind {@link Calibrator#toJson()} and {@link Calibrator#fromJson}. */
final class CalibratorJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private CalibratorJson() {}
}
