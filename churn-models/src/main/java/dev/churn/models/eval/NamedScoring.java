package dev.churn.models.eval;

/** A {@link Scoring} whose {@code toString()} is its name. */
record NamedScoring(String name, Scoring scoring) implements Scoring {
  @Override
  public double score(double[] predictions, boolean[] labels) {
    return scoring.score(predictions, labels);
  }

  @Override
  public String toString() {
    return name;
  }
}
