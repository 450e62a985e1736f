package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.ChurnException;
import dev.churn.models.registry.AuditAction;
import dev.churn.models.registry.AuditEntry;
import dev.churn.models.registry.GateFailedException;
import dev.churn.models.registry.GateResult;
import dev.churn.models.registry.Gates;
import dev.churn.models.registry.ModelRegistry;
import dev.churn.models.registry.ModelVersion;
import dev.churn.models.registry.Stage;
import dev.churn.models.registry.Transition;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churn registry transition}: moves a version to another stage behind the default gates
 * of that stage ({@link Gates#defaults(Stage)}: for PRODUCTION, the input signature must be
 * compatible with the production version's and the AUC must not be worse than production's by
 * more than {@value Gates#DEFAULT_AUC_TOLERANCE}; no gates for the other stages). Promoting to
 * PRODUCTION archives the previous production version. When a gate fails, the error names it
 * with its numbers, the exit code is 1 and the registry is unchanged; {@code --force} skips the
 * gates and the audit log records that it was forced.
 *
 * <pre>
 * churn registry transition --home churn-home --model churn --version 2 --stage production \
 *     --reason "beats v1 on March" --by ana
 * </pre>
 */
@Command(
    name = "transition",
    description = {
      "Move a version to another stage (none, staging, production, archived; any case) behind"
          + " the default gates: to PRODUCTION, the inputs must match the production version's"
          + " and the AUC must not be worse than production's by more than "
          + Gates.DEFAULT_AUC_TOLERANCE + "; other stages have no gates. Promoting archives the"
          + " previous production version. If a gate fails, nothing changes (the rejection is"
          + " recorded in the history) and the exit code is 1.",
      ""
    })
public final class RegistryTransitionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin RegistryHome home;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
  boolean help;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model.")
  String model;

  @Option(names = "--version", required = true, paramLabel = "N",
      description = "The version to move.")
  int version;

  @Option(names = "--stage", required = true, paramLabel = "STAGE",
      converter = RegistryHome.StageConverter.class,
      description = "The target stage: none, staging, production or archived (any case).")
  Stage stage;

  @Option(names = "--reason", paramLabel = "TEXT",
      description = "Why, recorded in the audit log.")
  String reason;

  @Option(names = "--by", paramLabel = "USER",
      description = "Who, recorded in the audit log (default: the user.name of the JVM).")
  String by;

  @Option(names = "--force",
      description = "Skip the gates; the audit log records the transition as forced and names"
          + " the gates skipped.")
  boolean force;

  /** Creates the command; picocli fills in its fields. */
  public RegistryTransitionCommand() {}

  @Override
  public Integer call() {
    try (ModelRegistry registry = home.open(spec)) {
      Transition t = registry.model(model).version(version).transitionTo(stage)
          .gates(Gates.defaults(stage));
      if (reason != null) {
        t.because(reason);
      }
      if (by != null) {
        t.by(by);
      }
      if (force) {
        t.force();
      }
      ModelVersion after;
      try {
        after = t.apply();
      } catch (GateFailedException e) {
        throw new ChurnException(rejection(e), e);
      }
      List<AuditEntry> history = registry.history(model, version);
      AuditEntry entry = null;
      for (AuditEntry e : history) {
        if (e.action() == AuditAction.TRANSITION && e.version() == version) {
          entry = e;
        }
      }
      output.print(spec, new Report(after, entry));
      return 0;
    }
  }

  static String rejection(GateFailedException e) {
    List<GateResult> failed = e.failed();
    return "transition of model '" + e.model() + "' version " + e.version() + " to "
        + e.target() + " rejected by " + (failed.size() == 1 ? "gate " : failed.size()
            + " of " + e.results().size() + " gates: ")
        + failed.stream().map(r -> r.name() + ": " + r.detail())
            .collect(Collectors.joining("; "))
        + ". The registry is unchanged (the rejection is recorded in 'churn registry history');"
        + " fix the model, or add --force to skip the gates (recorded as forced)";
  }

  /** The version after the transition, with the audit entry that records it. */
  record Report(ModelVersion v, AuditEntry entry) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("model", v.model());
      o.put("version", v.number());
      o.put("from", entry == null ? null : entry.from().map(Enum::name).orElse(null));
      o.put("to", v.stage().name());
      o.put("stage", v.stage().name());
      o.put("forced", entry != null && entry.forced());
      o.put("user", entry == null ? null : entry.user());
      o.put("reason", entry == null ? null : entry.reason().orElse(null));
      o.set("gates", RegistryViews.gates(mapper, entry == null ? List.of() : entry.gates()));
      ArrayNode skipped = o.putArray("skipped_gates");
      if (entry != null) {
        entry.skippedGates().forEach(skipped::add);
      }
      if (entry != null && entry.displaced().isPresent()) {
        AuditEntry.Displacement d = entry.displaced().get();
        o.putObject("displaced").put("version", d.version()).put("from", d.from().name())
            .put("to", d.to().name());
      } else {
        o.putNull("displaced");
      }
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      out.printf("model %s version %d: %s%s%n", v.model(), v.number(),
          entry == null ? "now " + v.stage() : RegistryViews.change(entry),
          entry != null && entry.forced() ? ", FORCED" : "");
      if (entry == null) {
        return;
      }
      for (GateResult g : entry.gates()) {
        out.println("  " + g);
      }
      for (String s : entry.skippedGates()) {
        out.println("  SKIPPED " + s + " (forced)");
      }
      if (entry.gates().isEmpty() && entry.skippedGates().isEmpty()) {
        out.println("  no gates for " + v.stage());
      }
    }
  }
}
