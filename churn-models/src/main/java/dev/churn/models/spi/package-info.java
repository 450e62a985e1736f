/**
 * The model-backend extension point: implement {@link dev.churn.models.spi.ModelBackend}, register
 * it with {@code @AutoService(ModelBackend.class)}, and the trainer can fit, compare, save and
 * explain it like the built-in backends.
 */
package dev.churn.models.spi;
