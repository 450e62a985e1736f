package dev.churn.features.internal;

import com.google.auto.service.AutoService;
import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.IdColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import dev.churn.core.table.TableBuilder;
import dev.churn.features.Aggregation;
import dev.churn.features.AggregationKind;
import dev.churn.features.EventSource;
import dev.churn.features.FeatureGroup;
import dev.churn.features.SnapshotSource;
import dev.churn.features.Source;
import dev.churn.features.spi.FeatureEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The built-in, in-process engine: streams the source batch by batch and folds each batch into
 * per-entity accumulators held in primitive arrays, the accumulators of one batch running in
 * parallel. Memory grows with the number of entities, not with the number of events, so sources
 * larger than memory are fine.
 */
@AutoService(FeatureEngine.class)
public final class ArrowFeatureEngine implements FeatureEngine {
  /** The id of this engine. */
  public static final String ID = "arrow";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Table compute(
      FeatureGroup group,
      Source source,
      LocalDate asOf,
      BufferAllocator allocator,
      Consumer<String> progress) {
    int day = Math.toIntExact(asOf.toEpochDay());
    progress.accept("computing " + group.name() + "@" + group.version() + " as of " + asOf
        + " from " + SourceReader.describe(source));
    if (group.isWindowed()) {
      if (!(source instanceof EventSource es)) {
        throw new IllegalArgumentException(
            "feature group '" + group.name() + "' aggregates over windows and needs an event"
                + " source, but '" + source.name() + "' is a snapshot source");
      }
      return events(group, es, day, allocator, progress);
    }
    if (!(source instanceof SnapshotSource ss)) {
      throw new IllegalArgumentException(
          "feature group '" + group.name() + "' takes snapshot columns and needs a snapshot"
              + " source, but '" + source.name() + "' is an event source");
    }
    return snapshot(group, ss, day, allocator);
  }

  private static Table events(
      FeatureGroup group, EventSource source, int asOf, BufferAllocator allocator,
      Consumer<String> progress) {
    Map<String, SourceReader.Need> needs = SourceReader.needs();
    needs.put(source.entity(), SourceReader.Need.ENTITY);
    needs.put(source.timestamp(), SourceReader.Need.DATE);
    for (Aggregation a : group.aggregations()) {
      a.column().ifPresent(c -> needs.put(c, categorical(a.kind()) ? SourceReader.Need.CATEGORY
          : a.kind() == AggregationKind.DAYS_UNTIL ? SourceReader.Need.DATE
          : SourceReader.Need.NUMBER));
    }
    List<Aggregation> fusedAggs = new ArrayList<>();
    List<Accumulator> accs = new ArrayList<>();
    for (Aggregation a : group.aggregations()) {
      if (FusedAccumulator.handles(a.kind())) {
        fusedAggs.add(a);
      } else {
        accs.add(Accumulator.of(a));
      }
    }
    FusedAccumulator fused =
        new FusedAccumulator(fusedAggs, Runtime.getRuntime().availableProcessors());
    EntityIndex entities = new EntityIndex();
    long[] rows = new long[2];
    SourceReader.forEachBatch(source, needs, allocator, batch -> {
      int n = batch.rowCount();
      int[] days = batch.date(source.timestamp()).toEpochDays();
      boolean[] keep = new boolean[n];
      for (int r = 0; r < n; r++) {
        int d = days[r];
        keep[r] = d != DateColumn.MISSING && d < asOf;
      }
      int[] ids = new int[n];
      entities.map(batch.column(source.entity()), keep, ids);
      Batch b = new Batch(n, ids, days, asOf);
      for (Aggregation a : group.aggregations()) {
        a.column().ifPresent(c -> {
          if (categorical(a.kind())) {
            b.extractCategorical(batch, c);
          } else {
            b.extractNumeric(batch, c);
          }
        });
      }
      fused.ensure(entities.size());
      fused.add(b);
      for (Accumulator acc : accs) {
        acc.ensure(entities.size());
        acc.add(b);
      }
      rows[0] += n;
      if (rows[0] - rows[1] >= 5_000_000) {
        rows[1] = rows[0];
        progress.accept(String.format("%s: %,d rows, %,d entities", group.name(), rows[0],
            entities.size()));
      }
    });
    int[] ids = entities.seenIds();
    int n = ids.length;
    TableBuilder out = Table.builder(allocator)
        .id(source.entity(), keys(entities, ids))
        .role(source.entity(), ColumnRole.ENTITY);
    Map<String, double[]> numeric = new HashMap<>();
    double[][] fusedValues = fused.values(ids);
    int fusedIndex = 0;
    int accIndex = 0;
    for (Aggregation a : group.aggregations()) {
      if (FusedAccumulator.handles(a.kind())) {
        double[] v = fusedValues[fusedIndex++];
        numeric.put(a.name(), v);
        out.numeric(a.name(), v);
      } else {
        Accumulator acc = accs.get(accIndex++);
        if (acc instanceof Accumulator.LastCategory lc) {
          compactCategorical(out, a.name(), lc.codes(ids), lc.dictionary());
        } else {
          double[] v = acc.values(ids);
          numeric.put(a.name(), v);
          out.numeric(a.name(), v);
        }
      }
    }
    addRatios(group, out, numeric, n);
    return out.build();
  }

