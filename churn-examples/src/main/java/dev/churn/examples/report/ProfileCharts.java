package dev.churn.examples.report;

import dev.churn.core.profile.BooleanProfile;
import dev.churn.core.profile.CategoricalProfile;
import dev.churn.core.profile.CategoryCount;
import dev.churn.core.profile.ColumnProfile;
import dev.churn.core.profile.DateBin;
import dev.churn.core.profile.DateProfile;
import dev.churn.core.profile.Histogram;
import dev.churn.core.profile.NumericProfile;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import dev.churn.drift.report.Png;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the small chart of one column profile with XChart and returns it as a PNG {@code data:}
 * URI: a histogram for numbers and dates, bars of the top categories for categoricals and
 * booleans, nothing for ID columns. Safe to call from several threads (one chart per call).
 */
final class ProfileCharts {
  static final int WIDTH = 460;
  static final int HEIGHT = 230;

  private static final Color BAR = new Color(0x4C78A8);
  private static final Color TEXT = new Color(0x333333);
  private static final Color GRID = new Color(0xE3E7EB);
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final int MAX_LABEL = 16;

  private ProfileCharts() {}

  /** Draws one small chart of each kind and throws it away: class loading and JIT warm-up. */
  static void warmUp() {
    try {
      List<CategoryCount> top =
          List.of(new CategoryCount("a", 2, 0.5), new CategoryCount("b", 2, 0.5));
      categories(top, 0, 0).ifPresent(c -> Png.encode(BitmapEncoder.getBufferedImage(c)));
      XYChart xy = new XYChartBuilder().width(WIDTH).height(HEIGHT).build();
      style(xy.getStyler());
      xy.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
      xy.addSeries("w", new double[] {0, 1, 2}, new double[] {1, 2, 2})
          .setMarker(SeriesMarkers.NONE);
      Png.encode(BitmapEncoder.getBufferedImage(xy));
    } catch (RuntimeException e) {
      // Only a warm-up: the real rendering reports its own errors.
    }
  }

