package dev.churn.core.metrics;

/**
 * The score threshold that maximises F1 on a labelled sample, with the F1, precision and recall it
 * achieves.
 *
 * <p>Returned by {@link BinaryMetrics#bestF1Threshold(double[], boolean[])}. Predicting a row
 * positive when {@code score >= threshold()} reproduces {@link #confusion()} on the same sample.
 * The threshold is always one of the sample's scores (a score of {@code -0.0} is reported as
 * {@code 0.0}, which selects the same rows). When several thresholds reach the same
 * maximal F1, the highest of them is returned (the one that flags the fewest rows).
 *
 * @param threshold the chosen score threshold; rows with {@code score >= threshold} are predicted
 *     positive
 * @param f1 F1 at that threshold
 * @param precision precision at that threshold
 * @param recall recall at that threshold
 * @param confusion the full confusion matrix at that threshold
 */
public record BestF1(
    double threshold, double f1, double precision, double recall, ConfusionMatrix confusion) {}
