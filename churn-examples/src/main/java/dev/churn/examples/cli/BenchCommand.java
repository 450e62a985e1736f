package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.examples.bench.CsvBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churn bench}: speed benchmarks that report figures next to a baseline measured in the
 * same run, so results from a shared, noisy machine can be compared as ratios.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = "Measure speed: CSV ingest (csv), feature materialization (features), models"
        + " (models), data drift (drift).",
    subcommands = {BenchCommand.Csv.class, BenchFeaturesCommand.class, BenchModelsCommand.class,
        BenchDriftCommand.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Creates the command; picocli fills in its fields. */
  public BenchCommand() {}

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "say what to measure: one of " + spec.subcommands().keySet());
  }

  /** {@code churn bench csv}: CSV ingest in rows/s and MB/s, one thread and all cores. */
  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      versionProvider = ChurnCli.Version.class,
      description = {
        "Measure CSV ingest on a generated file (6 numeric and 4 string columns):"
            + " streaming batches and reading one table, on 1 thread and on all cores, next to"
            + " reading the file's bytes without parsing.",
        ""
      })
  public static final class Csv implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5000000",
        description = "Data rows in the generated file (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--repeats", paramLabel = "K", defaultValue = "3",
        description = "Timed runs per configuration after one warm-up (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--dir", paramLabel = "DIR",
        description = "Where the generated file is kept and reused (default: the temp folder).")
    Path dir;

    /** Creates the command; picocli fills in its fields. */
    public Csv() {}

    @Override
    public Integer call() {
      if (rows < 1 || repeats < 1) {
        throw new ParameterException(spec.commandLine(),
            "--rows and --repeats must be at least 1 (were " + rows + " and " + repeats + ")");
      }
      Path where = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "churn-bench");
      PrintWriter err = spec.commandLine().getErr();
      CsvBench.Report r = CsvBench.run(where, rows, repeats, line -> {
        err.println("  " + line);
        err.flush();
      });
      output.print(spec, new Report(r));
      return 0;
    }
  }

  /** The CSV benchmark as a {@link CliReport}. */
  record Report(CsvBench.Report r) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("file", r.file().toString());
      o.put("rows", r.rows());
      o.put("bytes", r.bytes());
      o.put("cores", r.cores());
      ArrayNode results = o.putArray("results");
      CsvBench.Result base = r.results().get(0);
      for (CsvBench.Result x : r.results()) {
        results.addObject()
            .put("name", x.name())
            .put("threads", x.threads())
            .put("best_seconds", x.bestSeconds())
            .put("median_seconds", x.medianSeconds())
            .put("rows_per_second", x.rowsPerSecond())
            .put("mb_per_second", x.megabytesPerSecond())
            .put("time_vs_baseline", x.bestSeconds() / base.bestSeconds());
      }
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      out.printf("CSV ingest: %,d rows, %.1f MB, %d cores (%s)%n", r.rows(), r.bytes() / 1e6,
          r.cores(), r.file());
      TextTable t = new TextTable("configuration", "best s", "median s", "M rows/s", "MB/s",
          "x baseline time").alignRight(1, 2, 3, 4, 5);
      CsvBench.Result base = r.results().get(0);
      for (CsvBench.Result x : r.results()) {
        t.row(x.name(), String.format("%.3f", x.bestSeconds()),
            String.format("%.3f", x.medianSeconds()),
            String.format("%.2f", x.rowsPerSecond() / 1e6),
            String.format("%.0f", x.megabytesPerSecond()),
            String.format("%.1f", x.bestSeconds() / base.bestSeconds()));
      }
      t.print(out);
    }
  }
}
