package dev.churn.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churn registry}: inspects and moves the registered versions of the models in a churn
 * home ({@code DIR/registry}), through its subcommands {@code list}, {@code show}, {@code
 * transition}, {@code alias} and {@code history}.
 *
 * <pre>
 * churn registry list --home churn-home --model churn
 * churn registry transition --home churn-home --model churn --version 2 --stage production
 * churn registry --home churn-home history --model churn --json
 * </pre>
 *
 * <p>{@code --home} may be given to {@code registry} itself or to the subcommand.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Inspect and move registered model versions: list, show, transition (behind the default"
          + " gates), alias, history. Versions are registered by 'churn train ... --home DIR"
          + " --model NAME'.",
      ""
    },
    subcommands = {
      RegistryListCommand.class,
      RegistryShowCommand.class,
      RegistryTransitionCommand.class,
      RegistryAliasCommand.class,
      RegistryHistoryCommand.class,
    })
public final class RegistryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--home", paramLabel = "DIR",
      description = "The churn home whose registry (DIR/registry) to use; may also be given"
          + " after the subcommand.")
  Path home;

  /** Creates the command; picocli fills in its fields. */
  public RegistryCommand() {}

  /** With no subcommand, {@code churn registry} is a usage error that lists the subcommands. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "say what to do: one of " + spec.subcommands().keySet()
            + ", e.g. 'churn registry list --home churn-home'");
  }
}
