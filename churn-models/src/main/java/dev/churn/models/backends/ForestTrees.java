package dev.churn.models.backends;

import dev.churn.core.ChurnException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;

/**
 * A Tribuo ensemble of CART trees compiled into flat arrays. Each tree goes right when
 * {@code value > threshold} (Tribuo's rule, with the threshold mapped from binned to raw values by
 * {@link Bins#rawThreshold}) and contributes its leaf's P(positive); the forest's
 * probability is the mean over trees, which is what Tribuo's {@code FullyWeightedVotingCombiner}
 * computes for equally weighted members.
 *
 * <p>Immutable and safe for concurrent use.
 */
final class ForestTrees {
  private static final int BLOCK = 4096;

  private final int columns;
  private final int[] roots;
  private final int[] column;
  private final double[] value;
  private final int[] left;
  private final int[] right;
  private final double[] splitCounts;

  private ForestTrees(int columns, int[] roots, int[] column, double[] value, int[] left,
      int[] right, double[] splitCounts) {
    this.columns = columns;
    this.roots = roots;
    this.column = column;
    this.value = value;
    this.left = left;
    this.right = right;
    this.splitCounts = splitCounts;
  }

  /**
   * Compiles the members of a Tribuo ensemble (all of them {@link TreeModel}s of labels) that was
   * trained on binned values, turning each split into the equivalent raw-value threshold.
   */
  static ForestTrees compile(List<Model<Label>> members, List<String> names, double[][] edges) {
    int[] roots = new int[members.size()];
    List<Integer> columnList = new ArrayList<>();
    List<Double> valueList = new ArrayList<>();
    List<Integer> leftList = new ArrayList<>();
    List<Integer> rightList = new ArrayList<>();
    double[] splits = new double[names.size()];
    for (int t = 0; t < roots.length; t++) {
      if (!(members.get(t) instanceof TreeModel<Label> tree)) {
        throw new ChurnException("forest member " + t + " is a " + members.get(t).getClass().getName()
            + ", not a Tribuo TreeModel");
      }
      int[] columnOfId = TribuoData.columnsById(tree.getFeatureIDMap(), names);
      ImmutableFeatureMap featureMap = tree.getFeatureIDMap();
      roots[t] = columnList.size();
      // Breadth-first: a node's index is fixed when it is queued, its children when it is emitted.
      Deque<Node<Label>> queue = new ArrayDeque<>();
      queue.add(tree.getRoot());
      int next = roots[t] + 1;
      while (!queue.isEmpty()) {
        Node<Label> n = queue.poll();
        if (n instanceof SplitNode<Label> s) {
          int id = s.getFeatureID();
          int c = id >= 0 && id < columnOfId.length ? columnOfId[id] : -1;
          if (c < 0) {
            throw new ChurnException("a forest tree splits on feature "
                + (id >= 0 && id < featureMap.size() ? featureMap.get(id).getName() : "#" + id)
                + ", which is not one of the model's columns");
          }
          splits[c]++;
          columnList.add(c);
          valueList.add(Bins.rawThreshold(edges[c], s.splitValue()));
          leftList.add(next++);
          rightList.add(next++);
          queue.add(s.getLessThanOrEqual());
          queue.add(s.getGreaterThan());
        } else if (n instanceof LeafNode<Label> leaf) {
          columnList.add(-1);
          valueList.add(positiveProbability(leaf.getDistribution()));
          leftList.add(-1);
          rightList.add(-1);
        } else {
          throw new ChurnException("unknown tree node type " + n.getClass().getName());
        }
      }
    }
    return new ForestTrees(names.size(), roots,
        columnList.stream().mapToInt(Integer::intValue).toArray(),
        valueList.stream().mapToDouble(Double::doubleValue).toArray(),
        leftList.stream().mapToInt(Integer::intValue).toArray(),
        rightList.stream().mapToInt(Integer::intValue).toArray(), splits);
  }

  private static double positiveProbability(Map<String, Label> distribution) {
    double total = 0;
    for (Label l : distribution.values()) {
      total += l.getScore();
    }
    Label pos = distribution.get(TribuoData.POSITIVE);
    return pos == null || total <= 0 ? 0.0 : pos.getScore() / total;
  }

  /** Returns the number of trees. */
  int trees() {
    return roots.length;
  }

  /** Returns how many splits of the whole forest use each column. */
  double[] splitCounts() {
    return splitCounts.clone();
  }

  private double probability(double[] x, int offset) {
    double sum = 0;
    final int[] column = this.column;
    final double[] value = this.value;
    for (int root : roots) {
      int n = root;
      int c;
      while ((c = column[n]) >= 0) {
        n = x[offset + c] > value[n] ? right[n] : left[n];
      }
      sum += value[n];
    }
    return sum / roots.length;
  }

  /** Returns P(positive) for one row. */
  double probability(double[] row) {
    return probability(row, 0);
  }

  /** Returns P(positive) for every row of a row-major matrix, in parallel for large batches. */
  double[] probabilities(double[] values, int rows) {
    double[] out = new double[rows];
    if (rows <= BLOCK) {
      for (int r = 0; r < rows; r++) {
        out[r] = probability(values, r * columns);
      }
    } else {
      int blocks = (rows + BLOCK - 1) / BLOCK;
      IntStream.range(0, blocks).parallel().forEach(b -> {
        int to = Math.min(rows, (b + 1) * BLOCK);
        for (int r = b * BLOCK; r < to; r++) {
          out[r] = probability(values, r * columns);
        }
      });
    }
    return out;
  }
}
