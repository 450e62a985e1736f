package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.profile.BooleanProfile;
import dev.churn.core.profile.CategoricalProfile;
import dev.churn.core.profile.CategoryCount;
import dev.churn.core.profile.ColumnProfile;
import dev.churn.core.profile.DataProfile;
import dev.churn.core.profile.DateBin;
import dev.churn.core.profile.DateProfile;
import dev.churn.core.profile.Histogram;
import dev.churn.core.profile.IdProfile;
import dev.churn.core.profile.NumericProfile;
import dev.churn.core.profile.ProfileWarning;
import dev.churn.core.profile.Quantiles;
import dev.churn.examples.report.Format;
import dev.churn.examples.report.ProfileHtml;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The output of {@code churn profile}: the readable table and the JSON document.
 *
 * <p>JSON fields: {@code file}, {@code rows} (rows profiled), {@code file_rows}, {@code sampled},
 * {@code column_count}, {@code type_counts{}}, {@code missing_cells}, {@code duplicate_rows},
 * {@code columns[]{name, type, missing, missing_share, distinct, present, stats{}, histogram{},
 * top[], ..., warnings[]}}, {@code warnings[]{column, kind, message}}, {@code html} and {@code
 * seconds{read, profile, html}}. Types and warning kinds are lower case; NaN is null.
 */
final class ProfileReport implements CliReport {
  private final String file;
  private final int fileRows;
  private final DataProfile profile;
  private final String html;
  private final Seconds seconds;

  /** Wall-clock seconds of the steps. */
  record Seconds(double read, double profile, double html) {}

  ProfileReport(String file, int fileRows, DataProfile profile, String html, Seconds seconds) {
    this.file = Objects.requireNonNull(file, "file");
    this.fileRows = fileRows;
    this.profile = Objects.requireNonNull(profile, "profile");
    this.html = html;
    this.seconds = Objects.requireNonNull(seconds, "seconds");
  }

  @Override
  public void printText(PrintWriter out) {
    String types =
        profile.typeCounts().entrySet().stream()
            .map(e -> e.getValue() + " " + Format.type(e.getKey()))
            .collect(Collectors.joining(", "));
    out.println(file + ": " + Format.count(profile.rows()) + " rows"
        + (profile.rows() < fileRows ? " (a random sample of " + Format.count(fileRows) + ")" : "")
        + ", " + profile.columnCount() + " columns (" + types + ")");
    out.println("missing cells: " + Format.count(profile.missingCells())
        + (profile.duplicateRows().isPresent()
            ? ", duplicate rows: " + Format.count(profile.duplicateRows().getAsLong())
            : ""));
    out.println();
    TextTable t = new TextTable("column", "type", "missing", "distinct", "summary").alignRight(2, 3);
    for (ColumnProfile c : profile.columns()) {
      t.row(c.name(), Format.type(c.type()), Format.countAndPercent(c.missing(), c.rows()),
          Format.count(c.distinct()), ProfileHtml.summary(c));
    }
    t.print(out);
    out.println();
    if (profile.warnings().isEmpty()) {
      out.println("no warnings");
    } else {
      out.println("warnings (" + profile.warnings().size() + "):");
      for (ProfileWarning w : profile.warnings()) {
        out.println("  " + String.format(Locale.ROOT, "%-16s", w.kind()) + " " + w.message());
      }
    }
    if (html != null) {
      out.println();
      out.println("HTML report: " + html);
    }
  }

