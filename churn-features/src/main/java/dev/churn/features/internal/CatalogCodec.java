package dev.churn.features.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.provenance.Provenance;
import dev.churn.core.table.ColumnType;
import dev.churn.features.Catalog;
import dev.churn.features.FeatureStats;
import dev.churn.features.Materialization;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code features/catalog.json}. NaN statistics are written as null. */
public final class CatalogCodec {
  /** The format version written; readers reject others. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CatalogCodec() {}

  /** Returns the catalog as JSON text. */
  public static String write(Map<String, Catalog.GroupEntry> groups) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ArrayNode gs = root.putArray("groups");
    groups.values().stream()
        .sorted(java.util.Comparator.comparing(Catalog.GroupEntry::name))
        .forEach(g -> {
          ObjectNode gn = gs.addObject();
          gn.put("name", g.name());
          gn.put("current", g.currentVersion());
          ArrayNode vs = gn.putArray("versions");
          for (Catalog.VersionEntry v : g.versions()) {
            ObjectNode vn = vs.addObject();
            vn.put("version", v.version());
            vn.set("definition", tree(v.definition()));
            vn.put("registeredAt", v.registeredAt().toString());
            ArrayNode ms = vn.putArray("materializations");
            v.materializations().forEach(m -> ms.add(materialization(m)));
          }
        });
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode materialization(Materialization m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("asOf", m.asOf().toString());
    n.put("path", m.path());
    n.put("rows", m.rows());
    n.put("bytes", m.bytes());
    n.put("sha256", m.sha256());
    n.put("createdAt", m.createdAt().toString());
    ArrayNode stats = n.putArray("stats");
    for (FeatureStats s : m.stats()) {
      ObjectNode sn = stats.addObject();
      sn.put("name", s.name());
      sn.put("type", s.type().name());
      sn.put("rows", s.rows());
      sn.put("missing", s.missing());
      number(sn, "mean", s.mean());
      number(sn, "std", s.std());
      number(sn, "min", s.min());
      number(sn, "max", s.max());
      ArrayNode q = sn.putArray("quantiles");
      s.quantiles().forEach(x -> {
        if (Double.isNaN(x)) {
          q.addNull();
        } else {
          q.add(x);
        }
      });
      ObjectNode top = sn.putObject("top");
      s.topCategories().forEach(top::put);
    }
    n.set("provenance", tree(m.provenance().toJson()));
    return n;
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses catalog JSON.
   *
   * @throws IllegalArgumentException when the text is not a catalog of a known version
   */
  public static Map<String, Catalog.GroupEntry> read(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      int version = root.path("schemaVersion").asInt(-1);
      if (version != SCHEMA_VERSION) {
        throw new IllegalArgumentException(
            "catalog schemaVersion is " + version + " but this library reads " + SCHEMA_VERSION);
      }
      Map<String, Catalog.GroupEntry> out = new LinkedHashMap<>();
      for (JsonNode g : root.get("groups")) {
        String name = g.get("name").asText();
        List<Catalog.VersionEntry> versions = new ArrayList<>();
        for (JsonNode v : g.get("versions")) {
          List<Materialization> ms = new ArrayList<>();
          for (JsonNode m : v.get("materializations")) {
            ms.add(materialization(name, v.get("version").asText(), m));
          }
          versions.add(new Catalog.VersionEntry(
              v.get("version").asText(), JSON.writeValueAsString(v.get("definition")),
              Instant.parse(v.get("registeredAt").asText()), ms));
        }
        out.put(name, new Catalog.GroupEntry(name, g.get("current").asText(), versions));
      }
      return out;
    } catch (IOException | NullPointerException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a feature catalog: " + e.getMessage(), e);
    }
  }

  private static Materialization materialization(String group, String version, JsonNode m)
      throws IOException {
    List<FeatureStats> stats = new ArrayList<>();
    for (JsonNode s : m.get("stats")) {
      List<Double> q = new ArrayList<>();
      s.get("quantiles").forEach(x -> q.add(x.isNull() ? Double.NaN : x.asDouble()));
      Map<String, Long> top = new LinkedHashMap<>();
      s.get("top").fields().forEachRemaining(e -> top.put(e.getKey(), e.getValue().asLong()));
      stats.add(new FeatureStats(
          s.get("name").asText(), ColumnType.valueOf(s.get("type").asText()),
          s.get("rows").asLong(), s.get("missing").asLong(), num(s, "mean"), num(s, "std"),
          num(s, "min"), num(s, "max"), q, top));
    }
    return new Materialization(
        group, version, LocalDate.parse(m.get("asOf").asText()), m.get("path").asText(),
        m.get("rows").asLong(), m.get("bytes").asLong(), m.get("sha256").asText(),
        Instant.parse(m.get("createdAt").asText()), stats,
        Provenance.fromJson(JSON.writeValueAsString(m.get("provenance"))));
  }

  private static double num(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? Double.NaN : v.asDouble();
  }
}
