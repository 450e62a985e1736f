package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.models.registry.Artifact;
import dev.churn.models.registry.AuditAction;
import dev.churn.models.registry.AuditEntry;
import dev.churn.models.registry.GateResult;
import dev.churn.models.registry.ModelVersion;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the registry commands show versions and audit entries: the JSON objects (snake_case
 * fields, stage and action names as the registry writes them, times in ISO-8601) and the
 * readable tables.
 */
final class RegistryViews {
  /** Metrics shown as columns of the version table, when a version has them. */
  private static final List<String> TABLE_METRICS = List.of("auc", "pr_auc", "logloss", "f1");

  private RegistryViews() {}

  /** The contract fields of a version in {@code registry list}, plus backend and run. */
  static ObjectNode versionSummary(ObjectMapper mapper, ModelVersion v) {
    ObjectNode o = mapper.createObjectNode();
    o.put("version", v.number());
    o.put("stage", v.stage().name());
    ArrayNode aliases = o.putArray("aliases");
    v.aliases().forEach(aliases::add);
    ObjectNode metrics = o.putObject("metrics");
    v.metrics().forEach(metrics::put);
    o.put("created", v.createdAt().toString());
    o.put("backend", v.backend().orElse(null));
    o.put("run_id", v.runId().orElse(null));
    return o;
  }

  /** Everything about a version, for {@code registry show}. */
  static ObjectNode versionDetail(ObjectMapper mapper, ModelVersion v, List<AuditEntry> history) {
    ObjectNode o = mapper.createObjectNode();
    o.put("model", v.model());
    o.setAll((ObjectNode) versionSummary(mapper, v));
    o.put("stage_since", v.stageSince().toString());
    o.put("created_by", v.createdBy());
    o.put("description", v.description().orElse(null));
    o.put("data_fingerprint", v.dataFingerprint().orElse(null));
    ObjectNode params = o.putObject("params");
    v.params().forEach(params::put);
    ObjectNode signature = o.putObject("signature");
    v.signature().forEach(signature::put);
    ObjectNode tags = o.putObject("tags");
    v.tags().forEach(tags::put);
    ObjectNode groups = o.putObject("feature_groups");
    v.featureGroups().forEach(groups::put);
    o.set("package", artifact(mapper, null, v.modelPackage()));
    ArrayNode attachments = o.putArray("attachments");
    v.attachments().forEach((name, a) -> attachments.add(artifact(mapper, name, a)));
    if (v.provenance().isPresent()) {
      try {
        o.set("provenance", mapper.readTree(v.provenance().get().toJson()));
      } catch (java.io.IOException e) {
        o.put("provenance", v.provenance().get().toJson());
      }
    } else {
      o.putNull("provenance");
    }
    o.set("history", entries(mapper, history));
    return o;
  }

  private static ObjectNode artifact(ObjectMapper mapper, String name, Artifact a) {
    ObjectNode o = mapper.createObjectNode();
    if (name != null) {
      o.put("name", name);
    }
    o.put("path", a.path());
    o.put("bytes", a.bytes());
    o.put("sha256", a.sha256());
    return o;
  }

  /** Audit entries as a JSON array, in log order. */
  static ArrayNode entries(ObjectMapper mapper, List<AuditEntry> entries) {
    ArrayNode a = mapper.createArrayNode();
    entries.forEach(e -> a.add(entry(mapper, e)));
    return a;
  }

  /** One audit entry: every field, absent ones as null, so that all entries have one shape. */
  static ObjectNode entry(ObjectMapper mapper, AuditEntry e) {
    ObjectNode o = mapper.createObjectNode();
    o.put("seq", e.seq());
    o.put("time", e.time().toString());
    o.put("version", e.version());
    o.put("action", e.action().name());
    o.put("from", e.from().map(Enum::name).orElse(null));
    o.put("to", e.to().map(Enum::name).orElse(null));
    o.put("user", e.user());
    o.put("reason", e.reason().orElse(null));
    o.put("forced", e.forced());
    o.set("gates", gates(mapper, e.gates()));
    ArrayNode skipped = o.putArray("skipped_gates");
    e.skippedGates().forEach(skipped::add);
    if (e.displaced().isPresent()) {
      AuditEntry.Displacement d = e.displaced().get();
      o.putObject("displaced").put("version", d.version()).put("from", d.from().name())
          .put("to", d.to().name());
    } else {
      o.putNull("displaced");
    }
    o.put("alias", e.alias().orElse(null));
    if (e.previousVersion().isPresent()) {
      o.put("previous_version", e.previousVersion().getAsInt());
    } else {
      o.putNull("previous_version");
    }
    return o;
  }

