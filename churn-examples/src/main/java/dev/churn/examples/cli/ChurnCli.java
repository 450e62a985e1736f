package dev.churn.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code churn} command-line tool: the top command, under which every task is a subcommand
 * ({@code churn profile}, {@code evaluate}, {@code train}, {@code registry}, {@code score}, ...).
 *
 * <pre>
 * java -jar churn-examples/target/churn.jar profile --csv customers.csv --html profile.html
 * java -jar churn-examples/target/churn.jar profile --csv customers.csv --json
 * </pre>
 *
 * <p>Every command prints a readable table by default and exactly one JSON document on stdout
 * with {@code --json} (see {@link OutputOptions}). Errors print one line on stderr, {@code churn
 * <command>: <what is wrong and what to do>}, and exit with 2 for usage errors (an unknown
 * option, a missing argument) or 1 for failures (a missing file, bad data); {@code --verbose}
 * adds the stack trace and debug logging.
 *
 * <p>To add a command, write a {@code @Command} class (see {@link ProfileCommand}) and list it in
 * {@code subcommands} below. Run the tool in-process, as the tests do, through {@link
 * #commandLine()}, which installs the error handling:
 *
 * <pre>{@code
 * int exit = ChurnCli.commandLine().setOut(out).setErr(err).execute("profile", "--csv", "x.csv");
 * }</pre>
 */
@Command(
    name = "churn",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Churn models in-process: profile data, build features, evaluate and train models, keep"
          + " them in a registry, score customers, check data drift, measure speed.",
      "Every command prints a table, or one JSON document with --json. Exit codes: 0 ok,"
          + " 1 failure, 2 usage error.",
      ""
    },
    subcommands = {
      ProfileCommand.class,
      FeaturesCommand.class,
      EvaluateCommand.class,
      TrainCommand.class,
      ScoreCommand.class,
      RegistryCommand.class,
      DriftCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class ChurnCli implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = {"--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors and debug logs on stderr.")
  boolean verbose;

  /** Creates the top command; picocli fills in its fields. */
  public ChurnCli() {}

  /**
   * Runs the tool and exits the JVM with the command's exit code: 0 on success, 1 on a failure,
   * 2 on a usage error.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    routeLibraryLogging();
    System.exit(commandLine().execute(args));
  }

  /**
   * Sends Tribuo's and XGBoost's logs (java.util.logging, commons-logging) through SLF4J, so
   * they obey the CLI's log level instead of printing on stderr.
   */
  static void routeLibraryLogging() {
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
  }

  /**
   * Returns the command tree with churn's error handling and output conventions installed; use
   * it to run the tool in-process.
   *
   * @return a new command line for {@code churn}
   */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new ChurnCli());
    return CliErrors.install(cmd);
  }

  /** With no subcommand, {@code churn} is a usage error that lists the commands. */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "a command is missing; one of " + spec.subcommands().keySet()
            + ", e.g. 'churn profile --csv data.csv'");
  }

  /** Reports the version of the churn library and of the Java runtime. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ChurnCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "churn " + (v == null ? "(development build)" : v),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")",
      };
    }
  }
}