  @Override
  public JsonNode toJson(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("file", file);
    root.put("rows", profile.rows());
    root.put("file_rows", fileRows);
    root.put("sampled", profile.rows() < fileRows);
    root.put("column_count", profile.columnCount());
    ObjectNode types = root.putObject("type_counts");
    profile.typeCounts().forEach((k, v) -> types.put(Format.type(k), v));
    root.put("missing_cells", profile.missingCells());
    if (profile.duplicateRows().isPresent()) {
      root.put("duplicate_rows", profile.duplicateRows().getAsLong());
    } else {
      root.putNull("duplicate_rows");
    }
    ArrayNode columns = root.putArray("columns");
    for (ColumnProfile c : profile.columns()) {
      columns.add(column(mapper, c));
    }
    ArrayNode warnings = root.putArray("warnings");
    for (ProfileWarning w : profile.warnings()) {
      ObjectNode o = warnings.addObject();
      if (w.column().isPresent()) {
        o.put("column", w.column().get());
      } else {
        o.putNull("column");
      }
      o.put("kind", kind(w.kind()));
      o.put("message", w.message());
    }
    if (html != null) {
      root.put("html", html);
    } else {
      root.putNull("html");
    }
    ObjectNode s = root.putObject("seconds");
    s.put("read", round(seconds.read()));
    s.put("profile", round(seconds.profile()));
    s.put("html", round(seconds.html()));
    return root;
  }

  private ObjectNode column(ObjectMapper mapper, ColumnProfile c) {
    ObjectNode o = mapper.createObjectNode();
    o.put("name", c.name());
    o.put("type", Format.type(c.type()));
    o.put("missing", c.missing());
    number(o, "missing_share", c.missingShare());
    o.put("distinct", c.distinct());
    o.put("present", c.present());
    if (c instanceof NumericProfile n) {
      ObjectNode stats = o.putObject("stats");
      number(stats, "min", n.min());
      number(stats, "max", n.max());
      number(stats, "mean", n.mean());
      number(stats, "std", n.std());
      Quantiles q = n.quantiles();
      number(stats, "p1", q.p1());
      number(stats, "p5", q.p5());
      number(stats, "p25", q.p25());
      number(stats, "p50", q.p50());
      number(stats, "p75", q.p75());
      number(stats, "p95", q.p95());
      number(stats, "p99", q.p99());
      stats.put("zeros", n.zeros());
      stats.put("outliers", n.outliers());
      stats.put("integral", n.integral());
      Histogram h = n.histogram();
      ObjectNode hist = o.putObject("histogram");
      ArrayNode edges = hist.putArray("edges");
      for (double e : h.edges()) {
        if (Double.isFinite(e)) {
          edges.add(e);
        } else {
          edges.addNull();
        }
      }
      ArrayNode counts = hist.putArray("counts");
      for (long k : h.counts()) {
        counts.add(k);
      }
    } else if (c instanceof CategoricalProfile k) {
      top(o, k.top());
      o.put("other_count", k.otherCount());
      o.put("other_categories", k.otherCategories());
    } else if (c instanceof BooleanProfile b) {
      o.put("true_count", b.trueCount());
      number(o, "true_share", b.trueShare());
      top(o, b.top());
    } else if (c instanceof DateProfile d) {
      putText(o, "min", d.min().map(Object::toString).orElse(null));
      putText(o, "max", d.max().map(Object::toString).orElse(null));
      ArrayNode bins = o.putArray("histogram");
      for (DateBin b : d.bins()) {
        ObjectNode bin = bins.addObject();
        bin.put("start", b.start().toString());
        bin.put("end", b.end().toString());
        bin.put("count", b.count());
      }
    } else if (c instanceof IdProfile id) {
      ArrayNode ex = o.putArray("examples");
      id.examples().forEach(ex::add);
    }
    ArrayNode kinds = o.putArray("warnings");
    for (ProfileWarning w : profile.warnings(c.name())) {
      kinds.add(kind(w.kind()));
    }
    return o;
  }

  private static void top(ObjectNode o, List<CategoryCount> top) {
    ArrayNode arr = o.putArray("top");
    for (CategoryCount c : top) {
      ObjectNode e = arr.addObject();
      e.put("value", c.value());
      e.put("count", c.count());
      number(e, "share", c.share());
    }
  }

  private static void number(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  private static void putText(ObjectNode o, String field, String v) {
    if (v == null) {
      o.putNull(field);
    } else {
      o.put(field, v);
    }
  }

  private static String kind(ProfileWarning.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
