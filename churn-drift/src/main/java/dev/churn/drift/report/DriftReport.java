package dev.churn.drift.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.drift.ColumnDrift;
import dev.churn.drift.DriftResult;
import dev.churn.drift.NewCategory;
import dev.churn.drift.policy.Decision;
import dev.churn.drift.policy.Deviation;
import dev.churn.drift.policy.RetrainPolicy;
import dev.churn.drift.policy.Evidence;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One month's data drift against the reference, for a person: the decision and the numbers
 * behind it, every column sorted by how far it moved, reference-vs-current histograms of the most
 * drifted columns and of the scores. Renders to JSON ({@link #toJson()}) and to one
 * self-contained HTML page ({@link #toHtml()}).
 *
 * <pre>{@code
 * DriftResult result = DriftDetector.builder().reference(profile).build().detect(current);
 * DriftReport report = DriftReport.builder(result).title("churn features, 2017-04")
 *     .importance(model.importance())       // optional: weights of the deviation
 *     .build();                             // decision from RetrainPolicy.defaults()
 * AtomicFiles.write(Path.of("drift.html"), report.toHtml().getBytes(StandardCharsets.UTF_8));
 * }</pre>
 *
 * <p>Columns are ordered by their deviation (the total variation distance of {@link Deviation}),
 * drifted columns first, because the tests' own numbers are not on one scale (a p-value, a
 * distance).
 */
public final class DriftReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DriftResult result;
  private final String title;
  private final Deviation deviation;
  private final Decision decision;
  private final int charts;
  private final List<ColumnDrift> sorted;
  /** Each feature column's deviation, computed once (sorting, JSON and HTML all read it). */
  private final Map<String, Double> columnDeviations;

  private DriftReport(Builder b) {
    this.result = b.result;
    this.title = b.title;
    this.deviation = Deviation.of(b.result, b.importance);
    this.decision = b.decision != null ? b.decision
        : b.policy.decide(Evidence.builder().deviation(deviation.value())
            .datasetDrift(b.result.datasetDrift()).build());
    this.charts = b.charts;
    Map<String, Double> byName = new java.util.HashMap<>();
    deviation.columns().forEach(c -> byName.put(c.name(), c.deviation()));
    this.columnDeviations = Map.copyOf(byName);
    List<ColumnDrift> s = new ArrayList<>(result.columns());
    s.sort(Comparator.comparing((ColumnDrift c) -> !c.drifted())
        .thenComparing(c -> -columnDeviation(c)).thenComparing(ColumnDrift::name));
    this.sorted = List.copyOf(s);
  }

  /** Starts a report of a drift result. */
  public static Builder builder(DriftResult result) {
    return new Builder(result);
  }

  /** Returns the drift result. */
  public DriftResult result() {
    return result;
  }

  /** Returns the data deviation the decision used. */
  public Deviation deviation() {
    return deviation;
  }

  /** Returns the decision. */
  public Decision decision() {
    return decision;
  }

  /** Returns the report's title. */
  public String title() {
    return title;
  }

  /**
   * Returns a column's deviation ({@link Deviation#of(ColumnDrift)}): taken from {@link
   * #deviation()} for feature columns, computed for the prediction and label columns.
   */
  public double columnDeviation(ColumnDrift column) {
    Double d = columnDeviations.get(column.name());
    return d != null ? d : Deviation.of(column);
  }

  /** Returns the columns in report order: drifted first, then by deviation. */
  public List<ColumnDrift> sortedColumns() {
    return sorted;
  }

  /**
   * Returns the report as a JSON object: {@code columns[]{name, kind, test, statistic, p_value,
   * adjusted_p_value, threshold, drifted, deviation, missing_reference, missing_current,
   * new_categories[], approximate, problem}}, {@code drift_share}, {@code drifted_columns},
   * {@code dataset_drift}, {@code deviation}, {@code prediction_drift}, {@code label_drift},
   * {@code action}, {@code reasons[]}. Undefined numbers are {@code null}.
   */
  public ObjectNode toJsonTree() {
    ObjectNode o = JSON.createObjectNode();
    o.put("title", title);
    o.put("reference_rows", result.referenceRows());
    o.put("current_rows", result.currentRows());
    ArrayNode cols = o.putArray("columns");
    for (ColumnDrift c : sorted) {
      cols.add(column(c));
    }
    o.put("drifted_columns", result.driftedColumns());
    num(o, "drift_share", result.driftShare());
    num(o, "dataset_drift_share", result.datasetDriftShare());
    o.put("dataset_drift", result.datasetDrift());
    o.put("correction", result.correction().name());
    num(o, "deviation", deviation.value());
    result.predictionDrift().ifPresentOrElse(p -> o.set("prediction_drift", column(p)),
        () -> o.putNull("prediction_drift"));
    result.labelDrift().ifPresentOrElse(p -> o.set("label_drift", column(p)),
        () -> o.putNull("label_drift"));
    o.put("action", decision.action().name());
    o.put("take_out_of_production", decision.takeOutOfProduction());
    ArrayNode r = o.putArray("reasons");
    decision.reasons().forEach(r::add);
    return o;
  }

  /** Returns {@link #toJsonTree()} as indented text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(toJsonTree());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode column(ColumnDrift c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", c.name());
    n.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
    n.put("test", c.test().id());
    num(n, "statistic", c.statistic());
    num(n, "p_value", c.pValue().orElse(Double.NaN));
    num(n, "adjusted_p_value", c.adjustedPValue().orElse(Double.NaN));
    num(n, "threshold", c.threshold());
    n.put("drifted", c.drifted());
    num(n, "deviation", columnDeviation(c));
    num(n, "missing_reference", c.missingShareReference());
    num(n, "missing_current", c.missingShareCurrent());
    ArrayNode nc = n.putArray("new_categories");
    for (NewCategory k : c.newCategories()) {
      ObjectNode e = nc.addObject();
      e.put("category", k.category());
      e.put("count", k.count());
      num(e, "share", k.share());
    }
    n.put("approximate", c.approximate());
    c.problem().ifPresentOrElse(p -> n.put("problem", p), () -> n.putNull("problem"));
    return n;
  }

  static void num(ObjectNode n, String k, double v) {
    if (Double.isFinite(v)) {
      n.put(k, v);
    } else {
      n.putNull(k);
    }
  }

  /** Returns the report as one self-contained HTML page (charts embedded as PNG). */
  public String toHtml() {
    StringBuilder h = new StringBuilder(64 * 1024);
    Html.open(h, title);
    h.append("<h1>").append(Html.esc(title)).append("</h1>\n<div class=\"sub\">Data drift: ")
        .append(String.format(java.util.Locale.ROOT, "%,d", result.currentRows()))
        .append(" current rows against a reference of ")
        .append(String.format(java.util.Locale.ROOT, "%,d", result.referenceRows()))
        .append(" rows</div>\n");
    appendBody(h, 2);
    Html.close(h);
    return h.toString();
  }

  /** Writes the summary, table and charts; {@code level} is the heading level of sections. */
  void appendBody(StringBuilder h, int level) {
    String hx = "h" + level;
    h.append("<div class=\"stats\">\n");
    Html.stat(h, "decision", Html.action(decision.action()),
        decision.takeOutOfProduction() ? "take the model out of production" : "");
    Html.stat(h, "deviation", Html.pct(deviation.value()), "weighted total variation distance");
    Html.stat(h, "drifted columns", result.driftedColumns() + " / " + result.columns().size(),
        Html.pct(result.driftShare()));
    Html.stat(h, "dataset drift", result.datasetDrift() ? "yes" : "no",
        "share &ge; " + Html.pct(result.datasetDriftShare()));
    result.predictionDrift().ifPresent(p -> Html.stat(h, "prediction drift",
        p.drifted() ? "yes" : "no", Html.esc(p.test().id()) + " " + Html.num(p.driftScore())));
    h.append("</div>\n<ul class=\"reasons\">\n");
    for (String r : decision.reasons()) {
      h.append("<li>").append(Html.esc(r)).append("</li>\n");
    }
    h.append("</ul>\n");

    List<ColumnDrift> drifted = sorted.stream().filter(ColumnDrift::drifted).limit(charts).toList();
    List<ColumnDrift> shown = drifted.isEmpty() ? sorted.stream().limit(Math.min(charts, 4))
        .toList() : drifted;
    if (!shown.isEmpty() || result.predictionDrift().isPresent()) {
      h.append('<').append(hx).append('>').append(drifted.isEmpty()
          ? "Columns that moved most (none drifted)" : "Most drifted columns")
          .append("</").append(hx).append(">\n<div class=\"charts\">\n");
      for (ColumnDrift p : result.predictionDrift().stream().toList()) {
        chart(h, "score distribution: " + p.name(), p);
      }
      for (ColumnDrift c : shown) {
        chart(h, c.name(), c);
      }
      h.append("</div>\n");
    }

    h.append('<').append(hx).append(">Columns</").append(hx).append(">\n<table>\n<tr><th>column</th>"
        + "<th>kind</th><th>test</th><th class=\"num\">statistic</th><th class=\"num\">p-value"
        + "</th><th class=\"num\">threshold</th><th class=\"num\">deviation</th>"
        + "<th class=\"num\">missing ref / cur</th><th>new categories</th><th>drift</th></tr>\n");
    for (ColumnDrift c : sorted) {
      h.append(c.drifted() ? "<tr class=\"drifted\">" : "<tr>").append("<td>")
          .append(Html.esc(c.name())).append("</td><td>")
          .append(c.kind().name().toLowerCase(java.util.Locale.ROOT)).append("</td><td>")
          .append(Html.esc(c.test().id())).append(c.approximate() ? "*" : "")
          .append("</td><td class=\"num\">").append(Html.num(c.statistic()))
          .append("</td><td class=\"num\">")
          .append(c.adjustedPValue().isPresent() ? Html.num(c.adjustedPValue().getAsDouble())
              : "&ndash;")
          .append("</td><td class=\"num\">").append(Html.num(c.threshold()))
          .append("</td><td class=\"num\">").append(Html.pct(columnDeviation(c)))
          .append("</td><td class=\"num\">").append(Html.pct(c.missingShareReference()))
          .append(" / ").append(Html.pct(c.missingShareCurrent())).append("</td><td>");
      if (!c.newCategories().isEmpty()) {
        h.append(c.newCategories().size()).append(" (").append(Html.pct(c.newCategoryShare()))
            .append(")");
      }
      h.append("</td><td>").append(c.problem().map(p -> "<span class=\"muted\">"
          + Html.esc(p) + "</span>").orElse(c.drifted() ? "<b>drifted</b>" : "no"))
          .append("</td></tr>\n");
    }
    h.append("</table>\n<p class=\"muted\">p-values after the ").append(result.correction())
        .append(" correction; * computed on the reference summary (see the user guide);"
            + " deviation is the column's total variation distance over deciles or its largest categories (missing values included), less what sampling noise alone gives."
            + "</p>\n");
  }

  private void chart(StringBuilder h, String name, ColumnDrift c) {
    h.append("<div class=\"chart\">")
        .append(Html.img(Charts.histogram(name, c.histogram()), name + ": reference vs current"))
        .append("</div>\n");
  }

  /**
   * Configures a {@link DriftReport}.
   *
   * <pre>{@code
   * DriftReport r = DriftReport.builder(result).title("April").charts(8).build();
   * }</pre>
   */
  public static final class Builder {
    private final DriftResult result;
    private String title = "Drift report";
    private Map<String, Double> importance = Map.of();
    private Decision decision;
    private RetrainPolicy policy = RetrainPolicy.defaults();
    private int charts = 6;

    private Builder(DriftResult result) {
      this.result = Objects.requireNonNull(result, "result");
    }

    /** Sets the title (default "Drift report"). */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** Sets the column weights of the deviation (default: equal). */
    public Builder importance(Map<String, Double> importance) {
      this.importance = Map.copyOf(importance);
      return this;
    }

    /** Sets the policy that decides from deviation and dataset drift (default: defaults). */
    public Builder policy(RetrainPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Uses a decision made elsewhere (e.g. with performance evidence too) instead. */
    public Builder decision(Decision decision) {
      this.decision = Objects.requireNonNull(decision, "decision");
      return this;
    }

    /** Sets how many drifted columns get a histogram (default 6, 0 to 100). */
    public Builder charts(int charts) {
      if (charts < 0 || charts > 100) {
        throw new IllegalArgumentException("charts was " + charts + " but it must be in [0, 100]");
      }
      this.charts = charts;
      return this;
    }

    /** Returns the report; the builder stays usable. */
    public DriftReport build() {
      return new DriftReport(this);
    }
  }
}
