package dev.churn.models.runs;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.churn.core.provenance.Provenance;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code run.json} document of a {@link Run}. Kept apart so that the public records carry no
 * Jackson annotations and the layout (field order, instants as ISO-8601 text, provenance embedded
 * as an object) is fixed in one place. See {@link RunStore} for the documented format.
 */
final class RunJson {

  /** Version of the run.json layout written by this code. */
  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private RunJson() {}

  @JsonPropertyOrder({
    "schemaVersion", "id", "kind", "name", "status", "error", "startedAt", "endedAt",
    "parameters", "metrics", "foldMetrics", "tags", "artifacts", "provenance"
  })
  record Document(
      Integer schemaVersion,
      String id,
      String kind,
      String name,
      String status,
      String error,
      String startedAt,
      String endedAt,
      Map<String, String> parameters,
      Map<String, Double> metrics,
      List<Map<String, Double>> foldMetrics,
      Map<String, String> tags,
      List<Artifact> artifacts,
      JsonNode provenance) {}

  @JsonPropertyOrder({"name", "sha256", "bytes"})
  record Artifact(String name, String sha256, Long bytes) {}

  static String toJson(Run run) {
    List<Artifact> artifacts = new ArrayList<>();
    for (ArtifactRef a : run.artifacts()) {
      artifacts.add(new Artifact(a.name(), a.sha256(), a.bytes()));
    }
    try {
      JsonNode provenance =
          run.provenance().isPresent() ? MAPPER.readTree(run.provenance().get().toJson()) : null;
      Document doc =
          new Document(
              SCHEMA_VERSION,
              run.id(),
              run.kind(),
              run.name(),
              run.status().name(),
              run.error().orElse(null),
              run.startedAt().toString(),
              run.endedAt().map(Instant::toString).orElse(null),
              run.parameters(),
              run.metrics(),
              run.foldMetrics(),
              run.tags(),
              artifacts,
              provenance);
      return PRETTY.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write run " + run.id() + " as JSON", e);
    }
  }

  /**
   * Parses a run.json document.
   *
   * @throws IllegalArgumentException if the text is not a valid run document of a supported version
   */
  static Run fromJson(String json) {
    Document doc;
    try {
      doc = MAPPER.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run.json document: " + e.getOriginalMessage(), e);
    }
    if (doc == null) {
      throw new IllegalArgumentException("not a run.json document: it is empty or null");
    }
    if (doc.schemaVersion() == null) {
      throw new IllegalArgumentException("schemaVersion is missing");
    }
    if (doc.schemaVersion() > SCHEMA_VERSION || doc.schemaVersion() < 1) {
      throw new IllegalArgumentException(
          "schemaVersion was '" + doc.schemaVersion() + "' but this version of churn reads only"
              + " 1 to " + SCHEMA_VERSION + "; upgrade churn to read it");
    }
    RunStatus status;
    try {
      status = RunStatus.valueOf(required("status", doc.status()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "status was '" + doc.status() + "' but it must be RUNNING, FINISHED or FAILED", e);
    }
    List<ArtifactRef> artifacts = new ArrayList<>();
    for (Artifact a : orEmpty(doc.artifacts())) {
      if (a == null || a.bytes() == null) {
        throw new IllegalArgumentException("artifacts has an entry without name, sha256 or bytes");
      }
      artifacts.add(new ArtifactRef(required("artifact name", a.name()),
          required("artifact sha256", a.sha256()), a.bytes()));
    }
    Optional<Provenance> provenance = Optional.empty();
    if (doc.provenance() != null && !doc.provenance().isNull()) {
      provenance = Optional.of(Provenance.fromJson(doc.provenance().toString()));
    }
    return new Run(
        required("id", doc.id()),
        required("kind", doc.kind()),
        required("name", doc.name()),
        status,
        Optional.ofNullable(doc.error()),
        instant("startedAt", required("startedAt", doc.startedAt())),
        Optional.ofNullable(doc.endedAt()).map(t -> instant("endedAt", t)),
        orEmpty(doc.parameters()),
        orEmpty(doc.metrics()),
        orEmpty(doc.foldMetrics()).stream().map(RunJson::orEmpty).toList(),
        orEmpty(doc.tags()),
        artifacts,
        provenance);
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " was '" + text + "' but it must be an ISO-8601 instant such as"
              + " 2026-11-23T10:15:00Z", e);
    }
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
