package dev.churn.examples.cli;

import dev.churn.core.ChurnException;
import dev.churn.core.io.Csv;
import dev.churn.core.profile.DataProfile;
import dev.churn.core.table.Table;
import dev.churn.examples.report.ProfileHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.SplittableRandom;
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
 * {@code churn profile}: the data profile of a CSV file (types, missing values, distributions,
 * warnings), as a table, as JSON or as a self-contained HTML page.
 *
 * <pre>
 * churn profile --csv customers.csv
 * churn profile --csv customers.csv --json
 * churn profile --csv customers.csv --html profile.html --sample-rows 100000
 * </pre>
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Profile a CSV file: types, missing values, distributions and warnings.",
      "",
      "Per column: the inferred type, missing and distinct values, statistics and a histogram"
          + " or the top categories. Warnings: constant, mostly missing or ID-like columns, high"
          + " cardinality, outliers (Tukey's far-out fences), imbalance, duplicate rows.",
      ""
    })
public final class ProfileCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = "--csv",
      required = true,
      paramLabel = "FILE",
      description = "The CSV file (header line, comma-separated, UTF-8); types are inferred.")
  Path csv;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write a self-contained HTML report with a chart per column (missing folders"
              + " are created).")
  Path html;

  @Option(
      names = "--sample-rows",
      paramLabel = "N",
      description = "Profile a random sample of N rows (the whole file is still read).")
  Integer sampleRows;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "The seed of the random sample (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Creates the command; picocli fills in its fields. */
  public ProfileCommand() {}

  @Override
  public Integer call() {
    if (sampleRows != null && sampleRows < 1) {
      throw new ParameterException(
          spec.commandLine(), "--sample-rows was " + sampleRows + " but it must be at least 1");
    }
    checkInput(csv);
    if (html != null) {
      checkOutput(html);
      ProfileHtml.warmUpAsync(); // AWT and XChart start up while the CSV is read
    }
    long t0 = System.nanoTime();
    DataProfile profile;
    int fileRows;
    long t1;
    try (BufferAllocator allocator = new RootAllocator();
        Table table = Csv.reader(csv).read(allocator)) {
      fileRows = table.rowCount();
      t1 = System.nanoTime();
      if (sampleRows != null && sampleRows < fileRows) {
        try (Table sample = table.filter(sample(fileRows, sampleRows, seed))) {
          profile = DataProfile.of(sample);
        }
      } else {
        profile = DataProfile.of(table);
      }
    }
    long t2 = System.nanoTime();
    if (html != null) {
      ProfileHtml.write(
          profile, new ProfileHtml.Meta(csv.getFileName().toString(), fileRows, Instant.now()),
          html);
    }
    long t3 = System.nanoTime();
    ProfileReport report =
        new ProfileReport(
            csv.toString(), fileRows, profile, html == null ? null : html.toString(),
            new ProfileReport.Seconds((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
    output.print(spec, report);
    return 0;
  }

  private static void checkInput(Path file) {
    if (!Files.exists(file)) {
      throw new ChurnException("no such file: " + file + " (check the --csv path)");
    }
    if (Files.isDirectory(file)) {
      throw new ChurnException(file + " is a directory; --csv needs a CSV file");
    }
    if (!Files.isReadable(file)) {
      throw new ChurnException("cannot read " + file + ": permission denied");
    }
  }

  /** Fails early, before the CSV is read, when the report cannot be written; makes folders. */
  private static void checkOutput(Path file) {
    if (Files.isDirectory(file)) {
      throw new ChurnException(file + " is a directory; --html needs a file name");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new ChurnException(
            "cannot write " + file + ": cannot create the folder " + parent + " ("
                + CliErrors.message(e) + ")",
            e);
      }
    }
  }

  /** Chooses {@code k} of {@code n} rows uniformly at random (Floyd's algorithm). */
  static BitSet sample(int n, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    BitSet chosen = new BitSet(n);
    for (int j = n - k; j < n; j++) {
      int t = random.nextInt(j + 1);
      chosen.set(chosen.get(t) ? j : t);
    }
    return chosen;
  }
}
