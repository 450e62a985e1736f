package dev.churn.examples.cli;

import dev.churn.core.ChurnException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The error conventions of the {@code churn} tool: one line on stderr that names the command and
 * says what to fix, exit code 2 for usage errors and 1 for failures, stack traces only with
 * {@code --verbose}.
 */
final class CliErrors {
  private CliErrors() {}

  /** Installs the handlers and the execution strategy on a command tree; returns it. */
  static CommandLine install(CommandLine cmd) {
    cmd.setExecutionExceptionHandler(CliErrors::onFailure);
    cmd.setParameterExceptionHandler(CliErrors::onUsageError);
    cmd.setExecutionStrategy(
        parseResult -> {
          if (verbose(parseResult)) {
            // slf4j-simple reads this when the first logger is created, which is after parsing.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    return cmd;
  }

  private static int onUsageError(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int onFailure(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(ex));
    if (verbose(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnExecutionException();
  }

  /**
   * Returns what the user should read: the library's own message, or a sentence about I/O.
   *
   * @return what the user should read: the library's own message, or a sentence about I/O
   */
  static String message(Throwable ex) {
    if (ex instanceof UncheckedIOException u && u.getCause() != null) {
      return u.getMessage() != null ? u.getMessage() : message(u.getCause());
    }
    if (ex instanceof NoSuchFileException e) {
      return "no such file: " + e.getFile();
    }
    if (ex instanceof AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    if (ex instanceof FileNotFoundException e) {
      return "cannot open " + e.getMessage();
    }
    if (ex instanceof IOException e) {
      return "input/output error: " + e.getMessage();
    }
    if (ex instanceof OutOfMemoryError) {
      return "out of memory; give the JVM more heap, e.g. java -Xmx8g -jar churn.jar ...";
    }
    if (ex instanceof ChurnException || ex instanceof IllegalArgumentException) {
      return ex.getMessage();
    }
    return "unexpected " + ex.getClass().getSimpleName()
        + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
        + " (a bug in churn; run again with --verbose and report the stack trace)";
  }

  /**
   * Returns whether {@code --verbose} was given to the command or any of its parents.
   *
   * @return whether {@code --verbose} was given to the command or any of its parents
   */
  static boolean verbose(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
