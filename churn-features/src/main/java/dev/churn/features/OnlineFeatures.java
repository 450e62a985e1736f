package dev.churn.features;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.IdColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The online view of a {@link FeatureStore}: the latest materialized features of every
 * registered group, looked up by entity in constant time for single-customer scoring.
 *
 * <p>The latest partition of each group's current version is loaded on first use and kept in
 * memory; a new materialization through the same store refreshes the view.
 *
 * <pre>{@code
 * Optional<FeatureVector> v = store.online().get("msno-value");
 * double secs = v.orElseThrow().number("total_secs_sum_30d");
 * }</pre>
 */
public final class OnlineFeatures {
  private final FeatureStore store;
  private List<Loaded> loaded;

  private record Loaded(String group, LocalDate asOf, Table table, Map<String, Integer> index) {}

  OnlineFeatures(FeatureStore store) {
    this.store = store;
  }

  /**
   * Returns the latest features of an entity across all groups, or empty when no group has it.
   *
   * @param entity the entity key
   */
  public Optional<FeatureVector> get(String entity) {
    Objects.requireNonNull(entity, "entity");
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, LocalDate> asOf = new LinkedHashMap<>();
    boolean found = false;
    for (Loaded l : loaded()) {
      Integer row = l.index().get(entity);
      if (row == null) {
        continue;
      }
      found = true;
      asOf.put(l.group(), l.asOf());
      for (int c = 1; c < l.table().columnCount(); c++) {
        Column col = l.table().column(c);
        Object v = value(col, row);
        if (v != null) {
          values.put(col.name(), v);
        }
      }
    }
    return found ? Optional.of(new FeatureVector(entity, values, asOf)) : Optional.empty();
  }

  /** Returns, for each group with a materialization, the as-of date served. */
  public Map<String, LocalDate> servedAsOf() {
    Map<String, LocalDate> out = new LinkedHashMap<>();
    loaded().forEach(l -> out.put(l.group(), l.asOf()));
    return out;
  }

  private static Object value(Column c, int row) {
    if (c instanceof NumericColumn n) {
      return n.get(row);
    }
    if (c.isMissing(row)) {
      return null;
    }
    if (c instanceof CategoricalColumn cc) {
      return cc.get(row).orElse(null);
    }
    if (c instanceof BooleanColumn b) {
      return b.get(row);
    }
    if (c instanceof DateColumn d) {
      return d.get(row).orElse(null);
    }
    return ((IdColumn) c).get(row).orElse(null);
  }

  private synchronized List<Loaded> loaded() {
    if (loaded == null) {
      List<Loaded> out = new ArrayList<>();
      Catalog catalog = store.catalog();
      try {
        for (FeatureGroup g : store.groups()) {
          List<Materialization> ms = catalog.group(g.name())
              .flatMap(e -> e.version(g.version()))
              .map(Catalog.VersionEntry::materializations)
              .orElse(List.of());
          if (ms.isEmpty()) {
            continue;
          }
          Materialization latest = ms.get(ms.size() - 1);
          Table t = store.read(latest);
          out.add(new Loaded(g.name(), latest.asOf(), t, FeatureStore.indexOf(t)));
        }
      } catch (RuntimeException e) {
        out.forEach(l -> l.table().close());
        throw e;
      }
      loaded = out;
    }
    return loaded;
  }

  /** Drops the loaded partitions; the next lookup loads the latest ones again. */
  synchronized void invalidate() {
    if (loaded != null) {
      loaded.forEach(l -> l.table().close());
      loaded = null;
    }
  }
}
