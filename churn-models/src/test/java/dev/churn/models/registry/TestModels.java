package dev.churn.models.registry;

import dev.churn.core.table.Table;
import dev.churn.models.Backends;
import dev.churn.models.ChurnModel;
import dev.churn.models.Trainer;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** Trains small real ChurnModels with the test backend, for registry tests that load models. */
final class TestModels implements AutoCloseable {
  static final Backends BACKENDS = Backends.of(new dev.churn.models.TestBackend());

  final BufferAllocator allocator = new RootAllocator();
  final Table table;

  /** 300 customers: churn rises with calls and the "basic" plan. */
  TestModels() {
    SplittableRandom rnd = new SplittableRandom(11);
    int n = 300;
    double[] calls = new double[n];
    String[] plan = new String[n];
    String[] churn = new String[n];
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "c" + i;
      calls[i] = rnd.nextInt(10);
      plan[i] = rnd.nextBoolean() ? "basic" : "premium";
      double z = -3 + 0.6 * calls[i] + (plan[i].equals("basic") ? 1 : 0);
      churn[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? "yes" : "no";
    }
    table = Table.builder(allocator).id("customer", ids).numeric("calls", calls)
        .categorical("plan", plan).categorical("churn", churn).build();
  }

  /** Trains a model; fewer steps give a different (weaker) model. */
  ChurnModel train(int steps) {
    return Trainer.on(table).label("churn", "yes").backendsFrom(BACKENDS)
        .params("test-logistic", Map.of("steps", steps)).folds(3)
        .noCalibration().progress(line -> { }).fit().model();
  }

  /** Trains a model on the calls column only (a different signature). */
  ChurnModel trainCallsOnly() {
    return Trainer.on(table).label("churn", "yes").features(java.util.List.of("calls"))
        .backendsFrom(BACKENDS).folds(3).noCalibration()
        .progress(line -> { }).fit().model();
  }

  @Override
  public void close() {
    table.close();
    allocator.close();
  }
}
