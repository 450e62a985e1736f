package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.models.registry.Artifact;
import dev.churn.models.registry.AuditEntry;
import dev.churn.models.registry.ModelRegistry;
import dev.churn.models.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churn registry show}: everything the registry knows about one version: stage, aliases,
 * metrics, parameters, lineage (run, data fingerprint, feature group versions), the package and
 * attachments with sizes and SHA-256, and the version's history.
 *
 * <pre>
 * churn registry show --home churn-home --model churn --version 2
 * </pre>
 */
@Command(
    name = "show",
    description = {
      "Show one version: stage, aliases, metrics, parameters, run id, data fingerprint, feature"
          + " group versions, package and attachments (size, SHA-256), created, and its history.",
      ""
    })
public final class RegistryShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin RegistryHome home;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
  boolean help;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model.")
  String model;

  @Option(names = "--version", required = true, paramLabel = "N",
      description = "The version number.")
  int version;

  /** Creates the command; picocli fills in its fields. */
  public RegistryShowCommand() {}

  @Override
  public Integer call() {
    try (ModelRegistry registry = home.open(spec)) {
      ModelVersion v = registry.version(model, version);
      output.print(spec, new Report(v, registry.history(model, version)));
    }
    return 0;
  }

  /** One version with its history. */
  record Report(ModelVersion v, List<AuditEntry> history) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      return RegistryViews.versionDetail(mapper, v, history);
    }

    @Override
    public void printText(PrintWriter out) {
      out.printf("model %s version %d%n", v.model(), v.number());
      TextTable t = new TextTable("field", "value").maxWidth(100);
      t.row("stage", v.stage().name() + " since " + RegistryViews.time(v.stageSince()));
      t.row("aliases", v.aliases().isEmpty() ? "-" : String.join(", ", v.aliases()));
      t.row("created", RegistryViews.time(v.createdAt()) + " by " + v.createdBy());
      t.row("description", RegistryViews.orDash(v.description()));
      t.row("backend", RegistryViews.orDash(v.backend()));
      t.row("run", RegistryViews.orDash(v.runId()));
      t.row("data fingerprint", RegistryViews.orDash(v.dataFingerprint()));
      t.row("feature groups", v.featureGroups().isEmpty() ? "-" : v.featureGroups().toString());
      t.row("tags", v.tags().isEmpty() ? "-" : v.tags().toString());
      t.row("inputs", v.signature().isEmpty() ? "-" : v.signature().size() + " columns");
      t.print(out);
      section(out, "metrics", v.metrics());
      section(out, "params", v.params());
      out.println();
      TextTable files = new TextTable("file", "bytes", "sha256").alignRight(1).maxWidth(70);
      file(files, v.modelPackage());
      for (Artifact a : v.attachments().values()) {
        file(files, a);
      }
      files.print(out);
      out.println();
      out.println("history:");
      RegistryViews.printEntries(out, history);
    }

    private static void section(PrintWriter out, String title, Map<String, ?> values) {
      out.println();
      if (values.isEmpty()) {
        out.println(title + ": none");
        return;
      }
      TextTable t = new TextTable(title, "value").maxWidth(80);
      values.forEach((k, x) -> t.row(k, x instanceof Double d ? RegistryViews.number(d)
          : String.valueOf(x)));
      t.print(out);
    }

    private static void file(TextTable t, Artifact a) {
      t.row(a.path(), String.format("%,d", a.bytes()), a.sha256());
    }
  }
}
