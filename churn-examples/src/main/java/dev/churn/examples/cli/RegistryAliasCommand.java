package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.ChurnException;
import dev.churn.models.registry.ModelRegistry;
import dev.churn.models.registry.RegisteredModel;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churn registry alias}: points an alias ({@code champion}, {@code challenger}, ...) at a
 * version, moving it from the version it pointed at, or removes it with {@code --remove}.
 *
 * <pre>
 * churn registry alias --home churn-home --model churn --version 2 --alias champion
 * churn registry alias --home churn-home --model churn --alias champion --remove
 * </pre>
 */
@Command(
    name = "alias",
    description = {
      "Point an alias at a version (moving it from the version it pointed at), or remove it"
          + " with --remove. Aliases are unique per model; 'churn score --alias A' scores with"
          + " the version it points at.",
      ""
    })
public final class RegistryAliasCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin RegistryHome home;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
  boolean help;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model.")
  String model;

  @Option(names = "--version", paramLabel = "N",
      description = "The version the alias points at (required unless --remove; with --remove,"
          + " checked).")
  Integer version;

  @Option(names = "--alias", required = true, paramLabel = "A",
      description = "The alias, e.g. champion (letters, digits, '_', '.', '-').")
  String alias;

  @Option(names = "--remove", description = "Remove the alias instead of setting it.")
  boolean remove;

  @Option(names = "--reason", paramLabel = "TEXT",
      description = "Why, recorded in the audit log.")
  String reason;

  @Option(names = "--by", paramLabel = "USER",
      description = "Who, recorded in the audit log (default: the user.name of the JVM).")
  String by;

  /** Creates the command; picocli fills in its fields. */
  public RegistryAliasCommand() {}

  @Override
  public Integer call() {
    if (!remove && version == null) {
      throw new ParameterException(spec.commandLine(),
          "--version is missing: say which version the alias points at, or add --remove");
    }
    try (ModelRegistry registry = home.open(spec, by)) {
      RegisteredModel m = registry.model(model);
      Integer before = m.aliases().get(alias);
      String user = by != null ? by : System.getProperty("user.name", "unknown");
      int target;
      if (remove) {
        if (before == null) {
          throw new ChurnException("model '" + model + "' has no alias '" + alias
              + "'; its aliases: " + describe(m.aliases()));
        }
        if (version != null && version.intValue() != before) {
          throw new ChurnException("alias '" + alias + "' of model '" + model + "' points at v"
              + before + ", not v" + version + "; nothing removed (drop --version or give"
              + " --version " + before + ")");
        }
        if (reason != null) {
          m.removeAlias(alias, user, reason);
        } else {
          m.removeAlias(alias);
        }
        target = before;
      } else {
        if (reason != null) {
          m.version(version).alias(alias, user, reason);
        } else {
          m.version(version).alias(alias);
        }
        target = version;
      }
      output.print(spec, new Report(model, alias, target, before, remove, m.aliases()));
    }
    return 0;
  }

  private static String describe(Map<String, Integer> aliases) {
    return aliases.isEmpty() ? "none" : RegistryListCommand.aliases(aliases);
  }

  /** What the alias points at now (or pointed at before its removal). */
  record Report(String model, String alias, int version, Integer previous, boolean removed,
      Map<String, Integer> aliases) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("model", model);
      o.put("alias", alias);
      o.put("version", version);
      if (previous != null && !removed) {
        o.put("previous_version", previous);
      } else {
        o.putNull("previous_version");
      }
      o.put("removed", removed);
      ObjectNode a = o.putObject("aliases");
      aliases.forEach(a::put);
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      if (removed) {
        out.printf("model %s: alias '%s' removed (it pointed at v%d)%n", model, alias, version);
      } else if (previous != null && previous == version) {
        out.printf("model %s: alias '%s' already points at v%d; nothing changed%n", model, alias,
            version);
      } else {
        out.printf("model %s: alias '%s' -> v%d%s%n", model, alias, version,
            previous == null ? "" : " (moved from v" + previous + ")");
      }
      out.println("aliases: " + describe(aliases));
    }
  }
}
