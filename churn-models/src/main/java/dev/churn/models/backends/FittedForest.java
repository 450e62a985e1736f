package dev.churn.models.backends;

import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.classification.Label;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * A fitted {@code forest} model: the Tribuo ensemble (kept for serialization and provenance; it
 * was trained on binned values), the bin edges, and the trees compiled for scoring raw values.
 */
final class FittedForest implements FittedModel {
  private final List<String> names;
  private final WeightedEnsembleModel<Label> model;
  private final double[][] edges;
  private final ForestTrees trees;
  private final Map<String, Double> importance;

  FittedForest(List<String> names, WeightedEnsembleModel<Label> model, double[][] edges) {
    this.names = List.copyOf(names);
    this.model = model;
    this.edges = edges;
    this.trees = ForestTrees.compile(model.getModels(), this.names, edges);
    double[] counts = trees.splitCounts();
    Map<String, Double> imp = new LinkedHashMap<>();
    for (int c = 0; c < counts.length; c++) {
      imp.put(this.names.get(c), counts[c]);
    }
    this.importance = Collections.unmodifiableMap(imp);
  }

  @Override
  public String backend() {
    return ForestBackend.ID;
  }

  @Override
  public double[] predict(FeatureMatrix x) {
    TribuoData.checkColumns(names, x);
    return trees.probabilities(x.values(), x.rows());
  }

  @Override
  public double predictOne(double[] row) {
    TribuoData.checkRow(names.size(), row);
    return trees.probability(row);
  }

  /** There are no exact contributions for a forest; the trainer uses a model-agnostic method. */
  @Override
  public Optional<double[][]> contributions(FeatureMatrix x) {
    return Optional.empty();
  }

  /** Returns the number of splits on each column over the whole forest. */
  @Override
  public Map<String, Double> nativeImportance() {
    return importance;
  }

  @Override
  public byte[] toBytes() {
    ByteArrayOutputStream bins = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bins)) {
      Bins.write(edges, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ModelBytes.write(ForestBackend.ID, names, model, bins.toByteArray());
  }

  /** Returns the number of trees (for tests). */
  int trees() {
    return trees.trees();
  }

  /** Returns the bin edges of every column (for tests). */
  double[][] edges() {
    return edges;
  }

  /** Returns the Tribuo model (for tests); it was trained on binned values. */
  WeightedEnsembleModel<Label> tribuoModel() {
    return model;
  }

  @Override
  public String toString() {
    return "forest model (" + trees.trees() + " trees, " + names.size() + " columns)";
  }
}
