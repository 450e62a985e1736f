package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.models.registry.AuditEntry;
import dev.churn.models.registry.ModelRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churn registry history}: a model's audit log in order: time, version, action, stage
 * change, who, why, gate results and whether the gates were forced.
 *
 * <pre>
 * churn registry history --home churn-home --model churn
 * churn registry history --home churn-home --model churn --version 2 --json
 * </pre>
 */
@Command(
    name = "history",
    description = {
      "Print a model's audit log, oldest first: time, version, action (REGISTER, TRANSITION,"
          + " REJECTED, ALIAS, UNALIAS), stage change, who, why, gate results, forced.",
      ""
    })
public final class RegistryHistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin RegistryHome home;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
  boolean help;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model.")
  String model;

  @Option(names = "--version", paramLabel = "N",
      description = "Only the entries that concern this version (including being displaced"
          + " from production and losing an alias).")
  Integer version;

  /** Creates the command; picocli fills in its fields. */
  public RegistryHistoryCommand() {}

  @Override
  public Integer call() {
    try (ModelRegistry registry = home.open(spec)) {
      List<AuditEntry> entries = version == null ? registry.auditLog(model)
          : registry.history(model, version);
      output.print(spec, new Report(model, version, entries));
    }
    return 0;
  }

  /** The entries of a model's audit log. */
  record Report(String model, Integer version, List<AuditEntry> entries) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("model", model);
      if (version != null) {
        o.put("version", version);
      }
      o.set("entries", RegistryViews.entries(mapper, entries));
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      out.printf("model %s%s: %d audit entr%s%n", model,
          version == null ? "" : " version " + version, entries.size(),
          entries.size() == 1 ? "y" : "ies");
      RegistryViews.printEntries(out, entries);
    }
  }
}
