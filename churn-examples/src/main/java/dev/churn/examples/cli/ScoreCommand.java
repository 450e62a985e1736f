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
import dev.churn.models.registry.LoadedModel;
import dev.churn.models.registry.ModelRegistry;
import dev.churn.models.registry.ModelVersion;
import dev.churn.models.registry.Stage;
import dev.churn.models.registry.VersionNotFoundException;
import java.io.BufferedOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * {@code churn score}: batch-scores a CSV with a registered model version or a model package:
 * churn probability, risk bucket A/B/C, the retention action with its expected value, and the
 * top reasons per customer.
 *
 * <pre>
 * churn score --home churn-home --model churn --csv customers.csv --out scores.csv
 * churn score --home churn-home --model churn --alias challenger --csv customers.csv --out s.csv
 * churn score --package churn.model --csv customers.csv --out scores.csv
 * </pre>
 *
 * <p>From the registry the version is the one in PRODUCTION unless {@code --stage}, {@code
 * --version} or {@code --alias} says otherwise. {@code --version} is the model version here; the
 * tool's version is {@code churn --version}.
 */
@Command(
    name = "score",
    description = {
      "Score a CSV with a registered model (default: the version in PRODUCTION; or --stage,"
          + " --version, --alias) or a model package file: per row the calibrated churn"
          + " probability, whether it is above the model's threshold, the risk bucket (A very"
          + " likely to churn, B on the fence, C likely to stay), the proposed action (call /"
          + " discount / thank-you email, the offer with the best expected retained value) and"
          + " the top reasons.",
      ""
    })
public final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
  boolean help;

  @Option(names = "--package", paramLabel = "FILE",
      description = "A model package written by 'churn train --out' (instead of --home/--model).")
  Path modelFile;

  @Option(names = "--home", paramLabel = "DIR",
      description = "The churn home whose registry holds --model.")
  Path home;

  @Option(names = "--model", paramLabel = "NAME",
      description = "The registered model to score with (needs --home).")
  String modelName;

  @Option(names = "--stage", paramLabel = "STAGE", converter = RegistryHome.StageConverter.class,
      description = "Use the version in this stage: none, staging, production (the default) or"
          + " archived, any case; for stages holding several versions, the latest.")
  Stage stage;

  @Option(names = "--version", paramLabel = "N",
      description = "Use this version number instead of a stage.")
  Integer version;

  @Option(names = "--alias", paramLabel = "A",
      description = "Use the version this alias points at instead of a stage.")
  String alias;

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
    checkModelChoice();
    if (!Files.isRegularFile(csv)) {
      throw new ChurnException("no such file: " + csv + " (check the --csv path)");
    }
    if (reasons < 0) {
      throw new ParameterException(spec.commandLine(), "--reasons must be >= 0");
    }
    RiskBuckets buckets = buckets();
    long t0 = System.nanoTime();
    Source source = loadModel();
    ChurnModel model = source.model();
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
      output.print(spec, new Report(source, table.rowCount(), (System.nanoTime() - t0) / 1e9,
          scoreSeconds, counts, plan, out));
    }
    return 0;
  }

  /** Which model scored: a package file, or a registered version. */
  record Source(ChurnModel model, String name, ModelVersion version) {}

  /** Fails with a usage error unless exactly one way of choosing the model is given. */
  private void checkModelChoice() {
    if (modelFile != null && (modelName != null || home != null)) {
      throw new ParameterException(spec.commandLine(),
          "use either --package FILE or --home DIR --model NAME, not both");
    }
    if (modelFile == null && modelName == null) {
      throw new ParameterException(spec.commandLine(), "say which model scores: --home DIR"
          + " --model NAME (the version in PRODUCTION, or --stage/--version/--alias), or"
          + " --package FILE");
    }
    int choices = (stage != null ? 1 : 0) + (version != null ? 1 : 0) + (alias != null ? 1 : 0);
    if (modelFile != null && choices > 0) {
      throw new ParameterException(spec.commandLine(),
          "--stage, --version and --alias choose a registered version; use them with --home DIR"
              + " --model NAME, not with --package");
    }
    if (modelName != null && home == null) {
      throw new ParameterException(spec.commandLine(),
          "--model needs --home DIR, the churn home whose registry holds the model");
    }
    if (choices > 1) {
      throw new ParameterException(spec.commandLine(),
          "give at most one of --stage, --version and --alias");
    }
  }

  private Source loadModel() {
    if (modelFile != null) {
      return new Source(ChurnModel.load(modelFile), modelFile.toString(), null);
    }
    try (ModelRegistry registry = RegistryHome.openExisting(home, null)) {
      LoadedModel loaded;
      try {
        if (version != null) {
          loaded = registry.load(modelName, version);
        } else if (alias != null) {
          loaded = registry.load(modelName, alias);
        } else {
          loaded = registry.load(modelName, stage != null ? stage : Stage.PRODUCTION);
        }
      } catch (VersionNotFoundException e) {
        if (version != null || alias != null) {
          throw e;
        }
        Stage s = stage != null ? stage : Stage.PRODUCTION;
        throw new ChurnException(e.getMessage() + "; move a version there with 'churn registry"
            + " transition --home " + home + " --model " + modelName + " --version N --stage "
            + s.name().toLowerCase(Locale.ROOT) + "', or choose one with --stage, --version or"
            + " --alias", e);
      }
      return new Source(loaded.model(), modelName, loaded.version());
    }
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

  record Report(Source source, int rows, double seconds, double scoreSeconds,
      Map<String, Integer> buckets, RetentionPlan plan, Path out) implements CliReport {
    @Override
    public JsonNode toJson(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("model", source.name());
      if (source.version() != null) {
        o.put("version", source.version().number());
        o.put("stage", source.version().stage().name());
      } else {
        o.putNull("version");
        o.putNull("stage");
      }
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
      w.printf("%,d customers scored in %.2f s (model %.2f s) with %s; scores in %s%n", rows,
          seconds, scoreSeconds, source.version() == null ? source.name()
              : source.name() + " v" + source.version().number() + " ("
                  + source.version().stage() + ")", out);
      w.println(plan.toText());
    }
  }
}
