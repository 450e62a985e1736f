package dev.churn.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.churn.core.ChurnException;
import dev.churn.core.provenance.Provenance;
import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import dev.churn.models.eval.Calibrator;
import dev.churn.models.eval.ImportanceReport;
import dev.churn.models.eval.PermutationImportance;
import dev.churn.models.eval.Scoring;
import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.Params;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained churn model ready to score: the fitted backend model together with its
 * preprocessing, its probability calibration, its decision threshold, the input signature it
 * expects, its cross-validated metrics and its provenance. This is what is saved, registered and
 * loaded.
 *
 * <pre>{@code
 * ChurnModel model = Trainer.on(table).label("churn", "yes").fit().model();
 * double[] p = model.predict(newCustomers);            // calibrated churn probabilities
 * List<List<Reason>> why = model.explain(newCustomers, 3);
 * String sha = model.save(Path.of("churn.model"));
 * ChurnModel again = ChurnModel.load(Path.of("churn.model"));
 * }</pre>
 *
 * <h2>Package format</h2>
 *
 * A zip with {@code manifest.json} (format version, label, backend, parameters, threshold,
 * metrics, signature, provenance, and the SHA-256 of every other entry), {@code
 * preprocess.json}, {@code calibration.json} and {@code model.bin} (the backend's bytes). Saving
 * writes the file atomically and a {@code <file>.sha256} beside it; loading verifies both the
 * file and every entry, and refuses a package that does not match.
 */
public final class ChurnModel {
  /** The package format version written; loading rejects others. */
  public static final int FORMAT = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One input column the model expects.
   *
   * @param name the column name
   * @param type the column type
   * @param categories the categories seen in training (categorical columns)
   */
  public record Input(String name, ColumnType type, List<String> categories) {
    /** Checks and copies the fields. */
    public Input {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      categories = List.copyOf(categories);
    }
  }

  private final String label;
  private final String positive;
  private final List<Input> signature;
  private final Preprocessor preprocessor;
  private final ModelBackend backend;
  private final Params params;
  private final FittedModel model;
  private final Optional<Calibrator> calibration;
  private final double[] baseline;
  private final double threshold;
  private final Map<String, Double> metrics;
  private final Provenance provenance;

  ChurnModel(String label, String positive, List<Input> signature, Preprocessor preprocessor,
      ModelBackend backend, Params params, FittedModel model, Optional<Calibrator> calibration,
      double[] baseline, double threshold, Map<String, Double> metrics, Provenance provenance) {
    this.label = label;
    this.positive = positive;
    this.signature = List.copyOf(signature);
    this.preprocessor = preprocessor;
    this.backend = backend;
    this.params = params;
    this.model = model;
    this.calibration = calibration;
    this.baseline = baseline.clone();
    this.threshold = threshold;
    this.metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    this.provenance = provenance;
  }

  /** Returns the label column the model predicts. */
  public String label() {
    return label;
  }

  /** Returns the label value that counts as churn (the positive class). */
  public String positive() {
    return positive;
  }

  /** Returns the input columns the model expects, with their types and categories. */
  public List<Input> signature() {
    return signature;
  }

  /** Returns the backend id. */
  public String backend() {
    return backend.id();
  }

  /** Returns the backend parameters. */
  public Params params() {
    return params;
  }

  /** Returns the calibration applied to the backend's probabilities, if any. */
  public Optional<Calibrator> calibration() {
    return calibration;
  }

  private double[] calibrate(double[] p) {
    return calibration.isPresent() ? calibration.get().apply(p) : p;
  }

  /** Returns the decision threshold on calibrated probabilities (predict churn at or above). */
  public double threshold() {
    return threshold;
  }

  /** Returns the cross-validated metrics recorded at training time. */
  public Map<String, Double> metrics() {
    return metrics;
  }

  /** Returns what produced the model. */
  public Provenance provenance() {
    return provenance;
  }

  /** Returns the backend's own importance per model column, if it has one. */
  public Map<String, Double> nativeImportance() {
    return model.nativeImportance();
  }

  /**
   * Returns the global importance of every input feature: the drop in ROC AUC when the
   * feature's values are shuffled across rows (permutation importance, averaged over {@code
   * repeats} shuffles), computed on the given labelled rows. Backend-independent; all model
   * columns made from one input (its one-hot columns) are shuffled together.
   *
   * @param table labelled rows, ideally not used for training
   * @param repeats shuffles per feature
   * @param seed the shuffle seed
   * @return one entry per input feature
   */
  public ImportanceReport importance(Table table, int repeats, long seed) {
    checkSignature(table);
    boolean[] y = labels(table);
    FeatureMatrix x = preprocessor.transform(table);
    return PermutationImportance.builder().scoring(Scoring.rocAuc()).repeats(repeats).seed(seed)
        .build().compute(x, y, model::predict, preprocessor.groups());
  }

  private boolean[] labels(Table table) {
    if (!table.schema().contains(label)) {
      throw new dev.churn.core.DataFormatException("table", -1, label, null,
          "the label column is missing; importance needs labelled rows");
    }
    return Trainer.labels(table, label, positive, "table");
  }

  /**
   * Returns the calibrated churn probability of every row.
   *
   * @param table rows with every input column of the {@link #signature()}
   * @throws dev.churn.core.DataFormatException naming a missing or mistyped column
   */
  public double[] predict(Table table) {
    checkSignature(table);
    return calibrate(model.predict(preprocessor.transform(table)));
  }

  /** Returns the uncalibrated backend probabilities of every row. */
  double[] predictRaw(FeatureMatrix x) {
    return model.predict(x);
  }

  /**
   * Returns the calibrated churn probability of one customer given as column name to value
   * (Number, Boolean, String, LocalDate; absent or null for missing).
   */
  public double predictOne(Map<String, ?> row) {
    Objects.requireNonNull(row, "row");
    double p = model.predictOne(preprocessor.transformRow(row));
    return calibration.isPresent() ? calibration.get().apply(p) : p;
  }

  /**
   * Returns, for every row, the top {@code k} features that raise its risk, with their values.
   *
   * @param table rows to explain
   * @param k how many reasons per row
   */
  public List<List<Reason>> explain(Table table, int k) {
    checkSignature(table);
    if (k < 0) {
      throw new IllegalArgumentException("k was " + k + " but it must be >= 0");
    }
    FeatureMatrix x = preprocessor.transform(table);
    double[][] c = Explainer.contributions(model, preprocessor, baseline, x);
    int[] rows = new int[table.rowCount()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return Explainer.top(c, preprocessor.inputs(), table, rows, k);
  }

  private void checkSignature(Table table) {
    Objects.requireNonNull(table, "table");
    List<String> missing = new ArrayList<>();
    for (Input in : signature) {
      if (!table.schema().contains(in.name())) {
        missing.add(in.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new dev.churn.core.DataFormatException("table to score", -1, missing.get(0), null,
          "the column is missing (missing: " + missing + "); the model needs "
              + signature.stream().map(Input::name).toList());
    }
    for (Input in : signature) {
      ColumnType actual = table.schema().column(in.name()).type();
      boolean ok = actual == in.type()
          || (in.type() == ColumnType.NUMERIC && actual == ColumnType.BOOLEAN);
      if (!ok) {
        throw new dev.churn.core.DataFormatException("table to score", -1, in.name(),
            in.type().toString(), "it is " + actual);
      }
    }
  }

  static List<Input> signatureOf(Table table, List<String> features) {
    List<Input> out = new ArrayList<>();
    for (String f : features) {
      var c = table.column(f);
      List<String> cats = c instanceof CategoricalColumn cc ? cc.dictionary().values() : List.of();
      out.add(new Input(f, c.type(), cats));
    }
    return out;
  }

  /**
   * Saves the model package atomically, with a {@code .sha256} file beside it.
   *
   * @param file the package file
   * @return the SHA-256 (hex) of the package
   */
  public String save(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] pkg = toBytes();
    String sha = Sha256.ofBytes(pkg);
    AtomicFiles.write(file, pkg);
    AtomicFiles.writeString(file.resolveSibling(file.getFileName() + ".sha256"),
        sha + "  " + file.getFileName() + "\n");
    return sha;
  }

  /** Returns the package as bytes (see the class documentation for the format). */
  public byte[] toBytes() {
    byte[] modelBytes = model.toBytes();
    byte[] prep = preprocessor.toJson().getBytes(StandardCharsets.UTF_8);
    byte[] calib = calibration.map(Calibrator::toJson).orElse("{\"method\":\"none\"}")
        .getBytes(StandardCharsets.UTF_8);
    ObjectNode m = JSON.createObjectNode();
    m.put("format", FORMAT);
    m.put("label", label);
    m.put("positive", positive);
    m.put("backend", backend.id());
    ObjectNode p = m.putObject("params");
    params.asMap().forEach((k, v) -> p.put(k, String.valueOf(v)));
    m.put("threshold", threshold);
    ObjectNode met = m.putObject("metrics");
    metrics.forEach((k, v) -> {
      if (Double.isFinite(v)) {
        met.put(k, v);
      }
    });
    ArrayNode sig = m.putArray("signature");
    for (Input in : signature) {
      ObjectNode s = sig.addObject().put("name", in.name()).put("type", in.type().name());
      in.categories().forEach(s.putArray("categories")::add);
    }
    ArrayNode base = m.putArray("baseline");
    for (double b : baseline) {
      base.add(b);
    }
    try {
      m.set("provenance", JSON.readTree(provenance.toJson()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode sums = m.putObject("sha256");
    sums.put("model.bin", Sha256.ofBytes(modelBytes));
    sums.put("preprocess.json", Sha256.ofBytes(prep));
    sums.put("calibration.json", Sha256.ofBytes(calib));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "manifest.json", JSON.writeValueAsBytes(m));
      put(zip, "preprocess.json", prep);
      put(zip, "calibration.json", calib);
      put(zip, "model.bin", modelBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0); // reproducible bytes
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  /**
   * Loads a package saved by {@link #save}, verifying its checksum file (when present) and every
   * entry, with the backends on the class path.
   *
   * @throws StorageException when the file is missing, damaged or does not match its checksum
   */
  public static ChurnModel load(Path file) {
    return load(file, Backends.discover());
  }

  /** Loads a package with the given backends; see {@link #load(Path)}. */
  public static ChurnModel load(Path file, Backends backends) {
    byte[] pkg;
    try {
      pkg = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new StorageException("no model package at " + file, e);
    } catch (IOException e) {
      throw new StorageException("could not read " + file + ": " + e.getMessage(), e);
    }
    Path sidecar = file.resolveSibling(file.getFileName() + ".sha256");
    if (Files.exists(sidecar)) {
      try {
        String expected = Files.readString(sidecar).trim().split("\\s+")[0];
        String actual = Sha256.ofBytes(pkg);
        if (!actual.equals(expected)) {
          throw new StorageException(file + " does not match its checksum: expected " + expected
              + " but the file hashes to " + actual + "; the package is damaged or was replaced");
        }
      } catch (IOException e) {
        throw new StorageException("could not read " + sidecar, e);
      }
    }
    return fromBytes(pkg, file.toString(), backends);
  }

  /** Reads a package from bytes, verifying every entry. */
  public static ChurnModel fromBytes(byte[] pkg, String source, Backends backends) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pkg))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new StorageException(source + " is not a churn model package: " + e.getMessage(), e);
    }
    byte[] manifestBytes = entries.get("manifest.json");
    if (manifestBytes == null) {
      throw new StorageException(source + " is not a churn model package (no manifest.json)");
    }
    try {
      JsonNode m = JSON.readTree(manifestBytes);
      if (m.path("format").asInt() != FORMAT) {
        throw new StorageException(source + " has package format " + m.path("format").asInt()
            + " but this library reads format " + FORMAT);
      }
      for (String name : List.of("model.bin", "preprocess.json", "calibration.json")) {
        byte[] data = entries.get(name);
        String expected = m.path("sha256").path(name).asText();
        if (data == null || !Sha256.ofBytes(data).equals(expected)) {
          throw new StorageException(source + ": entry " + name
              + " is missing or does not match its SHA-256 in the manifest");
        }
      }
      ModelBackend backend = backends.get(m.get("backend").asText());
      Map<String, Object> given = new LinkedHashMap<>();
      m.get("params").fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue().asText()));
      Params params = Params.of(backend.parameters(), given);
      List<Input> signature = new ArrayList<>();
      for (JsonNode s : m.get("signature")) {
        List<String> cats = new ArrayList<>();
        s.path("categories").forEach(c -> cats.add(c.asText()));
        signature.add(new Input(s.get("name").asText(), ColumnType.valueOf(s.get("type").asText()),
            cats));
      }
      double[] baseline = new double[m.get("baseline").size()];
      for (int i = 0; i < baseline.length; i++) {
        baseline[i] = m.get("baseline").get(i).asDouble();
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      m.get("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(),
          e.getValue().asDouble()));
      return new ChurnModel(m.get("label").asText(), m.get("positive").asText(), signature,
          Preprocessor.fromJson(new String(entries.get("preprocess.json"), StandardCharsets.UTF_8)),
          backend, params, backend.read(entries.get("model.bin")),
          calibrator(new String(entries.get("calibration.json"), StandardCharsets.UTF_8)),
          baseline, m.get("threshold").asDouble(), metrics,
          Provenance.fromJson(JSON.writeValueAsString(m.get("provenance"))));
    } catch (IOException e) {
      throw new StorageException(source + ": damaged manifest: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof ChurnException) {
        throw e;
      }
      throw new StorageException(source + ": damaged package: " + e.getMessage(), e);
    }
  }

  private static Optional<Calibrator> calibrator(String json) throws IOException {
    return "none".equals(JSON.readTree(json).path("method").asText())
        ? Optional.empty() : Optional.of(Calibrator.fromJson(json));
  }

  /** Writes the package bytes to a stream (not closed), e.g. into a registry. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(toBytes());
  }

  @Override
  public String toString() {
    return "ChurnModel[" + backend.id() + " " + params + ", label " + label + "=" + positive
        + ", " + signature.size() + " inputs, threshold " + threshold + ", calibration "
        + calibration.map(c -> c.method()).map(String::valueOf).orElse("none") + "]";
  }
}
