package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.ChurnException;
import dev.churn.core.io.Csv;
import dev.churn.core.storage.AtomicFiles;
import dev.churn.features.FeatureStore;
import dev.churn.features.kkbox.CleaningReport;
import dev.churn.features.kkbox.KkboxFeatures;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churn features}: the default KKBox feature set as of a date, one row per member with
 * {@code msno} first, written as CSV.
 *
 * <pre>
 * churn features --members members.csv --transactions transactions.csv \
 *     --user-logs user_logs.csv --asof 2017-03-01 --out features.csv
 * </pre>
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Build the default KKBox feature set as of a date from the members, transactions and"
          + " user_logs tables (dates as yyyyMMdd), one row per member, msno first.",
      "Windows end the day before --asof: 'the last 30 days' are [asof - 30 days, asof).",
      ""
    })
public final class FeaturesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--members", required = true, paramLabel = "FILE",
      description = "members.csv: msno,city,bd,gender,registered_via,registration_init_time")
  Path members;

  @Option(names = "--transactions", required = true, paramLabel = "FILE",
      description = "transactions.csv: msno,payment_method_id,payment_plan_days,plan_list_price,"
          + "actual_amount_paid,is_auto_renew,transaction_date,membership_expire_date,is_cancel")
  Path transactions;

  @Option(names = "--user-logs", required = true, paramLabel = "FILE",
      description = "user_logs.csv: msno,date,num_25,num_50,num_75,num_985,num_100,num_unq,"
          + "total_secs (streamed; may be larger than memory)")
  Path userLogs;

  @Option(names = "--asof", required = true, paramLabel = "DATE",
      description = "The as-of date, ISO (2017-03-01): only data before it is used.")
  LocalDate asOf;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The CSV file to write (replaced atomically).")
  Path out;

  @Option(names = "--home", paramLabel = "DIR",
      description = "Keep the feature store (partitions, catalog, statistics) in DIR/features;"
          + " by default a temporary store is used and removed.")
  Path home;

  /** Creates the command; picocli fills in its fields. */
  public FeaturesCommand() {}

  @Override
  public Integer call() throws IOException {
    for (Path p : List.of(members, transactions, userLogs)) {
      if (!Files.isRegularFile(p)) {
        throw new ChurnException("no such file: " + p);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    Path storeHome = home != null ? home : Files.createTempDirectory("churn-features");
    try (FeatureStore store = FeatureStore.builder().home(storeHome)
            .progress(line -> { }).open();
        KkboxFeatures.Result r = KkboxFeatures.builder().members(members)
            .transactions(transactions).userLogs(userLogs)
            .progress(line -> {
              err.println("  " + line);
              err.flush();
            })
            .build().compute(store, asOf)) {
      long t = System.nanoTime();
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AtomicFiles.write(out, os -> {
        BufferedOutputStream buffered = new BufferedOutputStream(os, 1 << 16);
        Csv.write(r.features(), buffered);
        buffered.flush();
      });
      Map<String, Double> seconds = new LinkedHashMap<>(r.seconds());
      seconds.put("write", (System.nanoTime() - t) / 1e9);
      output.print(spec, new Report(out, r.features().rowCount(),
          r.features().schema().names(), seconds, r.cleaning()));
    } finally {
      if (home == null) {
        deleteTree(storeHome);
      }
    }
    return 0;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command's output. */
  record Report(Path out, int rows, List<String> columns, Map<String, Double> seconds,
      List<CleaningReport> cleaning) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("out", out.toString());
      o.put("rows", rows);
      o.put("columns", columns.size());
      columns.forEach(o.putArray("column_names")::add);
      ObjectNode s = o.putObject("seconds");
      seconds.forEach(s::put);
      ObjectNode c = o.putObject("cleaning");
      for (CleaningReport r : cleaning) {
        ObjectNode t = c.putObject(r.table().id());
        t.put("rows_read", r.rowsRead());
        t.put("rows_kept", r.rowsKept());
        ObjectNode rules = t.putObject("rules");
        r.counts().forEach((rule, n) -> {
          if (n > 0) {
            rules.put(rule.id(), n);
          }
        });
      }
      return o;
    }

    @Override
    public void printText(PrintWriter w) {
      w.printf("%,d members x %d columns written to %s%n", rows, columns.size(), out);
      TextTable t = new TextTable("stage", "seconds").alignRight(1);
      seconds.forEach((k, v) -> t.row(k, String.format("%.2f", v)));
      t.print(w);
      for (CleaningReport r : cleaning) {
        w.println(r.format());
      }
    }
  }
}
