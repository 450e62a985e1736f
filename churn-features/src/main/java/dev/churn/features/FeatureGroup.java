package dev.churn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.storage.Sha256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A named set of features computed from one source, declared as data: windowed aggregations
 * over an event source, or columns of a snapshot source. A group's {@link #version()} is a
 * fingerprint of its definition, so changing a definition creates a new version and leaves the
 * materializations of the old one readable.
 *
 * <pre>{@code
 * FeatureGroup listening = FeatureGroup.named("listening")
 *     .from("user_logs")
 *     .window(Duration.ofDays(30), w -> w.sum("total_secs").mean("num_unq").count().distinctDays())
 *     .window(Duration.ofDays(7), w -> w.sum("num_100"))
 *     .trend("total_secs", Duration.ofDays(30))   // last 15 days vs previous 15
 *     .recency()                                  // days since last event
 *     .build();
 *
 * FeatureGroup membership = FeatureGroup.named("membership")
 *     .from("members")
 *     .columns("city", "bd", "gender", "registered_via")
 *     .daysSince("registration_init_time")
 *     .build();
 * }</pre>
 */
public final class FeatureGroup {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String source;
  private final List<Aggregation> aggregations;
  private final List<String> columns;
  private final List<String> daysSince;
  private final List<Ratio> ratios;
  private final String fingerprint;

  /**
   * A feature computed from two other features of the same group: {@code numerator /
   * denominator}, missing when either is missing or the denominator is 0.
   *
   * @param name the output name
   * @param numerator a feature of the group
   * @param denominator a feature of the group
   */
  public record Ratio(String name, String numerator, String denominator) {
    /** Checks the fields. */
    public Ratio {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(numerator, "numerator");
      Objects.requireNonNull(denominator, "denominator");
    }
  }

  private FeatureGroup(Builder b) {
    this.name = b.name;
    this.source = b.source;
    this.aggregations = List.copyOf(b.aggregations);
    this.columns = List.copyOf(b.columns);
    this.daysSince = List.copyOf(b.daysSince);
    this.ratios = List.copyOf(b.ratios);
    this.fingerprint = Sha256.ofString(definitionJson(false).toString());
  }

  /**
   * Starts the definition of a group.
   *
   * @param name the group name: letters, digits, {@code _} and {@code -}, at most 64 characters
   * @return a builder
   */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Returns the group name. */
  public String name() {
    return name;
  }

  /** Returns the name of the source the group reads. */
  public String source() {
    return source;
  }

  /** Returns the windowed aggregations (event sources). */
  public List<Aggregation> aggregations() {
    return aggregations;
  }

  /** Returns the columns taken as they are (snapshot sources). */
  public List<String> columns() {
    return columns;
  }

  /** Returns the date columns turned into "days since" features (snapshot sources). */
  public List<String> daysSince() {
    return daysSince;
  }

  /** Returns the ratio features. */
  public List<Ratio> ratios() {
    return ratios;
  }

  /** Returns whether the group declares windowed aggregations (and so needs an event source). */
  public boolean isWindowed() {
    return !aggregations.isEmpty();
  }

  /** Returns the output feature names, in output order. */
  public List<String> featureNames() {
    List<String> out = new ArrayList<>();
    aggregations.forEach(a -> out.add(a.name()));
    out.addAll(columns);
    daysSince.forEach(c -> out.add(daysSinceName(c)));
    ratios.forEach(r -> out.add(r.name()));
    return out;
  }

  /** Returns the output name of a "days since" feature of a date column. */
  public static String daysSinceName(String column) {
    return "days_since_" + column;
  }

  /** Returns the SHA-256 (hex) of the definition; equal definitions have equal fingerprints. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Returns the version: the first 12 hex digits of the fingerprint. */
  public String version() {
    return fingerprint.substring(0, 12);
  }

  /** Returns the definition as JSON, as stored in the catalog. */
  public String toJson() {
    return definitionJson(true).toString();
  }

  private ObjectNode definitionJson(boolean withName) {
    ObjectNode o = JSON.createObjectNode();
    if (withName) {
      o.put("name", name);
    }
    o.put("source", source);
    ArrayNode aggs = o.putArray("aggregations");
    for (Aggregation a : aggregations) {
      ObjectNode n = aggs.addObject();
      n.put("name", a.name());
      n.put("kind", a.kind().name());
      a.column().ifPresent(c -> n.put("column", c));
      n.put("windowDays", a.windowDays());
      a.category().ifPresent(c -> n.put("category", c));
    }
    ArrayNode cols = o.putArray("columns");
    columns.forEach(cols::add);
    ArrayNode ds = o.putArray("daysSince");
    daysSince.forEach(ds::add);
    ArrayNode rs = o.putArray("ratios");
    for (Ratio r : ratios) {
      rs.addObject().put("name", r.name()).put("numerator", r.numerator())
          .put("denominator", r.denominator());
    }
    return o;
  }

