package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.models.registry.ModelRegistry;
import dev.churn.models.registry.ModelState;
import dev.churn.models.registry.ModelVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churn registry list}: the versions of one model (stage, aliases, metrics, created), or
 * without {@code --model} the models with their latest and production versions.
 *
 * <pre>
 * churn registry list --home churn-home --model churn --json
 * </pre>
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "List the versions of a model with their stage, aliases and metrics; without --model,"
          + " list the models with their latest and production versions.",
      ""
    })
public final class RegistryListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin RegistryHome home;

  @Option(names = "--model", paramLabel = "NAME",
      description = "The model whose versions to list (default: list the models).")
  String model;

  /** Creates the command; picocli fills in its fields. */
  public RegistryListCommand() {}

  @Override
  public Integer call() {
    Path dir = home.resolve(spec);
    try (ModelRegistry registry = home.open(spec)) {
      if (model != null) {
        output.print(spec, new VersionsReport(registry.state(model)));
      } else {
        List<ModelState> states = new ArrayList<>();
        for (String m : registry.models()) {
          states.add(registry.state(m));
        }
        output.print(spec, new ModelsReport(dir, states));
      }
    }
    return 0;
  }

  /** The versions of one model. */
  record VersionsReport(ModelState state) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("model", state.model());
      ArrayNode versions = o.putArray("versions");
      state.versions().forEach(v -> versions.add(RegistryViews.versionSummary(mapper, v)));
      if (state.production().isPresent()) {
        o.put("production_version", state.production().get().number());
      } else {
        o.putNull("production_version");
      }
      ObjectNode aliases = o.putObject("aliases");
      state.aliases().forEach(aliases::put);
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      out.printf("model %s: %d version%s, production %s%s%n", state.model(),
          state.versions().size(), state.versions().size() == 1 ? "" : "s",
          state.production().map(v -> "v" + v.number()).orElse("none"),
          state.aliases().isEmpty() ? "" : ", aliases " + aliases(state.aliases()));
      RegistryViews.printVersions(out, state.versions());
    }
  }

  /** The models of a registry with their latest and production versions. */
  record ModelsReport(Path home, List<ModelState> states) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("home", home.toString());
      ArrayNode models = o.putArray("models");
      for (ModelState s : states) {
        ObjectNode m = models.addObject();
        m.put("model", s.model());
        m.put("version_count", s.versions().size());
        ModelVersion latest = s.latest().orElseThrow();
        m.put("latest_version", latest.number());
        m.put("latest_stage", latest.stage().name());
        if (s.production().isPresent()) {
          m.put("production_version", s.production().get().number());
          ObjectNode metrics = m.putObject("production_metrics");
          s.production().get().metrics().forEach(metrics::put);
        } else {
          m.putNull("production_version");
          m.putNull("production_metrics");
        }
        ObjectNode aliases = m.putObject("aliases");
        s.aliases().forEach(aliases::put);
      }
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      if (states.isEmpty()) {
        out.println("no models in " + home + "; register one with 'churn train --csv F --label"
            + " COL --positive V --home " + home + " --model NAME'");
        return;
      }
      TextTable t = new TextTable("model", "versions", "latest", "production", "production auc",
          "aliases").alignRight(1, 4);
      for (ModelState s : states) {
        ModelVersion latest = s.latest().orElseThrow();
        t.row(s.model(), Integer.toString(s.versions().size()),
            "v" + latest.number() + " " + latest.stage().name(),
            s.production().map(v -> "v" + v.number()).orElse("none"),
            s.production().map(v -> v.metric("auc")).filter(OptionalDouble::isPresent)
                .map(d -> RegistryViews.number(d.getAsDouble())).orElse(""),
            aliases(s.aliases()));
      }
      t.print(out);
    }
  }

  static String aliases(Map<String, Integer> aliases) {
    return aliases.entrySet().stream().map(e -> e.getKey() + " -> v" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