  /** Gate results as a JSON array: name, passed, detail and the numbers compared. */
  static ArrayNode gates(ObjectMapper mapper, List<GateResult> results) {
    ArrayNode a = mapper.createArrayNode();
    for (GateResult r : results) {
      ObjectNode g = a.addObject();
      g.put("name", r.name());
      g.put("passed", r.passed());
      g.put("detail", r.detail());
      ObjectNode values = g.putObject("values");
      r.values().forEach(values::put);
    }
    return a;
  }

  /** Prints versions as a table: number, stage, aliases, the main metrics, backend, created. */
  static void printVersions(PrintWriter out, List<ModelVersion> versions) {
    List<String> metrics = new ArrayList<>();
    for (String m : TABLE_METRICS) {
      if (versions.stream().anyMatch(v -> v.metrics().containsKey(m))) {
        metrics.add(m);
      }
    }
    List<String> header = new ArrayList<>(List.of("version", "stage", "aliases"));
    header.addAll(metrics);
    header.addAll(List.of("backend", "created", "run"));
    TextTable t = new TextTable(header.toArray(new String[0])).alignRight(0);
    for (int i = 0; i < metrics.size(); i++) {
      t.alignRight(3 + i);
    }
    for (ModelVersion v : versions) {
      List<String> row = new ArrayList<>(List.of("v" + v.number(), v.stage().name(),
          String.join(",", v.aliases())));
      for (String m : metrics) {
        row.add(v.metric(m).isPresent() ? number(v.metric(m).getAsDouble()) : "");
      }
      row.add(v.backend().orElse(""));
      row.add(time(v.createdAt()));
      row.add(v.runId().orElse(""));
      t.row(row.toArray(new String[0]));
    }
    t.print(out);
  }

  /** Prints audit entries as a table, then the gate results of the entries that have any. */
  static void printEntries(PrintWriter out, List<AuditEntry> entries) {
    TextTable t = new TextTable("#", "time", "version", "action", "change", "by", "forced",
        "reason").alignRight(0).maxWidth(70);
    for (AuditEntry e : entries) {
      t.row(Long.toString(e.seq()), time(e.time()), "v" + e.version(), e.action().name(),
          change(e), e.user(), e.forced() ? "FORCED" : "", e.reason().orElse(""));
    }
    t.print(out);
    boolean header = false;
    for (AuditEntry e : entries) {
      if (e.gates().isEmpty() && e.skippedGates().isEmpty()) {
        continue;
      }
      if (!header) {
        out.println();
        out.println("gates:");
        header = true;
      }
      for (GateResult g : e.gates()) {
        out.println("  #" + e.seq() + " " + g);
      }
      for (String s : e.skippedGates()) {
        out.println("  #" + e.seq() + " SKIPPED " + s + " (forced)");
      }
    }
  }

  /** What an entry changed, for people: "STAGING -> PRODUCTION (v1 PRODUCTION -> ARCHIVED)". */
  static String change(AuditEntry e) {
    StringBuilder b = new StringBuilder();
    if (e.action() == AuditAction.REGISTER) {
      b.append("registered, ").append(e.to().map(Enum::name).orElse("NONE"));
    } else if (e.action() == AuditAction.ALIAS) {
      b.append("alias '").append(e.alias().orElse("")).append('\'');
      if (e.previousVersion().isPresent()) {
        b.append(" (moved from v").append(e.previousVersion().getAsInt()).append(')');
      }
    } else if (e.action() == AuditAction.UNALIAS) {
      b.append("removed alias '").append(e.alias().orElse("")).append('\'');
    } else {
      b.append(e.from().map(Enum::name).orElse("?")).append(" -> ")
          .append(e.to().map(Enum::name).orElse("?"));
      if (e.action() == AuditAction.REJECTED) {
        b.append(" rejected");
      }
      e.displaced().ifPresent(d -> b.append(" (v").append(d.version()).append(' ')
          .append(d.from()).append(" -> ").append(d.to()).append(')'));
    }
    return b.toString();
  }

  /** A time to the second, ISO-8601 in UTC. */
  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A metric for a table: four decimals. */
  static String number(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Metrics on one line: "auc 0.9123, logloss 0.2100". */
  static String metricsLine(Map<String, Double> metrics) {
    List<String> parts = new ArrayList<>();
    metrics.forEach((k, v) -> parts.add(k + " " + number(v)));
    return String.join(", ", parts);
  }

  /** A value or "-" when absent. */
  static String orDash(Optional<String> value) {
    return value.filter(s -> !s.isEmpty()).orElse("-");
  }
}
