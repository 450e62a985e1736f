package dev.churn.models.backends;

import dev.churn.models.spi.FeatureMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Quantile bins of the columns of a matrix, so that tree learners see at most a few hundred
 * distinct values per column: Tribuo's CART partitions one list per distinct value at every node,
 * and its cost grows with the number of distinct values.
 *
 * <p>Each column gets increasing edges, each one a value seen in training; a value belongs to the
 * first bin whose edge is {@code >=} it (values above the last edge to the last bin) and is
 * replaced by that edge. A column with few distinct values keeps them all (no loss). Because the
 * replacement value is the bin's own upper edge, a tree split {@code binned > s} on binned values
 * is the same as {@code raw > t} on raw values for {@code t} from {@link #rawThreshold}, so
 * fitted trees are scored on raw values with no binning step.
 */
final class Bins {
  /** The most bins per column. */
  static final int MAX_BINS = 255;

  private Bins() {}

  /** Returns the edges of every column (NaN must have been imputed). */
  static double[][] edges(FeatureMatrix x, int maxBins) {
    double[][] out = new double[x.columns()][];
    for (int c = 0; c < out.length; c++) {
      double[] v = x.column(c);
      Arrays.sort(v);
      int distinct = 0;
      for (int i = 0; i < v.length; i++) {
        if (i == 0 || v[i] != v[i - 1]) {
          distinct++;
        }
      }
      double[] e;
      if (distinct <= maxBins) {
        e = new double[distinct];
        for (int i = 0, k = 0; i < v.length; i++) {
          if (i == 0 || v[i] != v[i - 1]) {
            e[k++] = v[i] + 0.0; // folds -0.0 into 0.0, which compares equal to it
          }
        }
      } else {
        double[] q = new double[maxBins];
        int k = 0;
        for (int b = 1; b <= maxBins; b++) {
          double edge = v[(int) Math.min(v.length - 1,
              ((long) b * v.length + maxBins - 1) / maxBins - 1)] + 0.0;
          if (k == 0 || edge > q[k - 1]) {
            q[k++] = edge;
          }
        }
        e = Arrays.copyOf(q, k);
      }
      out[c] = e;
    }
    return out;
  }

  /** Returns a copy of the matrix with every value replaced by its bin's edge. */
  static FeatureMatrix apply(FeatureMatrix x, double[][] edges) {
    int c = x.columns();
    double[] v = x.values();
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double[] e = edges[i % c];
      int b = Arrays.binarySearch(e, v[i] + 0.0);
      if (b < 0) {
        b = Math.min(-b - 1, e.length - 1);
      }
      out[i] = e[b];
    }
    return FeatureMatrix.of(x.names(), x.rows(), out);
  }

  /**
   * Returns the raw-value threshold equivalent to a split {@code binned > split}: the largest edge
   * {@code <= split}, or -infinity when every edge is above the split (always true) and +infinity
   * when the last edge is not (never true).
   */
  static double rawThreshold(double[] edges, double split) {
    int lo = 0;
    int hi = edges.length - 1;
    int k = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= split) {
        k = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (k < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return k == edges.length - 1 ? Double.POSITIVE_INFINITY : edges[k];
  }

  /** Writes edges. */
  static void write(double[][] edges, DataOutputStream out) throws IOException {
    out.writeInt(edges.length);
    for (double[] e : edges) {
      out.writeInt(e.length);
      for (double d : e) {
        out.writeDouble(d);
      }
    }
  }

  /** Reads edges written by {@link #write}. */
  static double[][] read(DataInputStream in, int columns) throws IOException {
    int n = in.readInt();
    if (n != columns) {
      throw new IOException("expected bins for " + columns + " columns but found " + n);
    }
    double[][] edges = new double[n][];
    for (int c = 0; c < n; c++) {
      int k = in.readInt();
      if (k < 1 || k > 1_000_000) {
        throw new IOException("column " + c + " has " + k + " bins");
      }
      edges[c] = new double[k];
      for (int i = 0; i < k; i++) {
        edges[c][i] = in.readDouble();
      }
    }
    return edges;
  }
}
