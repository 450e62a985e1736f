package dev.churn.core.provenance;

import com.google.common.collect.ImmutableSortedMap;
import dev.churn.core.storage.Sha256;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * What produced an artifact: the producing step, its inputs (by content digest), its parameters
 * and random seed, the environment it ran in and when it ran.
 *
 * <p>Every artifact churn writes (feature tables, models, scores) carries one, stored as JSON
 * ({@link #toJson()}, read back with {@link #fromJson(String)}). The {@link #fingerprint()}
 * identifies the computation independently of when it ran, so a step can be skipped when its
 * fingerprint is already in the store.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Provenance p = Provenance.builder("Trainer.fit")
 *     .input("train.csv", Path.of("data/train.csv"))      // hashes the file
 *     .parameter("eta", 0.05)
 *     .parameter("rounds", 200)
 *     .seed(42)
 *     .clock(clock)                                       // default: Clock.systemUTC()
 *     .build();
 * AtomicFiles.writeString(modelDir.resolve("provenance.json"), p.toJson());
 * String cacheKey = p.fingerprint();
 * }</pre>
 *
 * <p>The JSON document has a fixed field order ({@code schemaVersion, producer, createdAt, seed,
 * inputs, parameters, environment}), ISO-8601 instants, lower-case hex digests, parameters sorted
 * by name, {@code "seed": null} when there is no seed, two-space indentation and {@code \n} line
 * ends on every platform, so the same provenance always gives the same bytes.
 *
 * @param producer the step that produced the artifact, e.g. "FeatureStore.materialize" or a class
 *     name; not blank
 * @param inputs the inputs in the order the producer used them; names are unique
 * @param parameters the producer's parameters as text; stored sorted by name
 * @param environment the library, JVM and machine
 * @param createdAt when the artifact was produced
 * @param seed the random seed, if the producer used one
 */
public record Provenance(
    String producer,
    List<InputFingerprint> inputs,
    Map<String, String> parameters,
    Environment environment,
    Instant createdAt,
    OptionalLong seed) {

  /**
   * Validates the fields and copies the collections ({@code parameters} into an immutable map
   * sorted by name).
   *
   * @throws IllegalArgumentException if {@code producer} is blank, two inputs share a name, or a
   *     parameter name is blank
   * @param producer the producing step
   * @param inputs the inputs
   * @param parameters the parameters
   * @param environment the environment
   * @param createdAt when the artifact was produced
   * @param seed the random seed, if any
   */
  public Provenance {
    Objects.requireNonNull(producer, "producer");
    if (producer.isBlank()) {
      throw new IllegalArgumentException("producer must not be blank, but was '" + producer + "'");
    }
    inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    Set<String> names = new HashSet<>();
    for (InputFingerprint input : inputs) {
      if (!names.add(input.name())) {
        throw new IllegalArgumentException(
            "inputs must have unique names, but '" + input.name() + "' appears twice");
      }
    }
    Objects.requireNonNull(parameters, "parameters");
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      checkParameterName(e.getKey());
      Objects.requireNonNull(e.getValue(), "parameters[" + e.getKey() + "]");
    }
    parameters = ImmutableSortedMap.copyOf(parameters);
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(seed, "seed");
  }

  /**
   * Starts a builder for a provenance of the given producer.
   *
   * @param producer the producing step, e.g. "Trainer.fit"
   * @return a new builder
   */
  public static Builder builder(String producer) {
    return new Builder(producer);
  }

  /**
   * Reads a provenance from the JSON written by {@link #toJson()}.
   *
   * @param json the document
   * @return the provenance, equal to the one that was written
   * @throws IllegalArgumentException if {@code json} is not a provenance document of a supported
   *     schema version, or its fields are invalid
   */
  public static Provenance fromJson(String json) {
    Objects.requireNonNull(json, "json");
    return ProvenanceJson.fromJson(json);
  }

  /**
   * Writes this provenance as a stable, human-readable JSON document (see the class description).
   *
   * @return the JSON text
   */
  public String toJson() {
    return ProvenanceJson.toJson(this);
  }

  /**
   * Identifies the computation: the SHA-256 of the compact canonical JSON of everything except
   * {@code createdAt}. Two runs of the same producer on the same inputs with the same parameters and
   * seed, in the same environment (churn version, JVM, OS, processor count), have the same
   * fingerprint; any difference in those gives a different one.
   *
   * @return lower-case hex SHA-256
   */
  public String fingerprint() {
    return Sha256.ofBytes(ProvenanceJson.canonicalBytesWithoutCreatedAt(this));
  }

  private static void checkParameterName(String name) {
    Objects.requireNonNull(name, "parameter name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("parameter name must not be blank, but was '" + name + "'");
    }
  }

  /**
   * Collects the parts of a {@link Provenance}; obtained from {@link Provenance#builder(String)}.
   * Not thread-safe.
   */
  public static final class Builder {
    private final String producer;
    private final List<InputFingerprint> inputs = new ArrayList<>();
    private final Set<String> inputNames = new HashSet<>();
    private final Map<String, String> parameters = new TreeMap<>();
    private OptionalLong seed = OptionalLong.empty();
    private Clock clock = Clock.systemUTC();
    private Environment environment;

    private Builder(String producer) {
      this.producer = Objects.requireNonNull(producer, "producer");
    }

    /**
     * Adds an input by hashing a file.
     *
     * @param name the input's name
     * @param file the file, read once
     * @return this builder
     * @throws dev.churn.core.storage.StorageException if the file cannot be read
     * @throws IllegalArgumentException if an input of that name was already added
     */
    public Builder input(String name, Path file) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(file, "file");
      checkNewInput(name);
      return input(InputFingerprint.ofFile(name, file));
    }

    /**
     * Adds an input whose digest and size are already known.
     *
     * @param name the input's name
     * @param sha256 hex SHA-256 of its content
     * @param bytes its size
     * @return this builder
     * @throws IllegalArgumentException if the fingerprint is invalid or the name already used
     */
    public Builder input(String name, String sha256, long bytes) {
      return input(new InputFingerprint(name, sha256, bytes));
    }

    /**
     * Adds an input.
     *
     * @param input the input's fingerprint
     * @return this builder
     * @throws IllegalArgumentException if an input of that name was already added
     */
    public Builder input(InputFingerprint input) {
      Objects.requireNonNull(input, "input");
      checkNewInput(input.name());
      inputs.add(input);
      inputNames.add(input.name());
      return this;
    }

    /**
     * Sets a text parameter.
     *
     * @param name the parameter's name
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or already set
     */
    public Builder parameter(String name, String value) {
      checkParameterName(name);
      Objects.requireNonNull(value, "value");
      String previous = parameters.putIfAbsent(name, value);
      if (previous != null) {
        throw new IllegalArgumentException(
            "parameter '" + name + "' is already set to '" + previous + "'; set each name once");
      }
      return this;
    }

    /**
     * Sets an integer parameter, stored as its decimal text.
     *
     * @param name the parameter's name
     * @param value its value
     * @return this builder
     */
    public Builder parameter(String name, long value) {
      return parameter(name, Long.toString(value));
    }

    /**
     * Sets a floating-point parameter, stored as {@link Double#toString(double)} (e.g. "0.05").
     *
     * @param name the parameter's name
     * @param value its value
     * @return this builder
     */
    public Builder parameter(String name, double value) {
      return parameter(name, Double.toString(value));
    }

    /**
     * Sets a boolean parameter, stored as "true" or "false".
     *
     * @param name the parameter's name
     * @param value its value
     * @return this builder
     */
    public Builder parameter(String name, boolean value) {
      return parameter(name, Boolean.toString(value));
    }

    /**
     * Sets several text parameters.
     *
     * @param values parameters by name
     * @return this builder
     */
    public Builder parameters(Map<String, String> values) {
      Objects.requireNonNull(values, "values");
      values.forEach(this::parameter);
      return this;
    }

    /**
     * Records the random seed the producer used.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = OptionalLong.of(seed);
      return this;
    }

    /**
     * Sets the clock that supplies {@code createdAt}; defaults to {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the environment; defaults to {@link Environment#current()} at {@link #build()}.
     *
     * @param environment the environment
     * @return this builder
     */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Creates the provenance, taking {@code createdAt} from the clock now.
     *
     * @return the provenance
     * @throws IllegalArgumentException if the producer is blank
     */
    public Provenance build() {
      return new Provenance(
          producer,
          inputs,
          parameters,
          environment != null ? environment : Environment.current(),
          clock.instant(),
          seed);
    }

    private void checkNewInput(String name) {
      if (inputNames.contains(name)) {
        throw new IllegalArgumentException(
            "input '" + name + "' was already added; input names must be unique");
      }
    }
  }
}
