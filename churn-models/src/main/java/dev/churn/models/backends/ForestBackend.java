package dev.churn.models.backends;

import com.google.auto.service.AutoService;
import dev.churn.core.ChurnException;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.ParamSpec;
import dev.churn.models.spi.Params;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.dataset.DatasetView;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * The {@code forest} backend: a random forest (or, with {@code splits=random}, extra trees) of
 * Tribuo CART trees, each grown on a bootstrap sample with a random subset of columns considered at
 * every split; the probability is the mean of the trees' leaf probabilities (Tribuo's fully
 * weighted voting).
 *
 * <p>Tribuo's CART partitions one list per distinct value of every column at every node, so its
 * cost grows with distinct values; each column is therefore cut into at most 255 quantile bins
 * before training (columns with fewer distinct values are kept as
 * they are), and the trees' thresholds are mapped back to raw values, so scoring needs no binning.
 * Training is still slow next to histogram-based forests: on one core, about 0.4 s per tree on
 * 10,000 rows of 40 columns and 2 s per tree on 100,000 rows (depth 12), so 300 trees on a
 * million rows take about an hour on two cores. Prefer {@code xgboost} on large data.
 *
 * <p>It expects imputed inputs (no missing values). Trees are grown in parallel on {@link
 * TrainingData#threads()} threads; each tree has its own seed drawn from {@link
 * TrainingData#seed()}, so the forest is the same whatever the thread count. Row weights weight the
 * Gini impurity and the leaf distributions. There are no exact contributions (the trainer uses a
 * model-agnostic method); native importance is the number of splits on each column over the whole
 * forest, a rough, cheap measure (it favours columns with many distinct values).
 *
 * <p>Parameters: {@code trees}, {@code max_depth}, {@code min_leaf} (minimum total row weight in
 * a child), {@code feature_fraction} (share of columns tried per split) and {@code splits}
 * ({@code best} for a random forest, {@code random} for extra trees).
 */
@AutoService(ModelBackend.class)
public final class ForestBackend implements ModelBackend {
  /** The backend id. */
  public static final String ID = "forest";
  private static final Logger log = LoggerFactory.getLogger(ForestBackend.class);

  private static final List<ParamSpec> PARAMETERS = List.of(
      ParamSpec.integer("trees", 300, 10, 2000, "number of trees"),
      ParamSpec.integer("max_depth", 12, 2, 40, "maximum depth of each tree"),
      ParamSpec.real("min_leaf", 5.0, 1.0, 200.0, true, "minimum total row weight in a child node"),
      ParamSpec.real("feature_fraction", 0.3, 0.05, 1.0, false,
          "share of columns considered at each split"),
      ParamSpec.choice("splits", "best", List.of("best", "random"),
          "best: random forest (best split point); random: extra trees (random split points)"));

  private static final Capabilities CAPABILITIES = new Capabilities(false, false, false, true);

  /** Creates the backend (used by {@link java.util.ServiceLoader}). */
  public ForestBackend() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "random forest / extra trees of CART trees (Tribuo), mean of leaf probabilities";
  }

  @Override
  public List<ParamSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public FittedModel fit(TrainingData data, Params params) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(params, "params");
    TribuoData.checkTrainingData(data);
    TribuoData.requireNoMissing(data.x(), ID);
    double[][] edges = Bins.edges(data.x(), Bins.MAX_BINS);
    MutableDataset<Label> dataset = TribuoData.dataset(new TrainingData(
        Bins.apply(data.x(), edges), data.y(), data.weights(), data.seed(), data.threads()));
    ImmutableFeatureMap featureMap = dataset.getFeatureIDMap();
    ImmutableOutputInfo<Label> outputInfo = dataset.getOutputIDInfo();
    int trees = params.getInt("trees");
    int maxDepth = params.getInt("max_depth");
    float minLeaf = (float) params.getDouble("min_leaf");
    float fraction = (float) params.getDouble("feature_fraction");
    boolean randomSplits = params.getString("splits").equals("random");

    // One seed pair per tree, drawn in order, so the forest does not depend on scheduling.
    SplittableRandom seeds = new SplittableRandom(data.seed());
    long[] treeSeeds = new long[trees];
    long[] bagSeeds = new long[trees];
    for (int t = 0; t < trees; t++) {
      treeSeeds[t] = seeds.nextLong();
      bagSeeds[t] = seeds.nextLong();
    }
    long t0 = System.nanoTime();
    List<Model<Label>> members = new ArrayList<>(trees);
    int threads = Math.min(data.threads(), trees);
    if (threads <= 1) {
      for (int t = 0; t < trees; t++) {
        members.add(growTree(dataset, featureMap, outputInfo, maxDepth, minLeaf, fraction,
            randomSplits, treeSeeds[t], bagSeeds[t]));
      }
    } else {
      AtomicInteger counter = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread th = new Thread(r, "churn-forest-" + counter.incrementAndGet());
        th.setDaemon(true);
        return th;
      });
      try {
        List<Future<Model<Label>>> futures = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
          long treeSeed = treeSeeds[t];
          long bagSeed = bagSeeds[t];
          futures.add(pool.submit(() -> growTree(dataset, featureMap, outputInfo, maxDepth,
              minLeaf, fraction, randomSplits, treeSeed, bagSeed)));
        }
        for (Future<Model<Label>> f : futures) {
          members.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChurnException("forest training was interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new ChurnException("forest training failed: " + cause, cause);
      } finally {
        pool.shutdownNow();
      }
    }
    WeightedEnsembleModel<Label> forest = WeightedEnsembleModel.createEnsembleFromExistingModels(
        "churn-forest", members, new FullyWeightedVotingCombiner());
    if (log.isDebugEnabled()) {
      log.debug("forest: {} trees on {} x {} in {} ms with {} threads", trees, data.x().rows(),
          data.x().columns(), (System.nanoTime() - t0) / 1_000_000, threads);
    }
    return new FittedForest(data.x().names(), forest, edges);
  }

  /** Grows one tree on a bootstrap sample (what Tribuo's BaggingTrainer does, one tree at a time). */
  private static Model<Label> growTree(MutableDataset<Label> dataset,
      ImmutableFeatureMap featureMap, ImmutableOutputInfo<Label> outputInfo, int maxDepth,
      float minLeaf, float fraction, boolean randomSplits, long treeSeed, long bagSeed) {
    CARTClassificationTrainer cart = new CARTClassificationTrainer(maxDepth, minLeaf, 0.0f,
        fraction, randomSplits, new GiniIndex(), treeSeed);
    DatasetView<Label> bootstrap =
        DatasetView.createBootstrapView(dataset, dataset.size(), bagSeed, featureMap, outputInfo);
    return cart.train(bootstrap);
  }

  @Override
  public FittedModel read(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    ModelBytes.Decoded d = ModelBytes.read(ID, bytes);
    if (!(d.model() instanceof WeightedEnsembleModel<?> m)
        || !(m.getOutputIDInfo().getDomain().iterator().next() instanceof Label)) {
      throw new ChurnException("the 'forest' model holds a " + d.model().getClass().getName()
          + " instead of a Tribuo WeightedEnsembleModel of labels");
    }
    @SuppressWarnings("unchecked")
    WeightedEnsembleModel<Label> forest = (WeightedEnsembleModel<Label>) m;
    double[][] edges;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(d.extra()))) {
      edges = Bins.read(in, d.names().size());
    } catch (IOException e) {
      throw new ChurnException("the 'forest' model is damaged (bins): " + e.getMessage(), e);
    }
    return new FittedForest(d.names(), forest, edges);
  }
}
