package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.examples.bench.DriftBench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code churn bench drift}: reference profile and drift detection on generated tables. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Measure data drift on generated numeric tables (reference and current of the same size,"
          + " a quarter of the columns shifted): building the reference profile and detecting"
          + " drift with default settings, next to one pass summing every value of both tables.",
      ""
    })
public final class BenchDriftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
      description = "Rows of each table (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--columns", paramLabel = "C", defaultValue = "50",
      description = "Numeric columns (default: ${DEFAULT-VALUE}).")
  int columns;

  @Option(names = "--repeats", paramLabel = "K", defaultValue = "3",
      description = "Timed runs after a warm-up; the best is reported (default: ${DEFAULT-VALUE}).")
  int repeats;

  /** Creates the command; picocli fills in its fields. */
  public BenchDriftCommand() {}

  @Override
  public Integer call() {
    if (rows < 1000 || columns < 1 || repeats < 1) {
      throw new ParameterException(spec.commandLine(), "--rows must be at least 1000, --columns"
          + " and --repeats at least 1 (were " + rows + ", " + columns + " and " + repeats + ")");
    }
    PrintWriter err = spec.commandLine().getErr();
    DriftBench.Report r = DriftBench.run(rows, columns, repeats, line -> {
      err.println("  " + line);
      err.flush();
    });
    output.print(spec, new Report(r));
    return 0;
  }

  /** The drift benchmark as a {@link CliReport}. */
  record Report(DriftBench.Report r) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("rows", r.rows());
      o.put("columns", r.columns());
      o.put("cores", r.cores());
      o.put("generate_seconds", r.generateSeconds());
      o.put("baseline_seconds", r.baselineSeconds());
      o.put("profile_seconds", r.profileSeconds());
      o.put("detect_seconds", r.detectSeconds());
      o.put("total_seconds", r.totalSeconds());
      o.put("profile_vs_baseline", r.profileSeconds() / r.baselineSeconds());
      o.put("detect_vs_baseline", r.detectSeconds() / r.baselineSeconds());
      o.put("profile_bytes", r.profileBytes());
      o.put("drifted_columns", r.driftedColumns());
      ObjectNode tests = o.putObject("tests");
      r.tests().forEach(tests::put);
      o.put("load_before", r.loadBefore());
      o.put("load_after", r.loadAfter());
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      r.lines().forEach(out::println);
    }
  }
}