  private static String[] keys(EntityIndex entities, int[] ids) {
    String[] keys = new String[ids.length];
    for (int j = 0; j < ids.length; j++) {
      keys[j] = entities.key(ids[j]);
    }
    return keys;
  }

  private static boolean categorical(AggregationKind kind) {
    return kind == AggregationKind.LAST_CATEGORY || kind == AggregationKind.CATEGORY_COUNT;
  }

  private static void addRatios(
      FeatureGroup group, TableBuilder out, Map<String, double[]> numeric, int n) {
    for (FeatureGroup.Ratio r : group.ratios()) {
      double[] a = numeric.get(r.numerator());
      double[] b = numeric.get(r.denominator());
      if (a == null || b == null) {
        throw new IllegalArgumentException(
            "ratio '" + r.name() + "' of group '" + group.name() + "' needs numeric features");
      }
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = b[i] == 0 || Double.isNaN(a[i]) || Double.isNaN(b[i]) ? Double.NaN : a[i] / b[i];
      }
      numeric.put(r.name(), v);
      out.numeric(r.name(), v);
    }
  }

  /** Adds a categorical column keeping only the categories that occur, in order of first use. */
  private static void compactCategorical(TableBuilder out, String name, int[] codes, Dictionary d) {
    int[] remap = new int[d.size()];
    Arrays.fill(remap, -1);
    Dictionary.Builder used = new Dictionary.Builder();
    int[] compact = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      int c = codes[i];
      if (c < 0) {
        compact[i] = CategoricalColumn.MISSING;
      } else {
        if (remap[c] < 0) {
          remap[c] = used.codeOf(d.get(c));
        }
        compact[i] = remap[c];
      }
    }
    out.categorical(name, compact, used.snapshot());
  }

  private static Table snapshot(
      FeatureGroup group, SnapshotSource source, int asOf, BufferAllocator allocator) {
    Map<String, SourceReader.Need> needs = SourceReader.needs();
    needs.put(source.entity(), SourceReader.Need.ENTITY);
    source.validFrom().ifPresent(c -> needs.put(c, SourceReader.Need.DATE));
    group.columns().forEach(c -> needs.put(c, SourceReader.Need.ANY));
    group.daysSince().forEach(c -> needs.put(c, SourceReader.Need.DATE));
    EntityIndex entities = new EntityIndex();
    List<String> copied = new ArrayList<>(group.columns());
    for (String c : group.daysSince()) {
      if (!copied.contains(c)) {
        copied.add(c);
      }
    }
    Map<String, Collected> values = new HashMap<>();
    int[][] bestFrom = {new int[0]};
    SourceReader.forEachBatch(source, needs, allocator, batch -> {
      int n = batch.rowCount();
      boolean[] keep = new boolean[n];
      int[] from = new int[n];
      DateColumn vf = source.validFrom().map(batch::date).orElse(null);
      for (int r = 0; r < n; r++) {
        from[r] = vf == null ? Integer.MIN_VALUE : vf.epochDay(r);
        keep[r] = vf == null || (from[r] != DateColumn.MISSING && from[r] < asOf);
      }
      int[] ids = new int[n];
      entities.map(batch.column(source.entity()), keep, ids);
      if (bestFrom[0].length < entities.size()) {
        int old = bestFrom[0].length;
        bestFrom[0] = Arrays.copyOf(bestFrom[0], Math.max(entities.size(), old * 2));
        Arrays.fill(bestFrom[0], old, bestFrom[0].length, Integer.MIN_VALUE);
      }
      for (String c : copied) {
        values.computeIfAbsent(c, k -> new Collected(batch.column(k)));
      }
      for (int r = 0; r < n; r++) {
        int id = ids[r];
        if (id >= 0 && from[r] >= bestFrom[0][id]) {
          bestFrom[0][id] = from[r];
          for (String c : copied) {
            values.get(c).set(id, batch.column(c), r);
          }
        }
      }
    });
    int[] ids = entities.seenIds();
    int n = ids.length;
    TableBuilder out = Table.builder(allocator)
        .id(source.entity(), keys(entities, ids))
        .role(source.entity(), ColumnRole.ENTITY);
    for (String c : group.columns()) {
      values.get(c).addTo(out, c, ids);
    }
    for (String c : group.daysSince()) {
      int[] d = values.get(c).days;
      double[] since = new double[n];
      for (int i = 0; i < n; i++) {
        int v = ids[i] < d.length ? d[ids[i]] : DateColumn.MISSING;
        since[i] = v == DateColumn.MISSING || v >= asOf ? Double.NaN : asOf - v;
      }
      out.numeric(FeatureGroup.daysSinceName(c), since);
    }
    return out.build();
  }

  /** The winning value of one snapshot column per entity, kept in its own type. */
  private static final class Collected {
    private final Column template;
    double[] numbers = new double[0];
    int[] days = new int[0];
    byte[] bools = new byte[0];
    String[] strings = new String[0];

    Collected(Column template) {
      this.template = template;
    }

    void set(int id, Column c, int row) {
      switch (template.type()) {
        case NUMERIC -> {
          if (numbers.length <= id) {
            numbers = Accumulator.grow(numbers, Math.max(id + 1, numbers.length * 2), Double.NaN);
          }
          numbers[id] = ((NumericColumn) c).get(row);
        }
        case DATE -> {
          if (days.length <= id) {
            days = Accumulator.grow(days, Math.max(id + 1, days.length * 2), DateColumn.MISSING);
          }
          days[id] = ((DateColumn) c).epochDay(row);
        }
        case BOOLEAN -> {
          if (bools.length <= id) {
            int old = bools.length;
            bools = Arrays.copyOf(bools, Math.max(id + 1, old * 2));
            Arrays.fill(bools, old, bools.length, (byte) -1);
          }
          BooleanColumn b = (BooleanColumn) c;
          bools[id] = b.isMissing(row) ? -1 : (byte) (b.get(row) ? 1 : 0);
        }
        case CATEGORICAL, ID -> {
          if (strings.length <= id) {
            strings = Arrays.copyOf(strings, Math.max(id + 1, strings.length * 2));
          }
          strings[id] =
              c instanceof CategoricalColumn cc
                  ? cc.get(row).orElse(null)
                  : ((IdColumn) c).get(row).orElse(null);
        }
      }
    }

    void addTo(TableBuilder out, String name, int[] ids) {
      int n = ids.length;
      switch (template.type()) {
        case NUMERIC -> {
          double[] v = new double[n];
          for (int j = 0; j < n; j++) {
            v[j] = ids[j] < numbers.length ? numbers[ids[j]] : Double.NaN;
          }
          out.numeric(name, v);
        }
        case DATE -> {
          int[] v = new int[n];
          for (int j = 0; j < n; j++) {
            v[j] = ids[j] < days.length ? days[ids[j]] : DateColumn.MISSING;
          }
          out.dateEpochDays(name, v);
        }
        case BOOLEAN -> {
          Boolean[] b = new Boolean[n];
          for (int j = 0; j < n; j++) {
            int i = ids[j];
            b[j] = i >= bools.length || bools[i] < 0 ? null : bools[i] == 1;
          }
          out.bool(name, b);
        }
        case CATEGORICAL, ID -> {
          String[] v = new String[n];
          for (int j = 0; j < n; j++) {
            v[j] = ids[j] < strings.length ? strings[ids[j]] : null;
          }
          if (template.type() == dev.churn.core.table.ColumnType.CATEGORICAL) {
            out.categorical(name, v);
          } else {
            out.id(name, v);
          }
        }
      }
    }
  }
}
