package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.ChurnException;
import dev.churn.core.io.Csv;
import dev.churn.core.table.Table;
import dev.churn.models.eval.CalibrationMethod;
import dev.churn.models.ChurnModel;
import dev.churn.models.Trainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churn train}: compares the backends, refits the best on all rows with calibrated
 * probabilities and writes the model package.
 *
 * <pre>
 * churn train --csv mlc_churn.csv --label churn --positive yes --out churn.model
 * </pre>
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Train a churn model on a CSV file: cross-validate the backends (or the one given),"
          + " refit the best on all rows, calibrate it on out-of-fold predictions, and write the"
          + " model package (with a .sha256 file beside it).",
      ""
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Mixin TrainingOptions data;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Where to write the model package.")
  Path out;

  @Option(names = "--calibration", paramLabel = "M", defaultValue = "ISOTONIC",
      description = "NONE, ISOTONIC or PLATT, fitted on out-of-fold predictions"
          + " (default: ${DEFAULT-VALUE}).")
  String calibration;

  /** Creates the command; picocli fills in its fields. */
  public TrainCommand() {}

  @Override
  public Integer call() {
    data.checkInput();
    try (BufferAllocator allocator = new RootAllocator();
        Table table = Csv.reader(data.csv).read(allocator)) {
      Trainer t = data.trainer(table, spec.commandLine().getErr());
      switch (calibration.toUpperCase(java.util.Locale.ROOT)) {
        case "NONE" -> t.noCalibration();
        case "ISOTONIC" -> t.calibration(CalibrationMethod.ISOTONIC);
        case "PLATT" -> t.calibration(CalibrationMethod.PLATT);
        default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--calibration was '" + calibration + "' but it must be NONE, ISOTONIC or PLATT");
      }
      Trainer.Result r = t.fit();
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      String sha = r.model().save(out);
      output.print(spec, new Report(out, sha, r, t.lastRunId().orElse(null)));
    } catch (java.io.IOException e) {
      throw new ChurnException("cannot write " + out + ": " + e.getMessage(), e);
    }
    return 0;
  }

  record Report(Path out, String sha256, Trainer.Result r, String runId) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ChurnModel m = r.model();
      ObjectNode o = mapper.createObjectNode();
      o.put("model", out.toString());
      o.put("sha256", sha256);
      if (runId != null) {
        o.put("run_id", runId);
      }
      o.put("backend", m.backend());
      ObjectNode p = o.putObject("params");
      m.params().asMap().forEach((k, v) -> p.put(k, String.valueOf(v)));
      o.put("calibration", m.calibration().map(c -> c.method()).orElse("none"));
      o.put("threshold", m.threshold());
      ObjectNode met = o.putObject("metrics");
      m.metrics().forEach((k, v) -> {
        if (Double.isFinite(v)) {
          met.put(k, v);
        } else {
          met.putNull(k);
        }
      });
      o.set("leaderboard", new EvaluateCommand.Report("", r.leaderboard()).toJson(mapper)
          .get("leaderboard"));
      return o;
    }

    @Override
    public void printText(PrintWriter w) {
      new EvaluateCommand.Report("training data", r.leaderboard()).printText(w);
      ChurnModel m = r.model();
      w.printf("model: %s %s, calibration %s, threshold %.4f%n", m.backend(), m.params(),
          m.calibration().map(c -> c.method()).orElse("none"), m.threshold());
      r.calibration().ifPresent(c -> w.printf("calibration error (ECE) on out-of-fold"
          + " predictions: %.4f before, %.4f after (cross-fitted)%n", c.eceBefore(),
          c.eceAfter()));
      w.printf("written to %s (sha256 %s)%n", out, sha256);
      if (runId != null) {
        w.println("run: " + runId);
      }
    }
  }
}
