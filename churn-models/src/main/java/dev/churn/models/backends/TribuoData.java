package dev.churn.models.backends;

import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.ModelBackend.TrainingData;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Conversions between churn's {@link FeatureMatrix} and Tribuo's examples, datasets and domains.
 *
 * <p>Labels are always {@code "1"} (positive, {@code y == true}) and {@code "0"} (negative). Tribuo
 * numbers features by sorting their names, not by column order, so every conversion goes through
 * {@link #featureIds}, which maps a column to its Tribuo feature id.
 */
final class TribuoData {
  private static final Logger log = LoggerFactory.getLogger(TribuoData.class);
  /** The Tribuo label of the positive class ({@code TrainingData.y[i] == true}). */
  static final String POSITIVE = "1";
  /** The Tribuo label of the negative class. */
  static final String NEGATIVE = "0";
  static final LabelFactory LABELS = new LabelFactory();
  static final Label POSITIVE_LABEL = new Label(POSITIVE);
  static final Label NEGATIVE_LABEL = new Label(NEGATIVE);

  private TribuoData() {}

  /** Checks that the column names are usable as Tribuo feature names: non-blank and unique. */
  static void checkNames(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("the feature matrix has no columns; a model needs at least one");
    }
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("column names must be non-blank but got " + names);
      }
      if (!seen.add(n)) {
        throw new IllegalArgumentException("column name '" + n + "' appears twice; names must be unique");
      }
    }
  }

  /** Checks the training data common to all backends: rows, both classes, weights. */
  static void checkTrainingData(TrainingData data) {
    checkNames(data.x().names());
    if (data.x().rows() == 0) {
      throw new IllegalArgumentException("the training data has no rows");
    }
    int positives = 0;
    for (boolean b : data.y()) {
      positives += b ? 1 : 0;
    }
    if (positives == 0 || positives == data.y().length) {
      throw new IllegalArgumentException("the training data needs both classes but has " + positives
          + " positive rows out of " + data.y().length);
    }
    double[] w = data.weights();
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException("weights[" + i + "] was " + w[i]
            + " but it must be finite and >= 0");
      }
    }
  }

  /** Throws when a matrix holds a NaN, naming the row and column (for backends without missing-value support). */
  static void requireNoMissing(FeatureMatrix x, String backend) {
    double[] v = x.values();
    int c = x.columns();
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        throw new IllegalArgumentException("the " + backend + " backend does not handle missing values but row "
            + (i / c) + ", column '" + x.names().get(i % c) + "' is NaN; impute the inputs first");
      }
    }
  }

  /** Checks that a matrix has the columns a model was trained on. */
  static void checkColumns(List<String> trained, FeatureMatrix x) {
    if (!trained.equals(x.names())) {
      throw new IllegalArgumentException("the model was trained on columns " + trained
          + " but the matrix has " + x.names());
    }
  }

  /** Checks the length of a single row. */
  static void checkRow(int columns, double[] row) {
    if (row.length != columns) {
      throw new IllegalArgumentException("the model takes " + columns + " values per row but got "
          + row.length);
    }
  }

  /**
   * Returns, for every column, its Tribuo feature id: the rank of its name in sorted order, which is
   * how {@link ImmutableFeatureMap} numbers features.
   */
  static int[] sortedIds(List<String> names) {
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
    int[] ids = new int[names.size()];
    for (int rank = 0; rank < order.length; rank++) {
      ids[order[rank]] = rank;
    }
    return ids;
  }

  /** Returns, for every column, its id in a Tribuo feature map, or -1 when the map lacks it. */
  static int[] featureIds(ImmutableFeatureMap map, List<String> names) {
    int[] ids = new int[names.size()];
    for (int c = 0; c < ids.length; c++) {
      ids[c] = map.getID(names.get(c));
    }
    return ids;
  }

  /** Returns the column of every Tribuo feature id (-1 for features that are not columns). */
  static int[] columnsById(ImmutableFeatureMap map, List<String> names) {
    int[] cols = new int[map.size()];
    Arrays.fill(cols, -1);
    for (int c = 0; c < names.size(); c++) {
      int id = map.getID(names.get(c));
      if (id >= 0) {
        cols[id] = c;
      }
    }
    return cols;
  }

  /**
   * Builds a Tribuo feature map with one real-valued feature per column, summarising the non-missing
   * values of each column (count, min, max, mean, sum of squared deviations) in one pass.
   */
  static ImmutableFeatureMap featureMap(FeatureMatrix x) {
    int c = x.columns();
    double[] v = x.values();
    int[] count = new int[c];
    double[] min = new double[c];
    double[] max = new double[c];
    double[] mean = new double[c];
    double[] m2 = new double[c];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int r = 0, base = 0; r < x.rows(); r++, base += c) {
      for (int j = 0; j < c; j++) {
        double d = v[base + j];
        if (d == d) {
          int n = ++count[j];
          double delta = d - mean[j];
          mean[j] += delta / n;
          m2[j] += delta * (d - mean[j]);
          if (d < min[j]) {
            min[j] = d;
          }
          if (d > max[j]) {
            max[j] = d;
          }
        }
      }
    }
    List<VariableInfo> infos = new ArrayList<>(c);
    for (int j = 0; j < c; j++) {
      infos.add(count[j] == 0
          ? new RealInfo(x.names().get(j))
          : new RealInfo(x.names().get(j), count[j], max[j], min[j], mean[j], m2[j]));
    }
    return new ImmutableFeatureMap(infos);
  }

  /** Returns the two-label output domain with fixed ids: "0" is 0, "1" is 1. */
  static ImmutableOutputInfo<Label> outputInfo() {
    return LABELS.constructInfoForExternalModel(Map.of(NEGATIVE_LABEL, 0, POSITIVE_LABEL, 1));
  }

  /** Returns the data-source provenance recorded in Tribuo models trained from a matrix. */
  static SimpleDataSourceProvenance sourceProvenance(FeatureMatrix x) {
    return new SimpleDataSourceProvenance("churn FeatureMatrix " + x.rows() + " x " + x.columns(),
        OffsetDateTime.now(ZoneOffset.UTC), LABELS);
  }

  /**
   * Converts a matrix into a Tribuo dataset of {@link ArrayExample}s: feature names are created once,
   * NaN values are left out (Tribuo has no missing value; an absent feature is what Tribuo's tree and
   * xgboost code treat as missing), real zeros are kept, and each example carries its row weight.
   * Rows whose weight is 0 are left out; rows with no value at all are left out too (with a
   * warning), since Tribuo rejects empty examples.
   */
  static MutableDataset<Label> dataset(TrainingData data) {
    FeatureMatrix x = data.x();
    int c = x.columns();
    // Tribuo sorts each example's features by name; handing them over already sorted makes that
    // sort a linear scan.
    int[] ids = sortedIds(x.names());
    int[] columnOfRank = new int[c];
    for (int j = 0; j < c; j++) {
      columnOfRank[ids[j]] = j;
    }
    String[] sortedNames = new String[c];
    for (int rank = 0; rank < c; rank++) {
      sortedNames[rank] = x.names().get(columnOfRank[rank]);
    }
    double[] v = x.values();
    List<Example<Label>> examples = new ArrayList<>(x.rows());
    int empty = 0;
    String[] nameBuf = new String[c];
    double[] valueBuf = new double[c];
    for (int r = 0, base = 0; r < x.rows(); r++, base += c) {
      if (data.weights()[r] == 0) {
        continue;
      }
      int k = 0;
      for (int rank = 0; rank < c; rank++) {
        double d = v[base + columnOfRank[rank]];
        if (d == d) {
          nameBuf[k] = sortedNames[rank];
          valueBuf[k++] = d;
        }
      }
      if (k == 0) {
        empty++;
        continue;
      }
      ArrayExample<Label> e = new ArrayExample<>(data.y()[r] ? POSITIVE_LABEL : NEGATIVE_LABEL,
          k == c ? nameBuf : Arrays.copyOf(nameBuf, k), k == c ? valueBuf : Arrays.copyOf(valueBuf, k));
      e.setWeight((float) data.weights()[r]);
      examples.add(e);
    }
    if (empty > 0) {
      log.warn("{} of {} training rows have no value at all (every column NaN) and were left out",
          empty, x.rows());
    }
    return new MutableDataset<>(examples, sourceProvenance(x), LABELS);
  }
}
