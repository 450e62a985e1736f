package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.examples.bench.FeatureBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code churn bench features}: the default KKBox feature set on simulated data. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Measure feature materialization on simulated KKBox data (two months, user_logs for the"
          + " 30 days before the as-of date): the default feature set end to end from CSV, and"
          + " the listening aggregation from memory next to a one-column scan of the same table.",
      "The simulated files are kept in --dir and reused.",
      ""
    })
public final class BenchFeaturesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--members", paramLabel = "N", defaultValue = "1000000",
      description = "Simulated members (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--repeats", paramLabel = "K", defaultValue = "3",
      description = "Timed from-memory runs after a warm-up (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where the simulated data is kept (default: the temp folder).")
  Path dir;

  /** Creates the command; picocli fills in its fields. */
  public BenchFeaturesCommand() {}

  @Override
  public Integer call() {
    if (members < 100 || repeats < 1) {
      throw new ParameterException(spec.commandLine(),
          "--members must be at least 100 and --repeats at least 1");
    }
    Path where = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "churn-bench");
    PrintWriter err = spec.commandLine().getErr();
    FeatureBench.Report r = FeatureBench.run(where, members, repeats, line -> {
      err.println("  " + line);
      err.flush();
    });
    output.print(spec, new Report(r));
    return 0;
  }

  record Report(FeatureBench.Report r) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("members", r.members());
      o.put("user_log_rows", r.logRows());
      o.put("as_of", r.asOf().toString());
      o.put("cores", r.cores());
      ObjectNode e = o.putObject("end_to_end_seconds");
      r.endToEnd().forEach(e::put);
      o.put("end_to_end_peak_heap_mb", r.endToEndPeakHeapMb());
      ObjectNode m = o.putObject("from_memory");
      m.put("rows", r.memoryRows());
      m.put("best_seconds", r.memoryBestSeconds());
      m.put("median_seconds", r.memoryMedianSeconds());
      m.put("rows_per_second", r.rowsPerSecond());
      m.put("baseline_scan_seconds", r.baselineSeconds());
      m.put("time_vs_baseline", r.memoryBestSeconds() / r.baselineSeconds());
      m.put("peak_heap_mb", r.memoryPeakHeapMb());
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      out.printf("KKBox features: %,d members, %,d user_logs rows in the 30 days before %s,"
          + " %d cores%n", r.members(), r.logRows(), r.asOf(), r.cores());
      TextTable t = new TextTable("end to end from CSV", "seconds").alignRight(1);
      r.endToEnd().forEach((k, v) -> t.row(k, String.format("%.2f", v)));
      t.print(out);
      out.printf("peak heap end to end: %.0f MB%n", r.endToEndPeakHeapMb());
      out.printf("listening from memory: best %.3f s, median %.3f s = %.1fM rows/s"
          + " (one-column scan %.3f s; %.1fx)%n", r.memoryBestSeconds(), r.memoryMedianSeconds(),
          r.rowsPerSecond() / 1e6, r.baselineSeconds(),
          r.memoryBestSeconds() / r.baselineSeconds());
      out.printf("peak heap from memory: %.0f MB%n", r.memoryPeakHeapMb());
    }
  }
}
