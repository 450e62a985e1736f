package dev.churn.drift.report;

import dev.churn.drift.DriftHistogram;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The reports' charts, drawn with XChart and encoded as PNG. */
final class Charts {
  static final Color REFERENCE = new Color(0x8a, 0x9b, 0xb3);
  static final Color CURRENT = new Color(0xd9, 0x5f, 0x43);
  private static final Color[] LINES = {new Color(0x2f, 0x6f, 0xb5), CURRENT,
      new Color(0x3c, 0x9a, 0x5f), new Color(0x8e, 0x5b, 0xb0), new Color(0xc9, 0x9a, 0x1a)};
  /** Most bins drawn; smaller categories are merged into one "other" bar. */
  static final int MAX_BARS = 24;

  private Charts() {}

  /** Reference and current shares (in %) side by side over a drift histogram's bins. */
  static byte[] histogram(String title, DriftHistogram h) {
    if (h.size() > MAX_BARS && !Double.isNaN(h.bins().get(0).lower())) {
      h = mergeAdjacent(h);
    }
    List<String> labels = new ArrayList<>();
    List<Double> ref = new ArrayList<>();
    List<Double> cur = new ArrayList<>();
    double[] rs = h.referenceShares();
    double[] cs = h.currentShares();
    int n = h.size();
    int keep = n <= MAX_BARS ? n : MAX_BARS - 1;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n > MAX_BARS) {
      // largest bins by their bigger share first; the rest become "other"
      java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.max(rs[b], cs[b]),
          Math.max(rs[a], cs[a])));
      java.util.Arrays.sort(order, 0, keep);
    }
    double otherR = 0;
    double otherC = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (k < keep) {
        labels.add(shorten(h.bins().get(i).label()));
        ref.add(100 * nz(rs[i]));
        cur.add(100 * nz(cs[i]));
      } else {
        otherR += nz(rs[i]);
        otherC += nz(cs[i]);
      }
    }
    if (n > keep) {
      labels.add("other (" + (n - keep) + ")");
      ref.add(100 * otherR);
      cur.add(100 * otherC);
    }
    CategoryChart c = new CategoryChartBuilder().width(520).height(320).title(title)
        .yAxisTitle("% of rows").build();
    style(c.getStyler());
    c.getStyler().setSeriesColors(new Color[] {REFERENCE, CURRENT});
    c.getStyler().setXAxisLabelRotation(labels.size() > 8 ? 45 : 0);
    c.getStyler().setOverlapped(false).setAvailableSpaceFill(0.85);
    c.addSeries("reference", labels, ref);
    c.addSeries("current", labels, cur);
    return Png.encode(BitmapEncoder.getBufferedImage(c));
  }

  /**
   * Lines over months, one per series; NaN values leave gaps. {@code lower}/{@code upper} draw a
   * band around the second series when given (an estimate's interval).
   */
  static byte[] trend(String title, String yTitle, List<String> months, List<String> names,
      List<double[]> series) {
    XYChart c = new XYChartBuilder().width(520).height(320).title(title).xAxisTitle("month")
        .yAxisTitle(yTitle).build();
    style(c.getStyler());
    c.getStyler().setXAxisDecimalPattern("0").setXAxisTickMarkSpacingHint(80)
        .setYAxisDecimalPattern("0.0##");
    c.setCustomXAxisTickLabelsFormatter(x -> {
      int i = (int) Math.round(x) - 1;
      return i >= 0 && i < months.size() && Math.abs(x - (i + 1)) < 1e-9 ? months.get(i) : "";
    });
    double[] x = new double[months.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    for (int s = 0; s < names.size(); s++) {
      double[] y = series.get(s);
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (!Double.isNaN(y[i])) {
          xs.add(x[i]);
          ys.add(y[i]);
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries line = c.addSeries(names.get(s), xs, ys);
      line.setMarker(SeriesMarkers.CIRCLE);
      line.setLineColor(LINES[s % LINES.length]);
      line.setMarkerColor(LINES[s % LINES.length]);
      line.setLineStyle(new BasicStroke(2f));
    }
    if (c.getSeriesMap().isEmpty()) {
      c.addSeries("no values", new double[] {1}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    }
    return Png.encode(BitmapEncoder.getBufferedImage(c));
  }

  /** Merges the ordered bins of a numeric histogram into {@link #MAX_BARS} adjacent groups. */
  private static DriftHistogram mergeAdjacent(DriftHistogram h) {
    int n = h.size();
    List<DriftHistogram.Bin> out = new ArrayList<>();
    for (int g = 0; g < MAX_BARS; g++) {
      int from = (int) ((long) g * n / MAX_BARS);
      int to = (int) ((long) (g + 1) * n / MAX_BARS);
      long r = 0;
      long c = 0;
      for (int i = from; i < to; i++) {
        r += h.bins().get(i).reference();
        c += h.bins().get(i).current();
      }
      double lo = h.bins().get(from).lower();
      double hi = h.bins().get(to - 1).upper();
      out.add(new DriftHistogram.Bin(Double.isInfinite(lo) ? "< " + fmt(hi) : fmt(lo), lo, hi, r,
          c));
    }
    return new DriftHistogram(out);
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 1000 || v == Math.rint(v)
        ? String.format(java.util.Locale.ROOT, "%.0f", v)
        : String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  private static double nz(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static String shorten(String s) {
    return s.length() <= 18 ? s : s.substring(0, 17) + "\u2026";
  }

  private static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
        .setPlotBorderVisible(false).setChartTitleBoxVisible(false)
        .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13))
        .setLegendPosition(Styler.LegendPosition.OutsideS)
        .setLegendLayout(Styler.LegendLayout.Horizontal).setLegendBorderColor(Color.WHITE)
        .setAntiAlias(true);
    if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
      a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10))
          .setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
          .setPlotGridLinesColor(new Color(0xee, 0xf0, 0xf3));
    }
  }
}
