package dev.churn.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.DataFormatException;
import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import dev.churn.models.spi.FeatureMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Turns table columns into model inputs, with everything it needs learned from the training
 * rows only and saved with the model, so scoring repeats exactly what training did.
 *
 * <ul>
 *   <li>NUMERIC and DATE (as days since 1970-01-01) columns pass through; for backends that do
 *       not take missing values, NaN becomes the training median and a {@code <col>__missing}
 *       0/1 column is added when the training rows had missing values; for backends that want
 *       standardized inputs, values are centred on the training mean and divided by the
 *       training standard deviation (1 when it is 0).
 *   <li>BOOLEAN columns become 0/1 (missing treated as for numbers).
 *   <li>CATEGORICAL columns with at most {@link Options#oneHotMax()} categories are one-hot
 *       encoded ({@code <col>=<category>}); a missing or unseen category is all zeros. Columns
 *       with more categories are target encoded with smoothing: {@code (n_c * rate_c + m *
 *       prior) / (n_c + m)}, where {@code m} is {@link Options#targetSmoothing()}; a missing or
 *       unseen category gets the prior. Training rows get out-of-fold encodings (5 folds) so a
 *       row's own label never enters its encoding.
 *   <li>ID columns are never inputs.
 * </ul>
 *
 * <p>A column the model needs that is missing from a table to score is an error naming it;
 * extra columns are ignored.
 */
public final class Preprocessor {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Preprocessing choices.
   *
   * @param impute replace missing values (median / mode) and add missing indicators
   * @param standardize centre and scale numeric inputs
   * @param oneHotMax largest category count that is one-hot encoded
   * @param targetSmoothing the weight {@code m} of the prior in target encoding
   */
  public record Options(boolean impute, boolean standardize, int oneHotMax, double targetSmoothing) {
    /** Checks the fields. */
    public Options {
      if (oneHotMax < 1) {
        throw new IllegalArgumentException("oneHotMax was " + oneHotMax + " but it must be >= 1");
      }
      if (!(targetSmoothing >= 0)) {
        throw new IllegalArgumentException(
            "targetSmoothing was " + targetSmoothing + " but it must be >= 0");
      }
    }

    /** Returns defaults for a backend: impute and standardize when it asks for it. */
    public static Options forBackend(boolean handlesMissing, boolean standardize) {
      return new Options(!handlesMissing, standardize, 10, 20);
    }
  }

  /** How one input column is turned into model columns. */
  sealed interface Step permits NumberStep, OneHotStep, TargetStep {
    String column();

    ColumnType type();

    List<String> outputs();
  }

  record NumberStep(String column, ColumnType type, double fill, boolean indicator, double mean,
      double scale) implements Step {
    @Override
    public List<String> outputs() {
      return indicator ? List.of(column, column + "__missing") : List.of(column);
    }
  }

  record OneHotStep(String column, List<String> categories) implements Step {
    @Override
    public ColumnType type() {
      return ColumnType.CATEGORICAL;
    }

    @Override
    public List<String> outputs() {
      return categories.stream().map(c -> column + "=" + c).toList();
    }
  }

  record TargetStep(String column, Map<String, Double> encoding, double prior, double mean,
      double scale) implements Step {
    @Override
    public ColumnType type() {
      return ColumnType.CATEGORICAL;
    }

    @Override
    public List<String> outputs() {
      return List.of(column);
    }
  }

  private final List<Step> steps;
  private final List<String> outputs;

  private Preprocessor(List<Step> steps) {
    this.steps = List.copyOf(steps);
    List<String> out = new ArrayList<>();
    steps.forEach(s -> out.addAll(s.outputs()));
    this.outputs = List.copyOf(out);
  }

  /** The learned preprocessing and the training rows already transformed. */
  public record Fitted(Preprocessor preprocessor, FeatureMatrix train) {}

  /**
   * Learns the preprocessing from training rows and transforms them.
   *
   * @param table the training table
   * @param rows the training rows of {@code table} (all rows when null)
   * @param features the input columns
   * @param y the labels of those rows (target encoding)
   * @param options the choices
   * @param seed seeds the out-of-fold split of target encoding
   * @return the preprocessor and the transformed training rows
   */
  public static Fitted fit(Table table, int[] rows, List<String> features, boolean[] y,
      Options options, long seed) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(options, "options");
    int[] r = rows != null ? rows : allRows(table.rowCount());
    if (y.length != r.length) {
      throw new IllegalArgumentException(r.length + " rows but " + y.length + " labels");
    }
    List<Step> steps = new ArrayList<>();
    Map<String, double[]> oofTargets = new HashMap<>();
    for (String f : features) {
      Column c = table.column(f);
      switch (c.type()) {
        case NUMERIC, DATE, BOOLEAN -> steps.add(numberStep(c, r, options));
        case CATEGORICAL -> {
          CategoricalColumn cc = (CategoricalColumn) c;
          long[] counts = new long[cc.dictionary().size()];
          for (int row : r) {
            int code = cc.code(row);
            if (code >= 0) {
              counts[code]++;
            }
          }
          List<String> seen = new ArrayList<>();
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
              seen.add(cc.dictionary().get(i));
            }
          }
          if (seen.size() <= options.oneHotMax()) {
            steps.add(new OneHotStep(f, seen));
          } else {
            TargetStep t = targetStep(cc, r, y, options, seen);
            steps.add(t);
            oofTargets.put(f, outOfFold(cc, r, y, options, seed));
          }
        }
        case ID -> throw new IllegalArgumentException(
            "column '" + f + "' is an ID column and cannot be a model input");
      }
    }
    Preprocessor p = new Preprocessor(steps);
    FeatureMatrix x = p.transform(table, r, oofTargets);
    return new Fitted(p, x);
  }

  private static int[] allRows(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  private static double value(Column c, int row) {
    if (c instanceof NumericColumn n) {
      return n.get(row);
    }
    if (c instanceof BooleanColumn b) {
      return b.getAsDouble(row);
    }
    if (c instanceof DateColumn d) {
      int day = d.epochDay(row);
      return day == DateColumn.MISSING ? Double.NaN : day;
    }
    throw new IllegalStateException(c.type().toString());
  }

  private static NumberStep numberStep(Column c, int[] rows, Options o) {
    double[] v = new double[rows.length];
    int present = 0;
    for (int row : rows) {
      double x = value(c, row);
      if (!Double.isNaN(x)) {
        v[present++] = x;
      }
    }
    double[] p = Arrays.copyOf(v, present);
    Arrays.sort(p);
    double median = present == 0 ? 0 : present % 2 == 1 ? p[present / 2]
        : (p[present / 2 - 1] + p[present / 2]) / 2;
    boolean indicator = o.impute() && present < rows.length;
    double fill = o.impute() ? median : Double.NaN;
    double mean = 0;
    double scale = 1;
    if (o.standardize() && present > 0) {
      double sum = 0;
      for (double x : p) {
        sum += x;
      }
      // missing values are filled before standardizing: include them at the median
      double n = rows.length;
      mean = (sum + (rows.length - present) * median) / n;
      double ss = 0;
      for (double x : p) {
        ss += (x - mean) * (x - mean);
      }
      ss += (rows.length - present) * (median - mean) * (median - mean);
      double sd = Math.sqrt(ss / n);
      scale = sd > 0 ? sd : 1;
    }
    return new NumberStep(c.name(), c.type(), fill, indicator, mean, scale);
  }

  private static TargetStep targetStep(CategoricalColumn c, int[] rows, boolean[] y, Options o,
      List<String> seen) {
    double prior = rate(y, null);
    Map<String, Double> enc = encode(c, rows, y, null, o.targetSmoothing(), prior);
    double mean = 0;
    double scale = 1;
    if (o.standardize()) {
      double sum = 0;
      double ss = 0;
      for (int i = 0; i < rows.length; i++) {
        sum += encoded(c, rows[i], enc, prior);
      }
      mean = sum / rows.length;
      for (int i = 0; i < rows.length; i++) {
        double d = encoded(c, rows[i], enc, prior) - mean;
        ss += d * d;
      }
      double sd = Math.sqrt(ss / rows.length);
      scale = sd > 0 ? sd : 1;
    }
    return new TargetStep(c.name(), enc, prior, mean, scale);
  }

  private static double rate(boolean[] y, boolean[] use) {
    long n = 0;
    long pos = 0;
    for (int i = 0; i < y.length; i++) {
      if (use == null || use[i]) {
        n++;
        if (y[i]) {
          pos++;
        }
      }
    }
    return n == 0 ? 0 : (double) pos / n;
  }

  private static Map<String, Double> encode(CategoricalColumn c, int[] rows, boolean[] y,
      boolean[] use, double m, double prior) {
    Map<String, double[]> stats = new LinkedHashMap<>();
    for (int i = 0; i < rows.length; i++) {
      if (use != null && !use[i]) {
        continue;
      }
      int code = c.code(rows[i]);
      if (code < 0) {
        continue;
      }
      double[] s = stats.computeIfAbsent(c.dictionary().get(code), k -> new double[2]);
      s[0]++;
      if (y[i]) {
        s[1]++;
      }
    }
    Map<String, Double> enc = new LinkedHashMap<>();
    stats.forEach((k, s) -> enc.put(k, (s[1] + m * prior) / (s[0] + m)));
    return enc;
  }

  private static double encoded(CategoricalColumn c, int row, Map<String, Double> enc,
      double prior) {
    int code = c.code(row);
    if (code < 0) {
      return prior;
    }
    Double v = enc.get(c.dictionary().get(code));
    return v == null ? prior : v;
  }

  /** Target encodings of the training rows computed without each row's own fold. */
  private static double[] outOfFold(CategoricalColumn c, int[] rows, boolean[] y, Options o,
      long seed) {
    int k = 5;
    int[] fold = new int[rows.length];
    SplittableRandom rnd = new SplittableRandom(seed ^ c.name().hashCode());
    for (int i = 0; i < rows.length; i++) {
      fold[i] = rnd.nextInt(k);
    }
    double[] out = new double[rows.length];
    for (int f = 0; f < k; f++) {
      boolean[] use = new boolean[rows.length];
      for (int i = 0; i < rows.length; i++) {
        use[i] = fold[i] != f;
      }
      double prior = rate(y, use);
      Map<String, Double> enc = encode(c, rows, y, use, o.targetSmoothing(), prior);
      for (int i = 0; i < rows.length; i++) {
        if (fold[i] == f) {
          out[i] = encoded(c, rows[i], enc, prior);
        }
      }
    }
    return out;
  }

  /** Returns the names of the model columns, in order. */
  public List<String> outputs() {
    return outputs;
  }

  /** Returns the input columns the preprocessing reads, in order. */
  public List<String> inputs() {
    return steps.stream().map(Step::column).toList();
  }

  /** Returns, per input column, the indices of the model columns made from it. */
  public Map<String, int[]> groups() {
    Map<String, int[]> g = new LinkedHashMap<>();
    int at = 0;
    for (Step s : steps) {
      int n = s.outputs().size();
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = at + i;
      }
      g.put(s.column(), idx);
      at += n;
    }
    return g;
  }

  /**
   * Transforms the rows of a table.
   *
   * @param table a table with every input column
   * @return one model row per table row
   * @throws DataFormatException naming a missing column or a column of the wrong type
   */
  public FeatureMatrix transform(Table table) {
    return transform(table, allRows(table.rowCount()), Map.of());
  }

  /** Transforms selected rows of a table. */
  public FeatureMatrix transform(Table table, int[] rows) {
    return transform(table, rows, Map.of());
  }

  private FeatureMatrix transform(Table table, int[] rows, Map<String, double[]> oof) {
    int width = outputs.size();
    double[] out = new double[rows.length * width];
    int at = 0;
    for (Step s : steps) {
      if (!table.schema().contains(s.column())) {
        throw new DataFormatException("table to score", -1, s.column(), null,
            "the column is missing; the model needs " + inputs());
      }
      Column c = table.column(s.column());
      boolean typeOk = s.type() == c.type()
          || (s.type() == ColumnType.NUMERIC && c.type() == ColumnType.BOOLEAN);
      if (!typeOk) {
        throw new DataFormatException("table to score", -1, s.column(), s.type().toString(),
            "it is " + c.type());
      }
      if (s instanceof NumberStep n) {
        for (int i = 0; i < rows.length; i++) {
          double x = value(c, rows[i]);
          boolean missing = Double.isNaN(x);
          if (missing) {
            x = n.fill();
          }
          out[i * width + at] = Double.isNaN(x) ? x : (x - n.mean()) / n.scale();
          if (n.indicator()) {
            out[i * width + at + 1] = missing ? 1 : 0;
          }
        }
      } else if (s instanceof OneHotStep h) {
        CategoricalColumn cc = (CategoricalColumn) c;
        int[] slot = new int[cc.dictionary().size()];
        Arrays.fill(slot, -1);
        for (int j = 0; j < h.categories().size(); j++) {
          var code = cc.dictionary().codeOf(h.categories().get(j));
          if (code.isPresent()) {
            slot[code.getAsInt()] = j;
          }
        }
        for (int i = 0; i < rows.length; i++) {
          int code = cc.code(rows[i]);
          if (code >= 0 && slot[code] >= 0) {
            out[i * width + at + slot[code]] = 1;
          }
        }
      } else {
        TargetStep t = (TargetStep) s;
        CategoricalColumn cc = (CategoricalColumn) c;
        double[] given = oof.get(t.column());
        for (int i = 0; i < rows.length; i++) {
          double v = given != null ? given[i] : encoded(cc, rows[i], t.encoding(), t.prior());
          out[i * width + at] = (v - t.mean()) / t.scale();
        }
      }
      at += s.outputs().size();
    }
    return FeatureMatrix.of(outputs, rows.length, out);
  }

  /**
   * Transforms one row given as column name to value (Number, Boolean, String or LocalDate;
   * null or absent for missing).
   *
   * @throws IllegalArgumentException naming a value of the wrong kind
   */
  public double[] transformRow(Map<String, ?> row) {
    int width = outputs.size();
    double[] out = new double[width];
    int at = 0;
    for (Step s : steps) {
      Object v = row.get(s.column());
      if (s instanceof NumberStep n) {
        double x;
        if (v == null) {
          x = Double.NaN;
        } else if (v instanceof Number num) {
          x = num.doubleValue();
        } else if (v instanceof Boolean b) {
          x = b ? 1 : 0;
        } else if (v instanceof java.time.LocalDate d) {
          x = d.toEpochDay();
        } else {
          throw new IllegalArgumentException("value of '" + s.column() + "' was '" + v
              + "' but it must be a number");
        }
        boolean missing = Double.isNaN(x);
        if (missing) {
          x = n.fill();
        }
        out[at] = Double.isNaN(x) ? x : (x - n.mean()) / n.scale();
        if (n.indicator()) {
          out[at + 1] = missing ? 1 : 0;
        }
      } else if (s instanceof OneHotStep h) {
        if (v != null) {
          int j = h.categories().indexOf(v.toString());
          if (j >= 0) {
            out[at + j] = 1;
          }
        }
      } else {
        TargetStep t = (TargetStep) s;
        Double e = v == null ? null : t.encoding().get(v.toString());
        out[at] = ((e == null ? t.prior() : e) - t.mean()) / t.scale();
      }
      at += s.outputs().size();
    }
    return out;
  }

  /** Returns the preprocessing as JSON, as stored in model packages. */
  public String toJson() {
    ArrayNode arr = JSON.createArrayNode();
    for (Step s : steps) {
      ObjectNode n = arr.addObject();
      n.put("column", s.column());
      if (s instanceof NumberStep x) {
        n.put("kind", "number").put("type", x.type().name()).put("fill", num(x.fill()))
            .put("indicator", x.indicator()).put("mean", x.mean()).put("scale", x.scale());
      } else if (s instanceof OneHotStep h) {
        n.put("kind", "onehot");
        h.categories().forEach(n.putArray("categories")::add);
      } else {
        TargetStep t = (TargetStep) s;
        n.put("kind", "target").put("prior", t.prior()).put("mean", t.mean())
            .put("scale", t.scale());
        ObjectNode e = n.putObject("encoding");
        t.encoding().forEach(e::put);
      }
    }
    return arr.toString();
  }

  private static String num(double v) {
    return Double.toString(v);
  }

  /**
   * Reads preprocessing written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException when the text is not such JSON
   */
  public static Preprocessor fromJson(String json) {
    try {
      List<Step> steps = new ArrayList<>();
      for (JsonNode n : JSON.readTree(json)) {
        String col = n.get("column").asText();
        switch (n.get("kind").asText()) {
          case "number" -> steps.add(new NumberStep(col,
              ColumnType.valueOf(n.get("type").asText()), Double.parseDouble(n.get("fill").asText()),
              n.get("indicator").asBoolean(), n.get("mean").asDouble(), n.get("scale").asDouble()));
          case "onehot" -> {
            List<String> cats = new ArrayList<>();
            n.get("categories").forEach(c -> cats.add(c.asText()));
            steps.add(new OneHotStep(col, cats));
          }
          case "target" -> {
            Map<String, Double> enc = new LinkedHashMap<>();
            n.get("encoding").fields().forEachRemaining(e -> enc.put(e.getKey(),
                e.getValue().asDouble()));
            steps.add(new TargetStep(col, enc, n.get("prior").asDouble(), n.get("mean").asDouble(),
                n.get("scale").asDouble()));
          }
          default -> throw new IllegalArgumentException("unknown step " + n.get("kind"));
        }
      }
      return new Preprocessor(steps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("not a preprocessing definition: " + json, e);
    }
  }
}
