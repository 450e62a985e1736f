package dev.churn.models.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.provenance.Provenance;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The JSON formats of the registry: audit log lines, {@code meta.json} and {@code aliases.json}.
 * Field names are a contract (other tools read these files); see the package documentation.
 */
final class RegistryJson {
  /** Format number written into meta.json and aliases.json; readers reject other numbers. */
  static final int FORMAT = 1;

  private static final ObjectMapper COMPACT = new ObjectMapper();
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RegistryJson() {}

  // ---------------------------------------------------------------- audit entries

  static String entryToJson(AuditEntry e) {
    ObjectNode n = COMPACT.createObjectNode();
    n.put("seq", e.seq());
    n.put("time", e.time().toString());
    n.put("user", e.user());
    n.put("action", e.action().name());
    n.put("model", e.model());
    n.put("version", e.version());
    e.from().ifPresent(s -> n.put("from", s.name()));
    e.to().ifPresent(s -> n.put("to", s.name()));
    e.alias().ifPresent(a -> n.put("alias", a));
    e.previousVersion().ifPresent(p -> n.put("previousVersion", p));
    e.reason().ifPresent(r -> n.put("reason", r));
    if (e.forced()) {
      n.put("forced", true);
    }
    if (!e.gates().isEmpty()) {
      ArrayNode gates = n.putArray("gates");
      for (GateResult g : e.gates()) {
        ObjectNode o = gates.addObject();
        o.put("name", g.name());
        o.put("passed", g.passed());
        o.put("detail", g.detail());
        ObjectNode values = o.putObject("values");
        g.values().forEach(values::put);
      }
    }
    if (!e.skippedGates().isEmpty()) {
      ArrayNode skipped = n.putArray("skippedGates");
      e.skippedGates().forEach(skipped::add);
    }
    e.displaced().ifPresent(d -> n.putObject("displaced").put("version", d.version())
        .put("from", d.from().name()).put("to", d.to().name()));
    e.registered().ifPresent(v -> n.set("meta", versionToTree(v)));
    try {
      return COMPACT.writeValueAsString(n);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write audit entry as JSON", ex);
    }
  }

  static AuditEntry entryFromJson(String json) {
    JsonNode n = parse(json, "audit entry");
    String actionName = text(n, "action");
    AuditAction action;
    try {
      action = AuditAction.valueOf(actionName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown audit action '" + actionName
          + "'; the log may have been written by a newer version of churn");
    }
    List<GateResult> gates = new ArrayList<>();
    for (JsonNode g : n.path("gates")) {
      Map<String, Double> values = new TreeMap<>();
      g.path("values").properties().forEach(f -> values.put(f.getKey(), f.getValue().asDouble()));
      gates.add(new GateResult(text(g, "name"), bool(g, "passed"), text(g, "detail"), values));
    }
    List<String> skipped = new ArrayList<>();
    n.path("skippedGates").forEach(s -> skipped.add(s.asText()));
    Optional<AuditEntry.Displacement> displaced = Optional.empty();
    if (n.has("displaced")) {
      JsonNode d = n.get("displaced");
      displaced = Optional.of(new AuditEntry.Displacement(integer(d, "version"),
          stage(text(d, "from")), stage(text(d, "to"))));
    }
    return new AuditEntry(
        longValue(n, "seq"),
        instant(text(n, "time")),
        text(n, "user"),
        action,
        text(n, "model"),
        integer(n, "version"),
        optionalText(n, "from").map(RegistryJson::stage),
        optionalText(n, "to").map(RegistryJson::stage),
        optionalText(n, "alias"),
        n.has("previousVersion")
            ? OptionalInt.of(integer(n, "previousVersion"))
            : OptionalInt.empty(),
        optionalText(n, "reason"),
        n.path("forced").asBoolean(false),
        gates,
        skipped,
        displaced,
        n.has("meta") ? Optional.of(versionFromTree(n.get("meta"))) : Optional.empty());
  }

  // ---------------------------------------------------------------- meta.json

  static String versionToJson(ModelVersion v) {
    try {
      return PRETTY.writeValueAsString(versionToTree(v)).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write version metadata as JSON", ex);
    }
  }

  static ModelVersion versionFromJson(String json) {
    return versionFromTree(parse(json, "version metadata"));
  }

  private static ObjectNode versionToTree(ModelVersion v) {
    ObjectNode n = COMPACT.createObjectNode();
    n.put("format", FORMAT);
    n.put("model", v.model());
    n.put("version", v.number());
    n.put("stage", v.stage().name());
    n.put("stageSince", v.stageSince().toString());
    ArrayNode aliases = n.putArray("aliases");
    v.aliases().forEach(aliases::add);
    n.put("createdAt", v.createdAt().toString());
    n.put("createdBy", v.createdBy());
    v.description().ifPresent(d -> n.put("description", d));
    v.runId().ifPresent(r -> n.put("runId", r));
    v.backend().ifPresent(b -> n.put("backend", b));
    n.set("package", artifact(v.modelPackage()));
    ObjectNode metrics = n.putObject("metrics");
    v.metrics().forEach(metrics::put);
    putStrings(n.putObject("params"), v.params());
    putStrings(n.putObject("signature"), v.signature());
    putStrings(n.putObject("tags"), v.tags());
    v.dataFingerprint().ifPresent(f -> n.put("dataFingerprint", f));
    putStrings(n.putObject("featureGroups"), v.featureGroups());
    ObjectNode attachments = n.putObject("attachments");
    v.attachments().forEach((name, a) -> attachments.set(name, artifact(a)));
    v.provenance().ifPresent(p -> n.set("provenance", parse(p.toJson(), "provenance")));
    return n;
  }

