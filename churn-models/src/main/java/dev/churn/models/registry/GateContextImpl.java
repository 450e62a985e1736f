package dev.churn.models.registry;

import dev.churn.models.ChurnModel;
import java.time.Instant;
import java.util.Optional;

/** The {@link GateContext} of one transition; loads packages once and shares them. */
final class GateContextImpl implements GateContext {
  private final ModelRegistry registry;
  private final ModelVersion candidate;
  private final Stage target;
  private final Optional<ModelVersion> production;
  private final Instant now;
  private ChurnModel candidateModel;
  private Optional<ChurnModel> productionModel;

  GateContextImpl(ModelRegistry registry, ModelVersion candidate, Stage target,
      Optional<ModelVersion> production, Instant now) {
    this.registry = registry;
    this.candidate = candidate;
    this.target = target;
    this.production = production;
    this.now = now;
  }

  @Override
  public String model() {
    return candidate.model();
  }

  @Override
  public ModelVersion candidate() {
    return candidate;
  }

  @Override
  public Stage target() {
    return target;
  }

  @Override
  public Optional<ModelVersion> production() {
    return production;
  }

  @Override
  public synchronized ChurnModel loadCandidate() {
    if (candidateModel == null) {
      candidateModel = registry.load(candidate).model();
    }
    return candidateModel;
  }

  @Override
  public synchronized Optional<ChurnModel> loadProduction() {
    if (productionModel == null) {
      productionModel = production.map(p -> registry.load(p).model());
    }
    return productionModel;
  }

  @Override
  public Instant now() {
    return now;
  }
}
