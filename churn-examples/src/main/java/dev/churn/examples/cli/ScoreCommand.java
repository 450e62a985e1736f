package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.ChurnException;
import dev.churn.core.io.Csv;
import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import dev.churn.models.ChurnModel;
import dev.churn.models.Reason;
import dev.churn.models.actions.Bucket;
import dev.churn.models.actions.Plan;
import dev.churn.models.actions.RetentionPlan;
import dev.churn.models.actions.RetentionPlanner;
import dev.churn.models.actions.RiskBuckets;
import java.io.BufferedOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code churn score}: batch-scores a CSV with a model package: churn probability, risk bucket
 * A/B/C, the retention action with its expected value, and the top reasons per customer.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    versionProvider = ChurnCli.Version.class,
    description = {
      "Score a CSV with a model package: per row the calibrated churn probability, whether it"
          + " is above the model's threshold, the risk bucket (A very likely to churn, B on the"
          + " fence, C likely to stay), the proposed action (call / discount / thank-you email,"
          + " the offer with the best expected retained value) and the top reasons.",
      ""
    })
public final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--package", required = true, paramLabel = "FILE",
      description = "The model package written by 'churn train'.")
  Path modelFile;

  @Option(names = "--csv", required = true, paramLabel = "FILE",
      description = "Customers to score, with the model's input columns.")
  Path csv;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Where to write the scores (CSV, replaced atomically).")
  Path out;

  @Option(names = "--id", paramLabel = "COL",
      description = "The customer id column copied to the output (default: the first ID"
          + " column, else the row number).")
  String idColumn;

  @Option(names = "--reasons", paramLabel = "K", defaultValue = "3",
      description = "Reasons per customer (default: ${DEFAULT-VALUE}).")
  int reasons;

  @Option(names = "--a-cut", paramLabel = "P", description = "Bucket A from this probability"
      + " (default 0.5; or use --a-share).")
  Double aCut;

  @Option(names = "--b-cut", paramLabel = "P", description = "Bucket B from this probability"
      + " (default 0.2; or use --b-share).")
  Double bCut;

  @Option(names = "--a-share", paramLabel = "S",
      description = "Bucket A is the riskiest share S of customers (e.g. 0.1).")
  Double aShare;

  @Option(names = "--b-share", paramLabel = "S",
      description = "Bucket B is the next share S of customers (e.g. 0.2).")
  Double bShare;

  /** Creates the command; picocli fills in its fields. */
  public ScoreCommand() {}

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(csv)) {
      throw new ChurnException("no such file: " + csv + " (check the --csv path)");
    }
    if (reasons < 0) {
      throw new ParameterException(spec.commandLine(), "--reasons must be >= 0");
    }
    RiskBuckets buckets = buckets();
    long t0 = System.nanoTime();
    ChurnModel model = ChurnModel.load(modelFile);
    try (BufferAllocator allocator = new RootAllocator();
        Table table = Csv.reader(csv).schema(schemaFor(model)).read(allocator)) {
      long t1 = System.nanoTime();
      double[] p = model.predict(table);
      List<List<Reason>> why = reasons > 0 ? model.explain(table, reasons) : List.of();
      List<String> ids = ids(table);
      RetentionPlan plan = RetentionPlanner.builder().buckets(buckets).build().plan(ids, p);
      double scoreSeconds = (System.nanoTime() - t1) / 1e9;
      writeScores(allocator, model, plan, p, why);
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Bucket b : Bucket.values()) {
        counts.put(b.name(), plan.assignment().count(b));
      }
      output.print(spec, new Report(table.rowCount(), (System.nanoTime() - t0) / 1e9,
          scoreSeconds, counts, plan, out));
    }
    return 0;
  }

  private RiskBuckets buckets() {
    boolean shares = aShare != null || bShare != null;
    boolean cuts = aCut != null || bCut != null;
    if (shares && cuts) {
      throw new ParameterException(spec.commandLine(),
          "use either --a-cut/--b-cut or --a-share/--b-share, not both");
    }
    try {
      if (shares) {
        return RiskBuckets.byShare(aShare == null ? 0.1 : aShare, bShare == null ? 0.2 : bShare);
      }
      return RiskBuckets.byProbability(aCut == null ? RiskBuckets.DEFAULT_A_CUT : aCut,
          bCut == null ? RiskBuckets.DEFAULT_B_CUT : bCut);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The file's columns with the model's inputs forced to the types the model was trained on. */
  private Schema schemaFor(ChurnModel model) {
    Schema inferred = Csv.reader(csv).inferSchema();
    List<ColumnSpec> cols = new ArrayList<>();
    for (ColumnSpec c : inferred.columns()) {
      ColumnSpec s = c;
      for (ChurnModel.Input in : model.signature()) {
        if (in.name().equals(c.name())) {
          s = c.withType(in.type());
        }
      }
      cols.add(s);
    }
    return Schema.of(cols);
  }

  private List<String> ids(Table table) {
    String col = idColumn;
    if (col == null) {
      col = table.schema().columns().stream().filter(c -> c.type() == ColumnType.ID)
          .map(ColumnSpec::name).findFirst().orElse(null);
    }
    List<String> ids = new ArrayList<>(table.rowCount());
    for (int r = 0; r < table.rowCount(); r++) {
      ids.add(col == null ? Integer.toString(r + 1) : table.column(col).format(r));
    }
    return ids;
  }

  private void writeScores(BufferAllocator allocator, ChurnModel model, RetentionPlan plan,
      double[] p, List<List<Reason>> why) throws Exception {
    int n = p.length;
    String[] id = new String[n];
    Boolean[] predicted = new Boolean[n];
    String[] bucket = new String[n];
    String[] action = new String[n];
    String[] offer = new String[n];
    double[] gain = new double[n];
    String[] note = new String[n];
    String[][] reason = new String[reasons][n];
    for (int i = 0; i < n; i++) {
      Plan pl = plan.plans().get(i);
      id[i] = pl.id();
      predicted[i] = p[i] >= model.threshold();
      bucket[i] = pl.bucket().name();
      action[i] = pl.action().label();
      offer[i] = pl.offer().map(o -> o.name()).orElse("");
      gain[i] = pl.expectedGain();
      note[i] = pl.reason();
      for (int k = 0; k < reasons; k++) {
        List<Reason> r = why.get(i);
        reason[k][i] = k < r.size() ? r.get(k).toString() : null;
      }
    }
    var b = Table.builder(allocator).id("id", id).numeric("churn_probability", p.clone())
        .bool("predicted_churn", predicted).categorical("bucket", bucket)
        .categorical("action", action).categorical("offer", offer)
        .numeric("expected_gain", gain).id("plan", note);
    for (int k = 0; k < reasons; k++) {
      b.id("reason_" + (k + 1), reason[k]);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Table scores = b.build()) {
      AtomicFiles.write(out, os -> {
        BufferedOutputStream buffered = new BufferedOutputStream(os, 1 << 16);
        Csv.write(scores, buffered);
        buffered.flush();
      });
    }
  }

  record Report(int rows, double seconds, double scoreSeconds, Map<String, Integer> buckets,
      RetentionPlan plan, Path out) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("rows", rows);
      o.put("seconds", seconds);
      o.put("score_seconds", scoreSeconds);
      ObjectNode b = o.putObject("buckets");
      buckets.forEach(b::put);
      o.put("expected_churners", plan.totals().expectedChurners());
      o.put("expected_value_saved", plan.totals().expectedValueSaved());
      o.put("out", out.toString());
      return o;
    }

    @Override
    public void printText(PrintWriter w) {
      w.printf("%,d customers scored in %.2f s (model %.2f s); scores in %s%n", rows, seconds,
          scoreSeconds, out);
      w.println(plan.toText());
    }
  }
}
