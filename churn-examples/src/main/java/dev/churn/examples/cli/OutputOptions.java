package dev.churn.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The output options every command shares ({@code --json}) and the one place that prints a
 * command's {@link CliReport}: text by default, exactly one JSON document with {@code --json}.
 *
 * <pre>{@code
 * @Command(name = "evaluate")
 * final class EvaluateCommand implements Callable<Integer> {
 *   @Spec CommandSpec spec;
 *   @Mixin OutputOptions output;
 *
 *   public Integer call() {
 *     CliReport report = ...;
 *     output.print(spec, report);
 *     return 0;
 *   }
 * }
 * }</pre>
 */
public final class OutputOptions {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(
      names = "--json",
      description = "Print one JSON document on stdout instead of the readable table.")
  boolean json;

  /** Creates the options; picocli fills in the fields. */
  public OutputOptions() {}

  /**
   * Returns whether {@code --json} was given.
   *
   * @return whether {@code --json} was given
   */
  public boolean json() {
    return json;
  }

  /**
   * Prints a report on the command's standard output, in the chosen format.
   *
   * @param spec the running command, whose output stream is used
   * @param report what to print
   */
  public void print(CommandSpec spec, CliReport report) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      try {
        out.println(MAPPER.writeValueAsString(report.toJson(MAPPER)));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("could not write JSON: " + e.getMessage(), e);
      }
    } else {
      report.printText(out);
    }
    out.flush();
  }
}
