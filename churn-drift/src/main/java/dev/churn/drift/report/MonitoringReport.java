package dev.churn.drift.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.drift.estimate.EstimatedMetric;
import dev.churn.drift.estimate.PerformanceEstimate;
import dev.churn.drift.monitor.MetricResult;
import dev.churn.drift.monitor.PerformanceReport;
import dev.churn.drift.policy.Decision;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The monitoring page of a model in production: the decision, the traffic lights of realized
 * performance on the last labelled cohort, the label-free estimate for the current one, metric
 * trends over months, and this month's data drift. Renders to JSON ({@link #toJson()}) and to one
 * self-contained HTML page ({@link #toHtml()}).
 *
 * <pre>{@code
 * MonitoringReport report = MonitoringReport.builder("churn model, 2017-04")
 *     .months(history)                  // List<MonthSummary>, oldest first
 *     .performance(monitor.evaluate(table))
 *     .estimate(estimator.estimate(probabilities))
 *     .drift(driftReport)
 *     .decision(decision)
 *     .build();
 * Files.writeString(Path.of("monitoring.html"), report.toHtml());
 * }</pre>
 */
public final class MonitoringReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String title;
  private final List<MonthSummary> months;
  private final Optional<PerformanceReport> performance;
  private final Optional<PerformanceEstimate> estimate;
  private final Optional<DriftReport> drift;
  private final Optional<Decision> decision;

  private MonitoringReport(Builder b) {
    this.title = b.title;
    this.months = List.copyOf(b.months);
    this.performance = Optional.ofNullable(b.performance);
    this.estimate = Optional.ofNullable(b.estimate);
    this.drift = Optional.ofNullable(b.drift);
    this.decision = Optional.ofNullable(b.decision)
        .or(() -> drift.map(DriftReport::decision));
  }

  /** Starts a report with a title. */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Returns the months, oldest first. */
  public List<MonthSummary> months() {
    return months;
  }

  /** Returns the decision: the one given, or else the drift report's. */
  public Optional<Decision> decision() {
    return decision;
  }

  /**
   * Returns the report as a JSON object: {@code title}, {@code action}, {@code reasons[]}, {@code
   * performance{overall, metrics[]{metric, value, flag, rule}}}, {@code estimate{overall,
   * metrics[]{metric, estimate, lower, upper, flag}}}, {@code months[]{month, production_version,
   * scored, auc_realized, auc_estimated, drift_share, deviation, flags{}, action}} and {@code
   * drift} (as {@link DriftReport#toJsonTree()}); absent parts are {@code null}.
   */
  public ObjectNode toJsonTree() {
    ObjectNode o = JSON.createObjectNode();
    o.put("title", title);
    decision.ifPresentOrElse(d -> {
      o.put("action", d.action().name());
      o.put("take_out_of_production", d.takeOutOfProduction());
      ArrayNode r = o.putArray("reasons");
      d.reasons().forEach(r::add);
    }, () -> o.putNull("action"));
    performance.ifPresentOrElse(p -> {
      ObjectNode n = o.putObject("performance");
      n.put("rows", p.rows());
      n.put("positives", p.positives());
      n.put("overall", p.overall().name());
      ArrayNode m = n.putArray("metrics");
      for (MetricResult r : p.metrics()) {
        ObjectNode e = m.addObject();
        e.put("metric", r.metric().name());
        DriftReport.num(e, "value", r.value());
        e.put("flag", r.flag().name());
        e.put("rule", r.rule());
      }
    }, () -> o.putNull("performance"));
    estimate.ifPresentOrElse(p -> {
      ObjectNode n = o.putObject("estimate");
      n.put("rows", p.rows());
      n.put("overall", p.overall().name());
      DriftReport.num(n, "confidence", p.confidence());
      ArrayNode m = n.putArray("metrics");
      for (EstimatedMetric r : p.metrics()) {
        ObjectNode e = m.addObject();
        e.put("metric", r.metric().name());
        DriftReport.num(e, "estimate", r.estimate());
        DriftReport.num(e, "lower", r.lower());
        DriftReport.num(e, "upper", r.upper());
        e.put("flag", r.flag().name());
      }
    }, () -> o.putNull("estimate"));
    ArrayNode ms = o.putArray("months");
    for (MonthSummary m : months) {
      ObjectNode e = ms.addObject();
      e.put("month", m.month());
      if (m.productionVersion().isPresent()) {
        e.put("production_version", m.productionVersion().getAsInt());
      } else {
        e.putNull("production_version");
      }
      e.put("scored", m.scored());
      opt(e, "auc_realized", m.aucRealized());
      opt(e, "auc_estimated", m.aucEstimated());
      opt(e, "drift_share", m.driftShare());
      opt(e, "deviation", m.deviation());
      ObjectNode f = e.putObject("flags");
      m.flags().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
          .forEach(x -> f.put(x.getKey(), x.getValue().name()));
      m.action().ifPresentOrElse(a -> e.put("action", a.name()), () -> e.putNull("action"));
    }
    drift.ifPresentOrElse(d -> o.set("drift", d.toJsonTree()), () -> o.putNull("drift"));
    return o;
  }

  private static void opt(ObjectNode n, String k, OptionalDouble v) {
    DriftReport.num(n, k, v.orElse(Double.NaN));
  }

  /** Returns {@link #toJsonTree()} as indented text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(toJsonTree());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the report as one self-contained HTML page (charts embedded as PNG). */
  public String toHtml() {
    StringBuilder h = new StringBuilder(128 * 1024);
    Html.open(h, title);
    h.append("<h1>").append(Html.esc(title)).append("</h1>\n<div class=\"sub\">Model monitoring")
        .append(months.isEmpty() ? "" : ": " + Html.esc(months.get(0).month()) + " to "
            + Html.esc(months.get(months.size() - 1).month()))
        .append("</div>\n<div class=\"stats\">\n");
    decision.ifPresent(d -> Html.stat(h, "decision", Html.action(d.action()),
        d.takeOutOfProduction() ? "take the model out of production" : ""));
    performance.ifPresent(p -> Html.stat(h, "realized performance", Html.flag(p.overall()),
        String.format(Locale.ROOT, "last labelled cohort, %,d rows", p.rows())));
    estimate.ifPresent(e -> Html.stat(h, "estimated performance", Html.flag(e.overall()),
        String.format(Locale.ROOT, "current cohort before labels, %,d rows", e.rows())));
    drift.ifPresent(d -> Html.stat(h, "data deviation", Html.pct(d.deviation().value()),
        d.result().driftedColumns() + " of " + d.result().columns().size()
            + " columns drifted"));
    h.append("</div>\n");
    decision.ifPresent(d -> {
      h.append("<ul class=\"reasons\">\n");
      d.reasons().forEach(r -> h.append("<li>").append(Html.esc(r)).append("</li>\n"));
      h.append("</ul>\n");
    });

    if (performance.isPresent() || estimate.isPresent()) {
      h.append("<h2>Traffic lights</h2>\n<table>\n<tr><th>metric</th><th class=\"num\">realized"
          + "</th><th>flag</th><th>rule</th><th class=\"num\">estimated (interval)</th>"
          + "<th>flag</th></tr>\n");
      List<dev.churn.drift.monitor.Metric> metrics = new ArrayList<>();
      performance.ifPresent(p -> p.metrics().forEach(r -> metrics.add(r.metric())));
      estimate.ifPresent(e -> e.metrics().stream().map(EstimatedMetric::metric)
          .filter(m -> !metrics.contains(m)).forEach(metrics::add));
      for (dev.churn.drift.monitor.Metric m : metrics) {
        Optional<MetricResult> r = performance.flatMap(p -> p.metric(m));
        Optional<EstimatedMetric> e = estimate.flatMap(x -> x.metric(m));
        h.append("<tr><td>").append(m.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append("</td><td class=\"num\">").append(r.map(x -> Html.num(x.value()))
                .orElse("&ndash;"))
            .append("</td><td>").append(r.map(x -> Html.flag(x.flag())).orElse(""))
            .append("</td><td class=\"muted\">").append(r.map(x -> Html.esc(x.rule())).orElse(""))
            .append("</td><td class=\"num\">").append(e.map(x -> Html.num(x.estimate()) + " ("
                + Html.num(x.lower()) + " &ndash; " + Html.num(x.upper()) + ")").orElse("&ndash;"))
            .append("</td><td>").append(e.map(x -> Html.flag(x.flag())).orElse(""))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    if (!months.isEmpty()) {
      List<String> labels = months.stream().map(MonthSummary::month).toList();
      h.append("<h2>Trends</h2>\n<div class=\"charts\">\n<div class=\"chart\">")
          .append(Html.img(Charts.trend("ROC AUC", "ROC AUC", labels,
              List.of("realized", "estimated"),
              List.of(series(months, MonthSummary::aucRealized),
                  series(months, MonthSummary::aucEstimated))), "ROC AUC by month"))
          .append("</div>\n<div class=\"chart\">")
          .append(Html.img(Charts.trend("Data drift", "share", labels,
              List.of("drifted columns", "deviation"),
              List.of(series(months, MonthSummary::driftShare),
                  series(months, MonthSummary::deviation))), "drift by month"))
          .append("</div>\n</div>\n");
      h.append("<table>\n<tr><th>month</th><th class=\"num\">version</th><th class=\"num\">scored"
          + "</th><th class=\"num\">AUC realized</th><th class=\"num\">AUC estimated</th>"
          + "<th class=\"num\">drift share</th><th class=\"num\">deviation</th><th>flags</th>"
          + "<th>action</th></tr>\n");
      for (MonthSummary m : months) {
        h.append("<tr><td>").append(Html.esc(m.month())).append("</td><td class=\"num\">")
            .append(m.productionVersion().isPresent() ? "v" + m.productionVersion().getAsInt()
                : "&ndash;")
            .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,d",
                m.scored()))
            .append("</td><td class=\"num\">").append(Html.num(m.aucRealized().orElse(Double.NaN)))
            .append("</td><td class=\"num\">").append(Html.num(m.aucEstimated().orElse(Double.NaN)))
            .append("</td><td class=\"num\">").append(Html.pct(m.driftShare().orElse(Double.NaN)))
            .append("</td><td class=\"num\">").append(Html.pct(m.deviation().orElse(Double.NaN)))
            .append("</td><td>");
        m.flags().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
            .forEach(f -> h.append(Html.esc(f.getKey().toLowerCase(Locale.ROOT)
                .replace('_', ' '))).append(' ').append(Html.flag(f.getValue())).append(' '));
        h.append("</td><td>").append(m.action().map(Html::action).orElse("")).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    drift.ifPresent(d -> {
      h.append("<h2>Data drift: ").append(Html.esc(d.title())).append("</h2>\n");
      d.appendBody(h, 3);
    });
    Html.close(h);
    return h.toString();
  }

  private static double[] series(List<MonthSummary> months,
      java.util.function.Function<MonthSummary, OptionalDouble> f) {
    double[] v = new double[months.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.apply(months.get(i)).orElse(Double.NaN);
    }
    return v;
  }

  /** Configures a {@link MonitoringReport}; every part is optional. */
  public static final class Builder {
    private final String title;
    private final List<MonthSummary> months = new ArrayList<>();
    private PerformanceReport performance;
    private PerformanceEstimate estimate;
    private DriftReport drift;
    private Decision decision;

    private Builder(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    /** Adds months to the trends, oldest first. */
    public Builder months(List<MonthSummary> months) {
      this.months.addAll(months);
      return this;
    }

    /** Adds one month to the trends. */
    public Builder month(MonthSummary month) {
      this.months.add(Objects.requireNonNull(month, "month"));
      return this;
    }

    /** Sets realized performance on the last labelled cohort. */
    public Builder performance(PerformanceReport report) {
      this.performance = Objects.requireNonNull(report, "report");
      return this;
    }

    /** Sets the label-free estimate for the current cohort. */
    public Builder estimate(PerformanceEstimate estimate) {
      this.estimate = Objects.requireNonNull(estimate, "estimate");
      return this;
    }

    /** Sets this month's drift report. */
    public Builder drift(DriftReport drift) {
      this.drift = Objects.requireNonNull(drift, "drift");
      return this;
    }

    /** Sets the decision (default: the drift report's). */
    public Builder decision(Decision decision) {
      this.decision = Objects.requireNonNull(decision, "decision");
      return this;
    }

    /** Returns the report. */
    public MonitoringReport build() {
      return new MonitoringReport(this);
    }
  }
}
