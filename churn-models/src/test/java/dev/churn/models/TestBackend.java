package dev.churn.models;

import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.ParamSpec;
import dev.churn.models.spi.Params;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small logistic regression fitted by gradient descent: enough to test the trainer's plumbing
 * without the real backends.
 */
public final class TestBackend implements ModelBackend {
  @Override
  public String id() {
    return "test-logistic";
  }

  @Override
  public String description() {
    return "gradient-descent logistic regression for tests";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(ParamSpec.integer("steps", 300, 10, 5000, "gradient steps"),
        ParamSpec.real("rate", 0.5, 0.01, 2, true, "learning rate"));
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, true, true, false);
  }

  @Override
  public FittedModel fit(TrainingData d, Params p) {
    FeatureMatrix x = d.x();
    int c = x.columns();
    double[] w = new double[c + 1];
    double total = 0;
    for (double v : d.weights()) {
      total += v;
    }
    for (int s = 0; s < p.getInt("steps"); s++) {
      double[] g = new double[c + 1];
      for (int r = 0; r < x.rows(); r++) {
        double z = w[c];
        for (int j = 0; j < c; j++) {
          z += w[j] * x.get(r, j);
        }
        double err = (1 / (1 + Math.exp(-z)) - (d.y()[r] ? 1 : 0)) * d.weights()[r];
        for (int j = 0; j < c; j++) {
          g[j] += err * x.get(r, j);
        }
        g[c] += err;
      }
      for (int j = 0; j <= c; j++) {
        w[j] -= p.getDouble("rate") * g[j] / total;
      }
    }
    return new Model(w);
  }

  @Override
  public FittedModel read(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    double[] w = new double[bytes.length / 8];
    for (int i = 0; i < w.length; i++) {
      w[i] = b.getDouble();
    }
    return new Model(w);
  }

  private record Model(double[] w) implements FittedModel {
    @Override
    public String backend() {
      return "test-logistic";
    }

    @Override
    public double[] predict(FeatureMatrix x) {
      double[] out = new double[x.rows()];
      for (int r = 0; r < x.rows(); r++) {
        out[r] = predictOne(x.row(r));
      }
      return out;
    }

    @Override
    public double predictOne(double[] row) {
      double z = w[w.length - 1];
      for (int j = 0; j < row.length; j++) {
        z += w[j] * row[j];
      }
      return 1 / (1 + Math.exp(-z));
    }

    @Override
    public Optional<double[][]> contributions(FeatureMatrix x) {
      double[][] out = new double[x.rows()][x.columns() + 1];
      for (int r = 0; r < x.rows(); r++) {
        for (int j = 0; j < x.columns(); j++) {
          out[r][j] = w[j] * x.get(r, j);
        }
        out[r][x.columns()] = w[w.length - 1];
      }
      return Optional.of(out);
    }

    @Override
    public Map<String, Double> nativeImportance() {
      return Map.of();
    }

    @Override
    public byte[] toBytes() {
      ByteBuffer b = ByteBuffer.allocate(w.length * 8);
      for (double v : w) {
        b.putDouble(v);
      }
      return b.array();
    }
  }
}
