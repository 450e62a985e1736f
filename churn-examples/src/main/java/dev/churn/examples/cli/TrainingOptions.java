package dev.churn.examples.cli;

import dev.churn.core.ChurnException;
import dev.churn.core.table.Table;
import dev.churn.models.Trainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options {@code churn evaluate} and {@code churn train} share: the data, the label, and
 * how candidates are compared.
 */
public final class TrainingOptions {
  @Option(names = "--csv", required = true, paramLabel = "FILE",
      description = "The CSV file (types inferred; every column but the label, ids and dates is"
          + " a feature).")
  Path csv;

  @Option(names = "--label", required = true, paramLabel = "COL",
      description = "The label column.")
  String label;

  @Option(names = "--positive", required = true, paramLabel = "V",
      description = "The label value that means churn (the positive class).")
  String positive;

  @Option(names = {"--backends", "--backend"}, paramLabel = "IDS", split = ",",
      description = "Backends to compare, comma-separated (default: all).")
  List<String> backends;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
      description = "Stratified cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of folds, search and backends (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--search", paramLabel = "N", defaultValue = "0",
      description = "Random parameter draws per backend besides the defaults"
          + " (default: ${DEFAULT-VALUE}).")
  int search;

  @Option(names = "--home", paramLabel = "DIR",
      description = "The churn home: record the comparison or fit as an experiment run in"
          + " DIR/runs (and, for train with --model, register the model in DIR/registry).")
  Path home;

  /** Creates the options; picocli fills in the fields. */
  public TrainingOptions() {}

  /** Fails with a message naming the path when the CSV file does not exist. */
  void checkInput() {
    if (!Files.isRegularFile(csv)) {
      throw new ChurnException("no such file: " + csv + " (check the --csv path)");
    }
  }

  /** Returns a trainer configured from the options, printing progress on {@code err}. */
  Trainer trainer(Table table, PrintWriter err) {
    Trainer t = Trainer.on(table).label(label, positive).folds(folds).seed(seed).search(search)
        .progress(line -> {
          err.println("  " + line);
          err.flush();
        });
    if (backends != null) {
      t.backends(backends.toArray(new String[0]));
    }
    if (home != null) {
      t.runs(dev.churn.models.runs.RunStore.open(home));
    }
    return t;
  }
}
