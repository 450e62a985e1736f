package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.io.Csv;
import dev.churn.core.table.Table;
import dev.churn.models.Leaderboard;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code churn evaluate}: a cross-validated leaderboard of the model backends on any CSV.
 *
 * <pre>
 * churn evaluate --csv mlc_churn.csv --label churn --positive yes --folds 5 --seed 42
 * </pre>
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Cross-validate every model backend on a CSV file (stratified folds, the same for all"
          + " backends) and print a leaderboard: ROC AUC mean and sd, PR AUC, log loss, F1 at"
          + " the best threshold, training time.",
      "Types are inferred; every column but the label, ids and dates is a feature.",
      ""
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Mixin TrainingOptions data;

  /** Creates the command; picocli fills in its fields. */
  public EvaluateCommand() {}

  @Override
  public Integer call() {
    data.checkInput();
    try (BufferAllocator allocator = new RootAllocator();
        Table table = Csv.reader(data.csv).read(allocator)) {
      Leaderboard lb = data.trainer(table, spec.commandLine().getErr()).compare();
      output.print(spec, new Report(data.csv.toString(), lb));
    }
    return 0;
  }

  /** A leaderboard as a {@link CliReport}; shared with {@code churn train}. */
  record Report(String file, Leaderboard lb) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("file", file);
      o.put("rows", lb.rows());
      o.put("positives", lb.positives());
      o.put("folds", lb.folds());
      ArrayNode entries = o.putArray("leaderboard");
      for (Leaderboard.Entry e : lb.entries()) {
        ObjectNode n = entries.addObject();
        n.put("backend", e.backend());
        ObjectNode p = n.putObject("params");
        e.params().asMap().forEach((k, v) -> p.put(k, String.valueOf(v)));
        put(n, "auc", e.auc());
        put(n, "auc_sd", e.aucSd());
        put(n, "pr_auc", e.prAuc());
        put(n, "logloss", e.logLoss());
        put(n, "brier", e.brier());
        put(n, "f1", e.f1());
        put(n, "train_seconds", e.trainSeconds());
      }
      o.put("best", lb.best().backend());
      return o;
    }

    private static void put(ObjectNode n, String k, double v) {
      if (Double.isFinite(v)) {
        n.put(k, v);
      } else {
        n.putNull(k);
      }
    }

    @Override
    public void printText(PrintWriter out) {
      out.printf("%s: %,d rows, %,d positives, %d-fold cross-validation%n", file, lb.rows(),
          lb.positives(), lb.folds());
      TextTable t = new TextTable("backend", "AUC", "sd", "PR AUC", "log loss", "Brier", "F1",
          "train s", "params").alignRight(1, 2, 3, 4, 5, 6, 7).maxWidth(60);
      for (Leaderboard.Entry e : lb.entries()) {
        t.row(e.backend(), f(e.auc()), f(e.aucSd()), f(e.prAuc()), f(e.logLoss()),
            f(e.brier()), f(e.f1()), String.format("%.1f", e.trainSeconds()),
            e.params().toString());
      }
      t.print(out);
      out.println("best: " + lb.best().backend());
    }

    private static String f(double v) {
      return String.format("%.4f", v);
    }
  }
}
