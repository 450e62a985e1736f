package dev.churn.drift.report;

import dev.churn.drift.monitor.Flag;
import dev.churn.drift.policy.Action;
import java.util.Base64;
import java.util.Locale;

/** HTML helpers shared by the reports: escaping, numbers, badges, the page frame. */
final class Html {
  private Html() {}

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "&ndash;";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e6)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String pct(double share) {
    return Double.isNaN(share) ? "&ndash;" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  static String flag(Flag f) {
    return "<span class=\"flag " + f.name().toLowerCase(Locale.ROOT) + "\">" + f + "</span>";
  }

  static String action(Action a) {
    String cls = switch (a) {
      case NONE -> "green";
      case WATCH -> "yellow";
      case RETRAIN -> "orange";
      case REEXPERIMENT -> "red";
    };
    return "<span class=\"flag " + cls + "\">" + a + "</span>";
  }

  static String img(byte[] png, String alt) {
    return "<img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png) + "\">";
  }

  static void open(StringBuilder h, String title) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
  }

  static void close(StringBuilder h) {
    h.append("</main>\n</body>\n</html>\n");
  }

  static void stat(StringBuilder h, String label, String value, String note) {
    h.append("<div class=\"stat\"><div class=\"label\">").append(esc(label))
        .append("</div><div class=\"value\">").append(value).append("</div>");
    if (!note.isEmpty()) {
      h.append("<div class=\"note\">").append(note).append("</div>");
    }
    h.append("</div>\n");
  }

  private static final String CSS = """
      body { margin: 0; background: #f6f7f9; color: #1d2330;
        font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      main { max-width: 1100px; margin: 0 auto; padding: 24px; }
      h1 { margin: 0 0 4px; font-size: 24px; font-weight: 600; }
      h2 { font-size: 17px; margin: 28px 0 10px; font-weight: 600; }
      h3 { font-size: 14px; margin: 0 0 6px; font-weight: 600; word-break: break-all; }
      .sub { color: #5b6475; margin-bottom: 18px; }
      .stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
        gap: 10px; }
      .stat { background: #fff; border: 1px solid #e1e4ea; border-radius: 8px; padding: 10px 14px; }
      .stat .label { color: #5b6475; font-size: 12px; text-transform: uppercase;
        letter-spacing: .03em; }
      .stat .value { font-size: 22px; font-weight: 600; }
      .stat .note { color: #5b6475; font-size: 12px; }
      ul.reasons { background: #fff; border: 1px solid #e1e4ea; border-radius: 8px;
        padding: 10px 28px; margin: 10px 0 0; }
      table { border-collapse: collapse; width: 100%; background: #fff;
        border: 1px solid #e1e4ea; border-radius: 8px; overflow: hidden; }
      th, td { padding: 6px 10px; border-bottom: 1px solid #eef0f3; text-align: left; }
      th { background: #fafbfc; font-size: 12px; font-weight: 600; color: #5b6475; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      tr.drifted td { background: #fff6f5; }
      .flag { display: inline-block; font-size: 11px; font-weight: 700; padding: 2px 8px;
        border-radius: 10px; letter-spacing: .03em; }
      .flag.green { background: #e3f4e8; color: #1e7b3a; }
      .flag.yellow { background: #fff4cc; color: #8a6500; }
      .flag.orange { background: #ffe6cc; color: #a04d00; }
      .flag.red { background: #fde2e0; color: #b3261e; }
      .flag.unrated { background: #eceef2; color: #5b6475; }
      .value .flag { font-size: 16px; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr));
        gap: 12px; }
      .chart { background: #fff; border: 1px solid #e1e4ea; border-radius: 8px; padding: 10px; }
      .chart img { width: 100%; height: auto; display: block; }
      .muted { color: #5b6475; }
      """;
}
