package dev.churn.core.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The JSON form of {@link Provenance}. Kept separate so the public records carry no Jackson
 * annotations and the document layout (field order, {@code seed} as a nullable number) is fixed in
 * one place.
 */
final class ProvenanceJson {

  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Pretty output with "\n" line ends on every platform, so the bytes are the same everywhere. */
  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static final ObjectWriter COMPACT = MAPPER.writer();

  private ProvenanceJson() {}

  @JsonPropertyOrder({
    "schemaVersion", "producer", "createdAt", "seed", "inputs", "parameters", "environment"
  })
  record Document(
      Integer schemaVersion,
      String producer,
      Instant createdAt,
      Long seed,
      List<Input> inputs,
      Map<String, String> parameters,
      Env environment) {}

  @JsonPropertyOrder({"name", "sha256", "bytes"})
  record Input(String name, String sha256, Long bytes) {}

  @JsonPropertyOrder({
    "churnVersion", "javaVersion", "javaVendor", "osName", "osArch", "osVersion",
    "availableProcessors"
  })
  record Env(
      String churnVersion,
      String javaVersion,
      String javaVendor,
      String osName,
      String osArch,
      String osVersion,
      Integer availableProcessors) {}

  static String toJson(Provenance p) {
    try {
      return PRETTY.writeValueAsString(toDocument(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise provenance of " + p.producer(), e);
    }
  }

  static byte[] canonicalBytesWithoutCreatedAt(Provenance p) {
    ObjectNode tree = MAPPER.valueToTree(toDocument(p));
    tree.remove("createdAt");
    try {
      return COMPACT.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise provenance of " + p.producer(), e);
    }
  }

  static Provenance fromJson(String json) {
    Document d;
    try {
      d = MAPPER.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "json is not a provenance document: " + e.getOriginalMessage(), e);
    }
    if (d == null) {
      throw new IllegalArgumentException("json is not a provenance document: it is 'null'");
    }
    if (d.schemaVersion() == null || d.schemaVersion() != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "json has schemaVersion " + d.schemaVersion() + ", but only " + SCHEMA_VERSION
              + " is supported (written by a newer churn?)");
    }
    List<InputFingerprint> inputs = new ArrayList<>();
    for (Input in : required(d.inputs(), "inputs")) {
      required(in, "inputs[]");
      inputs.add(
          new InputFingerprint(
              required(in.name(), "inputs[].name"),
              required(in.sha256(), "inputs[].sha256"),
              required(in.bytes(), "inputs[].bytes")));
    }
    Env e = required(d.environment(), "environment");
    Environment environment =
        new Environment(
            required(e.churnVersion(), "environment.churnVersion"),
            required(e.javaVersion(), "environment.javaVersion"),
            required(e.javaVendor(), "environment.javaVendor"),
            required(e.osName(), "environment.osName"),
            required(e.osArch(), "environment.osArch"),
            required(e.osVersion(), "environment.osVersion"),
            required(e.availableProcessors(), "environment.availableProcessors"));
    return new Provenance(
        required(d.producer(), "producer"),
        inputs,
        required(d.parameters(), "parameters"),
        environment,
        required(d.createdAt(), "createdAt"),
        d.seed() == null ? OptionalLong.empty() : OptionalLong.of(d.seed()));
  }

  private static Document toDocument(Provenance p) {
    List<Input> inputs = new ArrayList<>(p.inputs().size());
    for (InputFingerprint in : p.inputs()) {
      inputs.add(new Input(in.name(), in.sha256(), in.bytes()));
    }
    Environment e = p.environment();
    return new Document(
        SCHEMA_VERSION,
        p.producer(),
        p.createdAt(),
        p.seed().isPresent() ? p.seed().getAsLong() : null,
        inputs,
        new TreeMap<>(p.parameters()),
        new Env(
            e.churnVersion(),
            e.javaVersion(),
            e.javaVendor(),
            e.osName(),
            e.osArch(),
            e.osVersion(),
            e.availableProcessors()));
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(
          "json is not a provenance document: field '" + field + "' is missing or null");
    }
    return value;
  }
}