  /**
   * Returns the chart of a column as {@code data:image/png;base64,...}, or empty for none.
   *
   * @param column the column profile
   * @return the chart of a column as {@code data:image/png;base64,...}, or empty for none
   */
  static Optional<String> dataUri(ColumnProfile column) {
    Optional<? extends Chart<?, ?>> chart = chart(column);
    if (chart.isEmpty()) {
      return Optional.empty();
    }
    byte[] png = Png.encode(BitmapEncoder.getBufferedImage(chart.get()));
    return Optional.of("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
  }

  static Optional<? extends Chart<?, ?>> chart(ColumnProfile column) {
    if (column instanceof NumericProfile n) {
      return histogram(n);
    } else if (column instanceof CategoricalProfile c) {
      return categories(c.top(), c.otherCount(), c.otherCategories());
    } else if (column instanceof BooleanProfile b) {
      return categories(b.top(), 0, 0);
    } else if (column instanceof DateProfile d) {
      return dates(d);
    }
    return Optional.empty();
  }

  private static Optional<XYChart> histogram(NumericProfile n) {
    Histogram h = n.histogram();
    if (h.bins().isEmpty()) {
      return Optional.empty();
    }
    // A filled step line: bin i spans [edge i, edge i + 1) at height count i; the last point
    // closes the shape at the upper edge. An extra point in the middle of the last bin changes
    // nothing visible, but as the x values are then not equally spaced, XChart puts its ticks
    // at round numbers instead of at (unround) bin edges.
    int bins = h.bins().size();
    double[] x = new double[bins + 2];
    double[] y = new double[bins + 2];
    for (int i = 0; i < bins; i++) {
      x[i] = h.bins().get(i).lower();
      y[i] = h.bins().get(i).count();
    }
    Histogram.Bin last = h.bins().get(bins - 1);
    x[bins] = last.lower() + (last.upper() - last.lower()) / 2;
    y[bins] = last.count();
    x[bins + 1] = last.upper();
    y[bins + 1] = last.count();
    XYChart chart =
        new XYChartBuilder().width(WIDTH).height(HEIGHT).title(n.name()).build();
    XYStyler s = chart.getStyler();
    style(s);
    s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
    double magnitude = Math.max(Math.abs(x[0]), Math.abs(x[bins + 1]));
    double range = x[bins + 1] - x[0];
    if (magnitude >= 1000 && range >= 10) {
      s.setXAxisDecimalPattern("#,##0"); // XChart would write 5E4
    } else if (range >= 10) {
      s.setXAxisDecimalPattern("#,##0.#");
    }
    XYSeries series = chart.addSeries("count", x, y);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(BAR.darker());
    series.setFillColor(BAR);
    series.setLineWidth(1f);
    return Optional.of(chart);
  }

  private static Optional<CategoryChart> categories(
      List<CategoryCount> top, long otherCount, long otherCategories) {
    if (top.isEmpty()) {
      return Optional.empty();
    }
    List<String> labels = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    boolean longLabels = false;
    for (CategoryCount c : top) {
      String label = shorten(c.value());
      longLabels |= label.length() > 6;
      labels.add(uniqueLabel(labels, label));
      counts.add(c.count());
    }
    CategoryChart chart = base("categories");
    CategoryStyler s = chart.getStyler();
    s.setAvailableSpaceFill(top.size() <= 2 ? 0.5 : 0.7);
    if (longLabels && labels.size() > 3) {
      s.setXAxisLabelRotation(35);
    }
    if (otherCount > 0) {
      // The rest is usually much larger than any one category; a bar for it would flatten
      // the others, so it is only named (the table next to the chart has its count).
      s.setXAxisTitleVisible(true);
      chart.setXAxisTitle("top " + top.size() + "; " + Format.count(otherCategories)
          + " other categories (" + Format.count(otherCount) + " rows) not drawn");
    }
    chart.addSeries("top", labels, counts).setFillColor(BAR);
    return Optional.of(chart);
  }

  private static Optional<CategoryChart> dates(DateProfile d) {
    if (d.bins().isEmpty()) {
      return Optional.empty();
    }
    List<String> labels = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (DateBin b : d.bins()) {
      labels.add(b.start().toString().substring(0, 7));
      counts.add(b.count());
    }
    CategoryChart chart = base(d.name());
    chart.getStyler().setAvailableSpaceFill(0.96).setXAxisMaxLabelCount(6);
    chart.addSeries("count", labels, counts).setFillColor(BAR);
    return Optional.of(chart);
  }

  private static CategoryChart base(String title) {
    CategoryChart chart =
        new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
    style(chart.getStyler());
    return chart;
  }

  private static void style(AxesChartStyler s) {
    s.setChartTitleVisible(false);
    s.setLegendVisible(false);
    s.setXAxisTitleVisible(false);
    s.setYAxisTitleVisible(false);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setPlotGridVerticalLinesVisible(false);
    s.setPlotGridLinesColor(GRID);
    s.setAxisTickLabelsFont(TICKS);
    s.setAxisTitleFont(TICKS);
    s.setAxisTickLabelsColor(TEXT);
    s.setAxisTickMarksColor(GRID);
    s.setChartFontColor(TEXT);
    s.setChartPadding(6);
    s.setYAxisDecimalPattern("#,##0");
    s.setYAxisMin(0.0);
    s.setToolTipsEnabled(false);
  }

  private static String shorten(String label) {
    String flat = label.replaceAll("\\s+", " ");
    return flat.length() <= MAX_LABEL ? flat : flat.substring(0, MAX_LABEL - 1) + "…";
  }

  /** XChart needs distinct category labels; two shortened labels may collide. */
  private static String uniqueLabel(List<String> taken, String label) {
    String candidate = label;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = label + " #" + i;
    }
    return candidate;
  }
}
