package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.core.ChurnException;
import dev.churn.core.io.Csv;
import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.table.Table;
import dev.churn.drift.ColumnDrift;
import dev.churn.drift.DriftDetector;
import dev.churn.drift.DriftResult;
import dev.churn.drift.DriftTest;
import dev.churn.drift.PValueCorrection;
import dev.churn.drift.ReferenceProfile;
import dev.churn.drift.report.DriftReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churn drift}: the data drift of one CSV (this month) against another (the reference,
 * e.g. the training data): a test per column, the share of drifted columns, the deviation and the
 * action of the default retrain policy.
 *
 * <pre>
 * churn drift --reference train.csv --current april.csv
 * churn drift --reference train.csv --current april.csv --test psi --json
 * churn drift --reference train.csv --current april.csv --html drift.html --score churn_probability
 * </pre>
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Compare a CSV with a reference CSV for data drift: one test per column (by default KS,"
          + " chi-square or the z-test for references of at most 1,000 rows, the normalized"
          + " Wasserstein or Jensen-Shannon distance for larger ones), the share of drifted"
          + " columns, dataset drift, the deviation and the action it calls for.",
      "The current file is read with the reference's column types.",
      ""
    })
public final class DriftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--reference", required = true, paramLabel = "FILE",
      description = "The reference CSV (e.g. the training data); types are inferred from it.")
  Path reference;

  @Option(names = "--current", required = true, paramLabel = "FILE",
      description = "The CSV to test (e.g. this month's data), with the reference's columns.")
  Path current;

  @Option(names = "--test", paramLabel = "TEST", defaultValue = "auto",
      description = "auto, ks, chi2, z, wasserstein, jensenshannon or psi: the test for every"
          + " column it applies to (default: ${DEFAULT-VALUE}, chosen per column).")
  String test;

  @Option(names = "--columns", paramLabel = "COLS", split = ",",
      description = "Columns to test (default: all but the score and label columns).")
  List<String> columns;

  @Option(names = "--score", paramLabel = "COL",
      description = "The model's score column: tested for prediction drift, not a feature.")
  String score;

  @Option(names = "--label", paramLabel = "COL",
      description = "The label column: tested for label drift when the current file has it.")
  String label;

  @Option(names = "--correction", paramLabel = "C", defaultValue = "none",
      description = "P-value correction over the columns: none, bonferroni or"
          + " benjamini-hochberg (default: ${DEFAULT-VALUE}).")
  String correction;

  @Option(names = "--dataset-drift-share", paramLabel = "S", defaultValue = "0.5",
      description = "Share of drifted columns at which the dataset drifted"
          + " (default: ${DEFAULT-VALUE}).")
  double datasetShare;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write a self-contained HTML report with histograms of the most drifted"
          + " columns (missing folders are created).")
  Path html;

  /** Creates the command; picocli fills in its fields. */
  public DriftCommand() {}

  @Override
  public Integer call() {
    DriftTest forced;
    PValueCorrection corr;
    try {
      forced = DriftTest.parse(test);
      corr = switch (correction.toLowerCase(Locale.ROOT).replace('_', '-')) {
        case "none" -> PValueCorrection.NONE;
        case "bonferroni" -> PValueCorrection.BONFERRONI;
        case "benjamini-hochberg", "bh" -> PValueCorrection.BENJAMINI_HOCHBERG;
        default -> throw new IllegalArgumentException("--correction was '" + correction
            + "' but it must be none, bonferroni or benjamini-hochberg");
      };
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    checkInput(reference, "--reference");
    checkInput(current, "--current");
    if (html != null && Files.isDirectory(html)) {
      throw new ChurnException(html + " is a directory; --html needs a file name");
    }
    long t0 = System.nanoTime();
    DriftResult result;
    long t1;
    long t2;
    try (BufferAllocator allocator = new RootAllocator()) {
      ReferenceProfile profile;
      Csv.Reader refReader = Csv.reader(reference);
      var schema = refReader.inferSchema();
      try (Table ref = refReader.schema(schema).read(allocator)) {
        profile = ReferenceProfile.of(ref);
      }
      t1 = System.nanoTime();
      DriftDetector.Builder b = DriftDetector.builder(profile).defaultTest(forced)
          .correction(corr).datasetDriftShare(datasetShare);
      if (columns != null) {
        b.columns(columns);
      }
      if (score != null) {
        b.predictionColumn(score);
      }
      if (label != null) {
        b.labelColumn(label);
      }
      DriftDetector detector = b.build();
      try (Table cur = Csv.reader(current).schema(schema.select(presentColumns(schema)))
          .read(allocator)) {
        result = detector.detect(cur);
      }
      t2 = System.nanoTime();
    }
    DriftReport report = DriftReport.builder(result)
        .title("Drift of " + current.getFileName() + " against " + reference.getFileName())
        .build();
    if (html != null) {
      Path parent = html.toAbsolutePath().getParent();
      try {
        Files.createDirectories(parent);
      } catch (java.io.IOException e) {
        throw new ChurnException("cannot create " + parent + ": " + e.getMessage(), e);
      }
      AtomicFiles.writeString(html, report.toHtml());
    }
    long t3 = System.nanoTime();
    output.print(spec, new Report(report, html == null ? null : html.toString(),
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
    return 0;
  }

  /** The reference's columns that the current file's header has, in the reference's order. */
  private List<String> presentColumns(dev.churn.core.table.Schema schema) {
    List<String> header = Csv.reader(current).inferenceRows(1).inferSchema().names();
    return schema.names().stream().filter(header::contains).toList();
  }

  private static void checkInput(Path file, String option) {
    if (!Files.exists(file)) {
      throw new ChurnException("no such file: " + file + " (check the " + option + " path)");
    }
    if (Files.isDirectory(file)) {
      throw new ChurnException(file + " is a directory; " + option + " needs a CSV file");
    }
  }

  /** The drift report for the CLI. */
  record Report(DriftReport report, String html, double profileSeconds, double detectSeconds,
      double reportSeconds) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      var o = report.toJsonTree();
      if (html != null) {
        o.put("html", html);
      }
      var s = o.putObject("seconds");
      s.put("profile", profileSeconds);
      s.put("detect", detectSeconds);
      s.put("report", reportSeconds);
      return o;
    }

    @Override
    public void printText(PrintWriter out) {
      DriftResult r = report.result();
      out.printf(Locale.ROOT, "%s: %,d current rows, reference %,d rows%n", report.title(),
          r.currentRows(), r.referenceRows());
      TextTable t = new TextTable("column", "test", "statistic", "p-value", "threshold",
          "deviation", "drifted").alignRight(2, 3, 4, 5);
      for (ColumnDrift c : report.sortedColumns()) {
        t.row(c.name(), c.test().id() + (c.approximate() ? "*" : ""), f(c.statistic()),
            c.adjustedPValue().isPresent() ? f(c.adjustedPValue().getAsDouble()) : "-",
            f(c.threshold()), String.format(Locale.ROOT, "%.1f%%", 100 * report.columnDeviation(c)),
            c.problem().isPresent() ? "yes (" + c.problem().get() + ")"
                : c.drifted() ? "yes" : "no");
      }
      t.print(out);
      r.predictionDrift().ifPresent(p -> out.printf(Locale.ROOT,
          "prediction drift (%s): %s = %s, %s%n", p.name(), p.test().id(), f(p.driftScore()),
          p.drifted() ? "drifted" : "no drift"));
      r.labelDrift().ifPresent(p -> out.printf(Locale.ROOT, "label drift (%s): %s = %s, %s%n",
          p.name(), p.test().id(), f(p.driftScore()), p.drifted() ? "drifted" : "no drift"));
      out.printf(Locale.ROOT, "drifted columns: %d of %d (%.1f%%), dataset drift: %s,"
          + " deviation %.1f%%%n", r.driftedColumns(), r.columns().size(), 100 * r.driftShare(),
          r.datasetDrift() ? "yes" : "no", 100 * report.deviation().value());
      out.println("action: " + report.decision().summary());
      if (html != null) {
        out.println("report: " + html);
      }
    }

    private static String f(double v) {
      if (Double.isNaN(v)) {
        return "-";
      }
      return Math.abs(v) != 0 && Math.abs(v) < 1e-4
          ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.4f", v);
    }
  }
}
