package dev.churn.features;

import dev.churn.core.profile.BooleanProfile;
import dev.churn.core.profile.CategoricalProfile;
import dev.churn.core.profile.CategoryCount;
import dev.churn.core.profile.ColumnProfile;
import dev.churn.core.profile.DataProfile;
import dev.churn.core.profile.DateProfile;
import dev.churn.core.profile.NumericProfile;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Statistics of one feature in one materialization, stored in the catalog: drift monitoring
 * compares later data with them, and a user can see at a glance what a feature looked like.
 *
 * @param name the feature
 * @param type its column type
 * @param rows rows in the materialization
 * @param missing missing values
 * @param mean the mean (numeric features; NaN otherwise or when all are missing)
 * @param std the sample standard deviation (numeric features)
 * @param min the minimum (numeric features)
 * @param max the maximum (numeric features)
 * @param quantiles p1, p5, p25, p50, p75, p95, p99 by linear interpolation (numeric features;
 *     empty otherwise)
 * @param topCategories the most frequent categories with their counts (categorical and boolean
 *     features; empty otherwise)
 */
public record FeatureStats(
    String name,
    ColumnType type,
    long rows,
    long missing,
    double mean,
    double std,
    double min,
    double max,
    List<Double> quantiles,
    Map<String, Long> topCategories) {

  /** Checks and copies the fields. */
  public FeatureStats {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    quantiles = List.copyOf(quantiles);
    topCategories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topCategories));
  }

  /** Returns the statistics of every non-entity column of a materialized table. */
  public static List<FeatureStats> of(Table table) {
    List<FeatureStats> out = new ArrayList<>();
    DataProfile profile = DataProfile.of(table);
    for (ColumnProfile c : profile.columns()) {
      if (table.schema().column(c.name()).role() == ColumnRole.ENTITY) {
        continue;
      }
      out.add(of(c));
    }
    return out;
  }

  private static FeatureStats of(ColumnProfile c) {
    double nan = Double.NaN;
    if (c instanceof NumericProfile n) {
      var q = n.quantiles();
      return new FeatureStats(n.name(), ColumnType.NUMERIC, n.rows(), n.missing(), n.mean(),
          n.std(), n.min(), n.max(),
          List.of(q.p1(), q.p5(), q.p25(), q.p50(), q.p75(), q.p95(), q.p99()), Map.of());
    }
    Map<String, Long> top = new LinkedHashMap<>();
    if (c instanceof CategoricalProfile cat) {
      for (CategoryCount cc : cat.top()) {
        top.put(cc.value(), cc.count());
      }
    } else if (c instanceof BooleanProfile b) {
      top.put("true", b.trueCount());
      top.put("false", b.falseCount());
    }
    ColumnType type = c.type();
    if (c instanceof DateProfile) {
      type = ColumnType.DATE;
    }
    return new FeatureStats(c.name(), type, c.rows(), c.missing(), nan, nan, nan, nan,
        List.of(), top);
  }
}
