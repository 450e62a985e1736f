package dev.churn.features.internal;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import java.util.HashMap;
import java.util.Map;

/**
 * One batch of an event source prepared for the accumulators: entity ids (-1 for rows not used),
 * epoch days, and the value columns extracted once into primitive arrays so accumulators can run
 * in parallel without touching Arrow.
 */
final class Batch {
  final int rows;
  final int[] entity;
  final int[] day;
  final int asOf;
  private final Map<String, double[]> numbers = new HashMap<>();
  private final Map<String, CategoricalColumn> categories = new HashMap<>();

  Batch(int rows, int[] entity, int[] day, int asOf) {
    this.rows = rows;
    this.entity = entity;
    this.day = day;
    this.asOf = asOf;
  }

  void extractNumeric(Table table, String column) {
    if (numbers.containsKey(column)) {
      return;
    }
    Column c = table.column(column);
    double[] v;
    if (c instanceof NumericColumn n) {
      v = n.toArray();
    } else if (c instanceof DateColumn d) {
      v = new double[rows];
      for (int r = 0; r < rows; r++) {
        int day = d.epochDay(r);
        v[r] = day == DateColumn.MISSING ? Double.NaN : day;
      }
    } else {
      BooleanColumn b = (BooleanColumn) c;
      v = new double[rows];
      for (int r = 0; r < rows; r++) {
        v[r] = b.getAsDouble(r);
      }
    }
    numbers.put(column, v);
  }

  void extractCategorical(Table table, String column) {
    categories.put(column, table.categorical(column));
  }

  double[] numeric(String column) {
    return numbers.get(column);
  }

  CategoricalColumn categorical(String column) {
    return categories.get(column);
  }
}
