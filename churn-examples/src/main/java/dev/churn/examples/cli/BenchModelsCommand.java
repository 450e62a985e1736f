package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.examples.bench.ModelBench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code churn bench models}: xgboost training overhead, batch and single-row scoring. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Measure the xgboost backend on generated data: training time next to xgboost4j called"
          + " directly on the same data in the same run (overhead ratio), batch scoring rows/s"
          + " and single-row scoring latency p50/p99.",
      ""
    })
public final class BenchModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
      description = "Rows (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--features", paramLabel = "F", defaultValue = "40",
      description = "Features (default: ${DEFAULT-VALUE}).")
  int features;

  @Option(names = "--trees", paramLabel = "T", defaultValue = "300",
      description = "Trees (default: ${DEFAULT-VALUE}).")
  int trees;

  /** Creates the command; picocli fills in its fields. */
  public BenchModelsCommand() {}

  @Override
  public Integer call() {
    if (rows < 1000 || features < 1 || trees < 1) {
      throw new ParameterException(spec.commandLine(),
          "--rows must be at least 1000, --features and --trees at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    ModelBench.Report r = ModelBench.run(rows, features, trees, line -> {
      err.println("  " + line);
      err.flush();
    });
    output.print(spec, new Report(r));
    return 0;
  }

  record Report(ModelBench.Report r) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      com.fasterxml.jackson.databind.node.ObjectNode o = mapper.valueToTree(r);
      o.put("overhead_ratio", r.overheadRatio());
      o.put("batch_rows_per_second", r.batchRowsPerSecond());
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      r.lines().forEach(out::println);
    }
  }
}
