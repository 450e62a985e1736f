/**
 * The built-in model backends, all on Tribuo 4.3: {@code xgboost} (gradient-boosted trees),
 * {@code logistic} (L2-regularised logistic regression with liblinear) and {@code forest} (a
 * random forest or extra-trees ensemble of CART trees). Each is registered with
 * {@code @AutoService(ModelBackend.class)} and found by the trainer through
 * {@link java.util.ServiceLoader}; use them through {@link dev.churn.models.spi.ModelBackend}.
 *
 * <p>Scoring never goes through Tribuo's per-example prediction path: each fitted model compiles
 * the trained trees or coefficients into flat arrays at fit (or read) time, so batch and
 * single-row scoring run the same allocation-free code and agree exactly.
 */
package dev.churn.models.backends;