  private static ModelVersion versionFromTree(JsonNode n) {
    checkFormat(n, "version metadata");
    List<String> aliases = new ArrayList<>();
    n.path("aliases").forEach(a -> aliases.add(a.asText()));
    Map<String, Double> metrics = new TreeMap<>();
    n.path("metrics").properties().forEach(f -> metrics.put(f.getKey(), f.getValue().asDouble()));
    Map<String, Artifact> attachments = new TreeMap<>();
    n.path("attachments").properties().forEach(f -> attachments.put(f.getKey(),
        artifactFrom(f.getValue())));
    Optional<Provenance> provenance = Optional.empty();
    if (n.hasNonNull("provenance")) {
      try {
        String json = COMPACT.writeValueAsString(n.get("provenance"));
        provenance = Optional.of(Provenance.fromJson(json));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot read provenance: " + e.getOriginalMessage(), e);
      }
    }
    if (!n.has("package")) {
      throw new IllegalArgumentException("version metadata is missing field 'package'");
    }
    return new ModelVersion(
        text(n, "model"),
        integer(n, "version"),
        stage(text(n, "stage")),
        instant(text(n, "stageSince")),
        aliases,
        instant(text(n, "createdAt")),
        text(n, "createdBy"),
        optionalText(n, "description"),
        optionalText(n, "runId"),
        optionalText(n, "backend"),
        artifactFrom(n.get("package")),
        metrics,
        strings(n.path("params")),
        strings(n.path("signature")),
        strings(n.path("tags")),
        optionalText(n, "dataFingerprint"),
        strings(n.path("featureGroups")),
        attachments,
        provenance);
  }

  // ---------------------------------------------------------------- aliases.json

  static String aliasesToJson(ModelState s) {
    ObjectNode n = COMPACT.createObjectNode();
    n.put("format", FORMAT);
    n.put("model", s.model());
    n.put("logEntries", s.logEntries());
    s.updatedAt().ifPresent(t -> n.put("updatedAt", t.toString()));
    ObjectNode aliases = n.putObject("aliases");
    s.aliases().forEach(aliases::put);
    try {
      return PRETTY.writeValueAsString(n).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write aliases as JSON", ex);
    }
  }

  /** What aliases.json holds: the alias table and the log position it reflects. */
  record AliasFile(String model, long logEntries, Optional<Instant> updatedAt,
      Map<String, Integer> aliases) {}

  static AliasFile aliasesFromJson(String json) {
    JsonNode n = parse(json, "aliases file");
    checkFormat(n, "aliases file");
    Map<String, Integer> aliases = new TreeMap<>();
    n.path("aliases").properties().forEach(f -> aliases.put(f.getKey(), f.getValue().asInt()));
    return new AliasFile(text(n, "model"), longValue(n, "logEntries"),
        optionalText(n, "updatedAt").map(RegistryJson::instant), aliases);
  }

  // ---------------------------------------------------------------- helpers

  private static ObjectNode artifact(Artifact a) {
    return COMPACT.createObjectNode().put("path", a.path()).put("sha256", a.sha256())
        .put("bytes", a.bytes());
  }

  private static Artifact artifactFrom(JsonNode n) {
    return new Artifact(text(n, "path"), text(n, "sha256"), longValue(n, "bytes"));
  }

  private static void putStrings(ObjectNode target, Map<String, String> values) {
    values.forEach(target::put);
  }

  private static Map<String, String> strings(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.properties().forEach(f -> out.put(f.getKey(), f.getValue().asText()));
    return out;
  }

  private static JsonNode parse(String json, String what) {
    try {
      JsonNode n = COMPACT.readTree(json);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(what + " is not a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void checkFormat(JsonNode n, String what) {
    int format = n.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IllegalArgumentException(what + " has format " + format + " but this version of"
          + " churn reads format " + FORMAT);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || !v.isValueNode()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return v.asText();
  }

  private static Optional<String> optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static int integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToInt()) {
      throw new IllegalArgumentException("missing or non-integer field '" + field + "'");
    }
    return v.intValue();
  }

  private static long longValue(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong()) {
      throw new IllegalArgumentException("missing or non-integer field '" + field + "'");
    }
    return v.longValue();
  }

  private static boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException("missing or non-boolean field '" + field + "'");
    }
    return v.booleanValue();
  }

  private static Stage stage(String text) {
    try {
      return Stage.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown stage '" + text + "'");
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant");
    }
  }
}
