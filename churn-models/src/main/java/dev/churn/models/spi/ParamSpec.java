package dev.churn.models.spi;

import java.util.List;
import java.util.Objects;

/**
 * A parameter a backend accepts: name, type, default and the range random search draws from.
 *
 * @param name the name, e.g. {@code eta}
 * @param type the value type
 * @param defaultValue the default (a Double, Integer or String)
 * @param min the smallest allowed value (numbers)
 * @param max the largest allowed value (numbers)
 * @param logScale whether random search draws on a log scale
 * @param choices the allowed values (choices)
 * @param description what it does
 */
public record ParamSpec(
    String name, Type type, Object defaultValue, double min, double max, boolean logScale,
    List<String> choices, String description) {

  /** A parameter's value type. */
  public enum Type {
    /** A real number. */
    DOUBLE,
    /** A whole number. */
    INT,
    /** One of a list of strings. */
    CHOICE
  }

  /** Checks the fields. */
  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    choices = List.copyOf(choices);
    Objects.requireNonNull(description, "description");
  }

  /** A real parameter searched on a linear or log scale. */
  public static ParamSpec real(String name, double def, double min, double max, boolean log,
      String description) {
    return new ParamSpec(name, Type.DOUBLE, def, min, max, log, List.of(), description);
  }

  /** A whole-number parameter. */
  public static ParamSpec integer(String name, int def, int min, int max, String description) {
    return new ParamSpec(name, Type.INT, def, min, max, false, List.of(), description);
  }

  /** A choice among strings. */
  public static ParamSpec choice(String name, String def, List<String> choices,
      String description) {
    return new ParamSpec(name, Type.CHOICE, def, Double.NaN, Double.NaN, false, choices,
        description);
  }
}
