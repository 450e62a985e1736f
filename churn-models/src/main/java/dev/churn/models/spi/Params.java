package dev.churn.models.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validated parameter values for a backend: every declared parameter has a value (its default
 * unless set), every value is within its range.
 *
 * <pre>{@code
 * Params p = Params.of(backend.parameters(), Map.of("eta", 0.05, "trees", 300));
 * int trees = p.getInt("trees");
 * }</pre>
 */
public final class Params {
  private final Map<String, Object> values;

  private Params(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Validates values against specs, filling in defaults.
   *
   * @throws IllegalArgumentException listing every unknown name and every out-of-range value
   */
  public static Params of(List<ParamSpec> specs, Map<String, ?> given) {
    Objects.requireNonNull(specs, "specs");
    Objects.requireNonNull(given, "given");
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String name : given.keySet()) {
      if (specs.stream().noneMatch(s -> s.name().equals(name))) {
        problems.add("unknown parameter '" + name + "'; known: "
            + specs.stream().map(ParamSpec::name).toList());
      }
    }
    for (ParamSpec s : specs) {
      Object v = given.containsKey(s.name()) ? given.get(s.name()) : s.defaultValue();
      switch (s.type()) {
        case DOUBLE, INT -> {
          double d;
          if (v instanceof Number n) {
            d = n.doubleValue();
          } else {
            try {
              d = Double.parseDouble(String.valueOf(v));
            } catch (NumberFormatException e) {
              problems.add(s.name() + " was '" + v + "' but it must be a number");
              continue;
            }
          }
          if (s.type() == ParamSpec.Type.INT && d != Math.rint(d)) {
            problems.add(s.name() + " was '" + v + "' but it must be a whole number");
            continue;
          }
          if (d < s.min() || d > s.max()) {
            problems.add(s.name() + " was '" + v + "' but it must be in [" + s.min() + ", "
                + s.max() + "]");
            continue;
          }
          out.put(s.name(), s.type() == ParamSpec.Type.INT ? (Object) (int) d : (Object) d);
        }
        case CHOICE -> {
          String c = String.valueOf(v);
          if (!s.choices().contains(c)) {
            problems.add(s.name() + " was '" + v + "' but it must be one of " + s.choices());
            continue;
          }
          out.put(s.name(), c);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new Params(out);
  }

  /** Returns a real parameter. */
  public double getDouble(String name) {
    return ((Number) require(name)).doubleValue();
  }

  /** Returns a whole-number parameter. */
  public int getInt(String name) {
    return ((Number) require(name)).intValue();
  }

  /** Returns a choice parameter. */
  public String getString(String name) {
    return (String) require(name);
  }

  /** Returns every value, in declaration order. */
  public Map<String, Object> asMap() {
    return values;
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter '" + name + "'; parameters are "
          + values.keySet());
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
