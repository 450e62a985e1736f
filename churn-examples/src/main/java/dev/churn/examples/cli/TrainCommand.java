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
import dev.churn.models.registry.ModelRegistry;
import dev.churn.models.registry.ModelVersion;
import dev.churn.models.registry.Registration;
import dev.churn.models.registry.RegistryNames;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churn train}: compares the backends, refits the best on all rows with calibrated
 * probabilities, and registers it as a new version of a model in the registry of a churn home
 * (stage NONE, with its run, parameters, metrics and data fingerprint), writes the model
 * package to a file, or both.
 *
 * <pre>
 * churn train --csv mlc_churn.csv --label churn --positive yes --home churn-home --model churn
 * churn train --csv mlc_churn.csv --label churn --positive yes --out churn.model
 * </pre>
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Train a churn model on a CSV file: cross-validate the backends (or the one given),"
          + " refit the best on all rows, calibrate it on out-of-fold predictions, then register"
          + " it as the next version of --model in the registry of --home (stage NONE, with the"
          + " run, parameters, metrics and data fingerprint) and/or write the model package to"
          + " --out (with a .sha256 file beside it).",
      ""
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Mixin TrainingOptions data;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to write the model package (needed unless --model is given).")
  Path out;

  @Option(names = "--model", paramLabel = "NAME",
      description = "Register the model as the next version of NAME in DIR/registry (needs"
          + " --home DIR); the version starts in stage NONE.")
  String model;

  @Option(names = "--calibration", paramLabel = "M", defaultValue = "ISOTONIC",
      description = "NONE, ISOTONIC or PLATT, fitted on out-of-fold predictions"
          + " (default: ${DEFAULT-VALUE}).")
  String calibration;

  /** Creates the command; picocli fills in its fields. */
  public TrainCommand() {}

  @Override
  public Integer call() {
    checkDestination();
    data.checkInput();
    try (BufferAllocator allocator = new RootAllocator();
        Table table = Csv.reader(data.csv).read(allocator)) {
      Trainer t = data.trainer(table, spec.commandLine().getErr());
      switch (calibration.toUpperCase(java.util.Locale.ROOT)) {
        case "NONE" -> t.noCalibration();
        case "ISOTONIC" -> t.calibration(CalibrationMethod.ISOTONIC);
        case "PLATT" -> t.calibration(CalibrationMethod.PLATT);
        default -> throw new ParameterException(spec.commandLine(),
            "--calibration was '" + calibration + "' but it must be NONE, ISOTONIC or PLATT");
      }
      Trainer.Result r = t.fit();
      String runId = t.lastRunId().orElse(null);
      String sha = null;
      if (out != null) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        sha = r.model().save(out);
      }
      ModelVersion version = null;
      if (model != null) {
        try (ModelRegistry registry = ModelRegistry.open(data.home)) {
          Registration reg = registry.register(model, r.model())
              .tag("training_csv", data.csv.toAbsolutePath().normalize().toString())
              .because("churn train --csv " + data.csv.getFileName());
          if (runId != null) {
            reg.fromRun(runId);
          }
          version = reg.create();
        }
        if (sha == null) {
          sha = version.modelPackage().sha256();
        }
      }
      output.print(spec, new Report(out, model, version, sha, r, runId));
    } catch (java.io.IOException e) {
      throw new ChurnException("cannot write " + out + ": " + e.getMessage(), e);
    }
    return 0;
  }

  /** Fails with a usage error before training when the model would have nowhere to go. */
  private void checkDestination() {
    if (out == null && model == null) {
      throw new ParameterException(spec.commandLine(), "say where the model goes: --home DIR"
          + " --model NAME to register it in DIR/registry, or --out FILE for a package file");
    }
    if (model != null) {
      if (data.home == null) {
        throw new ParameterException(spec.commandLine(), "--model needs --home DIR, the churn"
            + " home whose registry (DIR/registry) gets the new version");
      }
      try {
        RegistryNames.check("--model", model);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  /**
   * The outcome of training: where the model went (package file, registered version or both),
   * the chosen model and the leaderboard. {@code model} in JSON is the registered model name,
   * or the package path when the model was only written to a file.
   */
  record Report(Path out, String name, ModelVersion version, String sha256, Trainer.Result r,
      String runId) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ChurnModel m = r.model();
      ObjectNode o = mapper.createObjectNode();
      o.put("model", name != null ? name : out.toString());
      if (version != null) {
        o.put("version", version.number());
        o.put("stage", version.stage().name());
      } else {
        o.putNull("version");
        o.putNull("stage");
      }
      o.put("run_id", runId);
      o.put("package", out == null ? null : out.toString());
      o.put("sha256", sha256);
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
      if (out != null) {
        w.printf("written to %s (sha256 %s)%n", out, sha256);
      }
      if (version != null) {
        w.printf("registered as %s v%d, stage %s (next: churn registry transition --model %s"
            + " --version %d --stage staging)%n", version.model(), version.number(),
            version.stage(), version.model(), version.number());
      }
      if (runId != null) {
        w.println("run: " + runId);
      }
    }
  }
}
