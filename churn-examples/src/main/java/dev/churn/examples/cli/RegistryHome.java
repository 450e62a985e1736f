package dev.churn.examples.cli;

import dev.churn.core.ChurnException;
import dev.churn.models.registry.FileRegistryStore;
import dev.churn.models.registry.ModelRegistry;
import dev.churn.models.registry.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --home DIR} option of the {@code churn registry} subcommands, and how they open the
 * registry in it: the home must exist and hold a registry, so that a mistyped path is reported
 * instead of creating an empty registry.
 *
 * <pre>{@code
 * @Mixin RegistryHome home;
 * ...
 * try (ModelRegistry registry = home.open(spec)) { ... }
 * }</pre>
 */
public final class RegistryHome {
  @Option(names = "--home", paramLabel = "DIR",
      description = "The churn home whose registry (DIR/registry) to use.")
  Path home;

  /** Creates the option; picocli fills in the field. */
  public RegistryHome() {}

  /**
   * Returns the home given to the subcommand or, failing that, to {@code churn registry}.
   *
   * @param spec the running subcommand
   * @return the home directory
   * @throws ParameterException if neither gave one
   */
  Path resolve(CommandSpec spec) {
    if (home != null) {
      return home;
    }
    CommandSpec parent = spec.parent();
    if (parent != null && parent.userObject() instanceof RegistryCommand r && r.home != null) {
      return r.home;
    }
    throw new ParameterException(spec.commandLine(),
        "--home is missing: say which churn home holds the registry, e.g. --home churn-home");
  }

  /**
   * Opens the registry of an existing churn home.
   *
   * @param spec the running subcommand
   * @return the registry; close it
   * @throws ChurnException if the home or its registry does not exist
   */
  ModelRegistry open(CommandSpec spec) {
    return openExisting(resolve(spec), null);
  }

  /**
   * Opens the registry of an existing churn home, recording {@code user} as who makes the
   * changes.
   *
   * @param spec the running subcommand
   * @param user the user for the audit log, or null for the {@code user.name} of the JVM
   * @return the registry; close it
   * @throws ChurnException if the home or its registry does not exist
   */
  ModelRegistry open(CommandSpec spec, String user) {
    return openExisting(resolve(spec), user);
  }

  /**
   * Opens the registry of an existing churn home, failing with a message that says what to do
   * when there is none.
   *
   * @param home the churn home
   * @param user the user for the audit log, or null for the {@code user.name} of the JVM
   * @return the registry; close it
   * @throws ChurnException if the home or its registry does not exist
   */
  static ModelRegistry openExisting(Path home, String user) {
    if (!Files.isDirectory(home)) {
      throw new ChurnException("no such directory: " + home + " (check the --home path)");
    }
    Path registry = home.resolve(FileRegistryStore.DIRECTORY);
    if (!Files.isDirectory(registry)) {
      throw new ChurnException("no model registry in " + home + " (there is no " + registry
          + "); check the --home path, or register a model first with 'churn train --csv F"
          + " --label COL --positive V --home " + home + " --model NAME'");
    }
    ModelRegistry.Builder b = ModelRegistry.builder(home);
    if (user != null) {
      b.user(user);
    }
    return b.open();
  }

  /**
   * Converts a {@code --stage} value to a {@link Stage}, case-insensitively ({@code none},
   * {@code Staging}, {@code PRODUCTION}), with a usage error listing the stages otherwise.
   */
  public static final class StageConverter implements ITypeConverter<Stage> {
    /** Creates the converter; picocli calls this. */
    public StageConverter() {}

    @Override
    public Stage convert(String value) {
      try {
        return Stage.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