  /**
   * Reads a definition written by {@link #toJson()}.
   *
   * @param json the JSON text
   * @return the group
   */
  public static FeatureGroup fromJson(String json) {
    try {
      JsonNode o = JSON.readTree(json);
      Builder b = named(o.get("name").asText()).from(o.get("source").asText());
      for (JsonNode n : o.get("aggregations")) {
        b.aggregations.add(
            new Aggregation(
                n.get("name").asText(),
                AggregationKind.valueOf(n.get("kind").asText()),
                Optional.ofNullable(n.get("column")).map(JsonNode::asText),
                n.get("windowDays").asInt(),
                Optional.ofNullable(n.get("category")).map(JsonNode::asText)));
      }
      o.get("columns").forEach(c -> b.columns.add(c.asText()));
      o.get("daysSince").forEach(c -> b.daysSince.add(c.asText()));
      for (JsonNode r : o.get("ratios")) {
        b.ratios.add(
            new Ratio(r.get("name").asText(), r.get("numerator").asText(),
                r.get("denominator").asText()));
      }
      return b.build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NullPointerException e) {
      throw new IllegalArgumentException("not a feature group definition: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureGroup g && g.name.equals(name) && g.fingerprint.equals(fingerprint);
  }

  @Override
  public int hashCode() {
    return fingerprint.hashCode();
  }

  @Override
  public String toString() {
    return "FeatureGroup[" + name + "@" + version() + " from " + source + ": " + featureNames()
        + "]";
  }

  /** Builds a {@link FeatureGroup}; every method checks its argument at once. */
  public static final class Builder {
    private final String name;
    private String source;
    private final List<Aggregation> aggregations = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private final List<String> daysSince = new ArrayList<>();
    private final List<Ratio> ratios = new ArrayList<>();

    private Builder(String name) {
      this.name = Names.check("group name", name);
    }

    /** Sets the source the group reads, by its registered name. */
    public Builder from(String sourceName) {
      this.source = Names.check("source name", sourceName);
      return this;
    }

    /**
     * Adds aggregations over a trailing window of whole days.
     *
     * @param window the window length, a whole number of days from 1 day to 10 years
     * @param spec adds the aggregations; see {@link WindowSpec}
     */
    public Builder window(Duration window, Consumer<WindowSpec> spec) {
      Objects.requireNonNull(spec, "spec");
      WindowSpec w = new WindowSpec(days(window));
      spec.accept(w);
      aggregations.addAll(w.aggregations());
      return this;
    }

    /**
     * Adds the trend of a numeric column over a window: the sum over its later half divided by
     * the sum over its earlier half ({@code <column>_trend_<days>d}).
     */
    public Builder trend(String column, Duration window) {
      int d = days(window);
      aggregations.add(
          new Aggregation(column + "_trend_" + d + "d", AggregationKind.TREND_RATIO,
              Optional.of(column), d, Optional.empty()));
      return this;
    }

    /** Adds the trend of a numeric column as a slope per day ({@code <column>_slope_<days>d}). */
    public Builder trendSlope(String column, Duration window) {
      int d = days(window);
      aggregations.add(
          new Aggregation(column + "_slope_" + d + "d", AggregationKind.TREND_SLOPE,
              Optional.of(column), d, Optional.empty()));
      return this;
    }

    /** Adds the number of days since the latest event ({@code days_since_last}). */
    public Builder recency() {
      return recency("days_since_last");
    }

    /** Adds the number of days since the latest event under a given name. */
    public Builder recency(String featureName) {
      aggregations.add(
          new Aggregation(featureName, AggregationKind.DAYS_SINCE_LAST, Optional.empty(), 0,
              Optional.empty()));
      return this;
    }

    /** Adds a ratio of two features of this group. */
    public Builder ratio(String featureName, String numerator, String denominator) {
      ratios.add(new Ratio(featureName, numerator, denominator));
      return this;
    }

    /** Takes columns of a snapshot source as features, as they are. */
    public Builder columns(String... names) {
      for (String n : names) {
        columns.add(Objects.requireNonNull(n, "column"));
      }
      return this;
    }

    /**
     * Adds, for a date column of a snapshot source, the number of days from that date to the
     * as-of date ({@code days_since_<column>}); missing when the date is missing or not before
     * the as-of date.
     */
    public Builder daysSince(String dateColumn) {
      daysSince.add(Objects.requireNonNull(dateColumn, "dateColumn"));
      return this;
    }

    /**
     * Returns the group.
     *
     * @throws IllegalArgumentException when the source is not set, nothing is declared, a
     *     feature name repeats, a ratio names an unknown feature, or windowed aggregations and
     *     snapshot columns are mixed
     */
    public FeatureGroup build() {
      List<String> problems = new ArrayList<>();
      if (source == null) {
        problems.add("source was not set; call from(sourceName)");
      }
      boolean windowed = !aggregations.isEmpty();
      boolean snapshot = !columns.isEmpty() || !daysSince.isEmpty();
      if (!windowed && !snapshot) {
        problems.add("no features were declared");
      }
      if (windowed && snapshot) {
        problems.add(
            "windowed aggregations need an event source and columns()/daysSince() a snapshot"
                + " source; declare them in two groups");
      }
      Set<String> names = new HashSet<>();
      List<String> all = new ArrayList<>();
      aggregations.forEach(a -> all.add(a.name()));
      all.addAll(columns);
      daysSince.forEach(c -> all.add(daysSinceName(c)));
      for (String n : all) {
        if (!names.add(n)) {
          problems.add("feature '" + n + "' is declared twice; rename one with as(...)");
        }
      }
      for (Ratio r : ratios) {
        for (String part : List.of(r.numerator(), r.denominator())) {
          if (!names.contains(part)) {
            problems.add("ratio '" + r.name() + "' uses '" + part + "', which is not a feature of"
                + " this group (declared so far: " + all + ")");
          }
        }
        if (!names.add(r.name())) {
          problems.add("feature '" + r.name() + "' is declared twice");
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "feature group '" + name + "' is not valid: " + String.join("; ", problems));
      }
      return new FeatureGroup(this);
    }

    private static int days(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero() || window.toSeconds() % 86_400 != 0
          || window.toDays() > Aggregation.MAX_WINDOW_DAYS) {
        throw new IllegalArgumentException(
            "window was " + window + " but it must be a whole number of days from 1 to "
                + Aggregation.MAX_WINDOW_DAYS);
      }
      return (int) window.toDays();
    }
  }
}
