package dev.churn.features.spi;

import dev.churn.core.table.Table;
import dev.churn.features.FeatureGroup;
import dev.churn.features.Source;
import java.time.LocalDate;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Computes the features of a {@link FeatureGroup} from its {@link Source} as of a date. The
 * feature store delegates materialization to an engine, so the same declarative definitions can
 * run in-process (the built-in {@code arrow} engine) or on a distributed engine for data that
 * outgrows one machine.
 *
 * <p>Engines are found with {@link java.util.ServiceLoader}; register an implementation with
 * {@code @AutoService(FeatureEngine.class)} and choose it with {@code
 * FeatureStore.builder().engine("id")}.
 *
 * <p>The contract every engine keeps:
 *
 * <ul>
 *   <li>only events dated strictly before {@code asOf} are read, and only entities with such an
 *       event appear in the result;
 *   <li>the result has the source's entity column first (type ID, role ENTITY), then {@link
 *       FeatureGroup#featureNames()} in order;
 *   <li>the semantics of each {@link dev.churn.features.AggregationKind}, including which kinds
 *       are 0 rather than missing for an empty window, are those documented there;
 *   <li>on failure nothing stays allocated.
 * </ul>
 */
public interface FeatureEngine {

  /** Returns the engine's unique id, e.g. {@code arrow}. */
  String id();

  /**
   * Computes a group's features.
   *
   * @param group the definition
   * @param source the source the group reads, with the name the group refers to
   * @param asOf only data strictly before this date is used
   * @param allocator where the result's memory comes from
   * @param progress receives progress lines for long work; may ignore them
   * @return one row per entity, which the caller must close
   */
  Table compute(
      FeatureGroup group,
      Source source,
      LocalDate asOf,
      BufferAllocator allocator,
      java.util.function.Consumer<String> progress);
}
