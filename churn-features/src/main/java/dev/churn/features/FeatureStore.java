package dev.churn.features;

import dev.churn.core.ChurnException;
import dev.churn.core.io.ArrowIpc;
import dev.churn.core.provenance.Provenance;
import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import dev.churn.core.storage.WriterLock;
import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.IdColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import dev.churn.core.table.TableBuilder;
import dev.churn.features.internal.ArrowFeatureEngine;
import dev.churn.features.internal.CatalogCodec;
import dev.churn.features.spi.FeatureEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature store: one place that turns raw tables into features as of a date, so training
 * and scoring use the same features and nothing leaks from the future.
 *
 * <pre>{@code
 * try (FeatureStore store = FeatureStore.open(Path.of("churn-home"))) {
 *   store.source(EventSource.csv("user_logs", logs).entity("msno")
 *       .timestamp("date", DateFormat.YYYYMMDD));
 *   store.source(SnapshotSource.csv("members", members).entity("msno"));
 *   store.group(FeatureGroup.named("listening").from("user_logs")
 *       .window(Duration.ofDays(30), w -> w.sum("total_secs").mean("num_unq").count().distinctDays())
 *       .window(Duration.ofDays(7), w -> w.sum("num_100"))
 *       .trend("total_secs", Duration.ofDays(30))
 *       .recency());
 *   store.group(FeatureGroup.named("membership").from("members").columns("city", "bd"));
 *   store.materialize("listening", LocalDate.of(2017, 3, 1));
 *   try (Table train = store.trainingSet(cohort, "listening", "membership")) { ... }
 *   Optional<FeatureVector> v = store.online().get("msno-value");
 * }
 * }</pre>
 *
 * <h2>Storage and safety</h2>
 *
 * The store lives in {@code <home>/features}: one Arrow IPC partition per group version and as-of
 * date ({@code <group>/<version>/asof=2017-03-01/part-0.arrow}) and {@code catalog.json}. Every
 * file is written atomically; a write takes the store's {@link WriterLock}, re-reads the catalog
 * and commits it last, so a failure at any point (a bad source row, a full disk, an exception
 * from a callback) leaves the catalog and every earlier partition exactly as they were.
 * Partitions are verified against their SHA-256 when read.
 *
 * <h2>Point-in-time correctness</h2>
 *
 * Features as of a date {@code D} use only events dated strictly before {@code D}; {@link
 * #trainingSet} joins each cohort row to the features as of that row's own date.
 *
 * <p>Sources and groups are registered in code each time a store is opened; the catalog keeps
 * every version ever registered and all their materializations. A store instance is meant for
 * one thread at a time.
 */
public final class FeatureStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureStore.class);
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final BufferAllocator allocator;
  private final boolean ownsAllocator;
  private final Clock clock;
  private final FeatureEngine engine;
  private final Consumer<String> progress;
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, FeatureGroup> groups = new LinkedHashMap<>();
  /** Partition files replaced by the catalog change in progress, deleted once it commits. */
  private final List<Path> pendingDeletes = new ArrayList<>();
  private OnlineFeatures online;
  private boolean closed;

  private FeatureStore(Builder b) {
    this.dir = b.home.resolve("features");
    this.ownsAllocator = b.allocator == null;
    this.allocator =
        b.allocator == null
            ? new RootAllocator()
            : b.allocator.newChildAllocator("feature-store", 0, Long.MAX_VALUE);
    this.clock = b.clock;
    this.engine = findEngine(b.engine);
    this.progress = b.progress;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      allocator.close();
      throw new StorageException("could not create " + dir + ": " + e.getMessage(), e);
    }
    recover();
  }

  /**
   * Opens (creating if needed) the store under {@code home/features} with default settings.
   *
   * @param home the churn home directory
   * @return the store; close it
   */
  public static FeatureStore open(Path home) {
    return builder().home(home).open();
  }

  /** Returns a builder for a store with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the directory the store writes to ({@code home/features}). */
  public Path directory() {
    return dir;
  }

  /** Returns the allocator the store's tables come from. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /**
   * Registers a source under its name, replacing an earlier one of the same name.
   *
   * @param source the source
   * @return this store
   */
  public FeatureStore source(Source source) {
    checkOpen();
    sources.put(Objects.requireNonNull(source, "source").name(), source);
    return this;
  }

  /** Registers a feature group; see {@link #group(FeatureGroup)}. */
  public FeatureStore group(FeatureGroup.Builder group) {
    return group(group.build());
  }

  /**
   * Registers a feature group. If its definition is new, the catalog records a new version of
   * the group (and keeps the older versions and their materializations).
   *
   * @param group the definition
   * @return this store
   * @throws IllegalArgumentException when the group's source is not registered or has the
   *     wrong kind
   */
  public FeatureStore group(FeatureGroup group) {
    checkOpen();
    Objects.requireNonNull(group, "group");
    Source s = sources.get(group.source());
    if (s == null) {
      throw new IllegalArgumentException(
          "feature group '" + group.name() + "' reads source '" + group.source()
              + "', which is not registered; register it first with source(...); sources are "
              + sources.keySet());
    }
    if (group.isWindowed() != (s instanceof EventSource)) {
      throw new IllegalArgumentException(
          "feature group '" + group.name() + "' "
              + (group.isWindowed() ? "aggregates windows of events and needs an event source"
                  : "takes snapshot columns and needs a snapshot source")
              + ", but source '" + s.name() + "' is " + (s instanceof EventSource ? "an event"
                  : "a snapshot") + " source");
    }
    groups.put(group.name(), group);
    update(entries -> {
      Catalog.GroupEntry old = entries.get(group.name());
      List<Catalog.VersionEntry> versions = new ArrayList<>(old == null ? List.of() : old.versions());
      if (versions.stream().noneMatch(v -> v.version().equals(group.version()))) {
        versions.add(new Catalog.VersionEntry(group.version(), group.toJson(), clock.instant(),
            List.of()));
        LOG.info("feature group {} version {} registered", group.name(), group.version());
      }
      entries.put(group.name(), new Catalog.GroupEntry(group.name(), group.version(), versions));
    });
    return this;
  }

  /** Returns the registered definition of a group. */
  public FeatureGroup definition(String group) {
    FeatureGroup g = groups.get(Objects.requireNonNull(group, "group"));
    if (g == null) {
      throw new IllegalArgumentException(
          "no feature group '" + group + "' is registered; groups are " + groups.keySet());
    }
    return g;
  }

  /**
   * Computes a group's features as of a date and stores them as a partition with statistics.
   * If the current version already has a partition for that date, it is replaced (atomically: the
   * old one stays valid until the catalog points at the new one).
   *
   * @param group a registered group
   * @param asOf only data strictly before this date is used
   * @return the new materialization
   */
  public Materialization materialize(String group, LocalDate asOf) {
    checkOpen();
    FeatureGroup g = definition(group);
    Objects.requireNonNull(asOf, "asOf");
    long t0 = System.nanoTime();
    try (Table features = compute(g, asOf)) {
      List<FeatureStats> stats = FeatureStats.of(features);
      Provenance provenance = provenance(g, asOf);
      Materialization[] made = new Materialization[1];
      update(entries -> made[0] = writePartition(entries, g, asOf, features, stats, provenance));
      LOG.info("materialized {}@{} as of {}: {} rows in {} ms", g.name(), g.version(), asOf,
          features.rowCount(), (System.nanoTime() - t0) / 1_000_000);
      if (online != null) {
        online.invalidate();
      }
      return made[0];
    }
  }

  private Materialization writePartition(
      Map<String, Catalog.GroupEntry> entries, FeatureGroup g, LocalDate asOf, Table features,
      List<FeatureStats> stats, Provenance provenance) {
    Catalog.GroupEntry entry = entries.get(g.name());
    Catalog.VersionEntry version = entry.version(g.version()).orElseThrow();
    Optional<Materialization> previous = version.at(asOf);
    String partitionDir = g.name() + "/" + g.version() + "/asof=" + asOf;
    int n = 0;
    while (Files.exists(dir.resolve(partitionDir + "/part-" + n + ".arrow"))) {
      n++;
    }
    String rel = partitionDir + "/part-" + n + ".arrow";
    Path file = dir.resolve(rel);
    String sha = AtomicFiles.writeHashed(file, out -> ArrowIpc.write(features, out));
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      throw new StorageException("could not stat " + file, e);
    }
    Materialization m = new Materialization(g.name(), g.version(), asOf, rel, features.rowCount(),
        bytes, sha, clock.instant(), stats, provenance);
    List<Materialization> ms = new ArrayList<>(version.materializations());
    previous.ifPresent(ms::remove);
    ms.add(m);
    List<Catalog.VersionEntry> versions = new ArrayList<>(entry.versions());
    versions.set(versions.indexOf(version),
        new Catalog.VersionEntry(version.version(), version.definition(), version.registeredAt(),
            ms));
    entries.put(g.name(), new Catalog.GroupEntry(g.name(), entry.currentVersion(), versions));
    previous.ifPresent(p -> pendingDeletes.add(dir.resolve(p.path())));
    return m;
  }

  private Provenance provenance(FeatureGroup g, LocalDate asOf) {
    Source s = sources.get(g.source());
    Provenance.Builder p = Provenance.builder("FeatureStore.materialize")
        .parameter("group", g.name())
        .parameter("version", g.version())
        .parameter("asOf", asOf.toString())
        .parameter("engine", engine.id())
        .parameter("source", g.source())
        .clock(clock);
    if (s.origin() instanceof Source.CsvFile f) {
      p.input(s.name(), f.path());
    } else if (s.origin() instanceof Source.ArrowFile f) {
      p.input(s.name(), f.path());
    } else if (s.origin() instanceof Source.Streamed st) {
      p.parameter("source.origin", st.description());
    } else {
      p.parameter("source.origin", "in-memory table");
    }
    return p.build();
  }

  /**
   * Computes a group's features as of a date without storing them.
   *
   * @return one row per entity; the caller closes it
   */
  public Table compute(String group, LocalDate asOf) {
    checkOpen();
    return compute(definition(group), Objects.requireNonNull(asOf, "asOf"));
  }

  private Table compute(FeatureGroup g, LocalDate asOf) {
    return engine.compute(g, sources.get(g.source()), asOf, allocator, progress);
  }

  /**
   * Reads the stored partition of a group's current version as of a date, verifying its
   * checksum.
   *
   * @return the features, or empty when that date was not materialized; the caller closes it
   */
  public Optional<Table> read(String group, LocalDate asOf) {
    checkOpen();
    FeatureGroup g = definition(group);
    return catalog().find(g.name(), g.version(), asOf).map(this::read);
  }

  /**
   * Reads any materialization listed in the {@link #catalog()}, including those of older
   * versions, verifying its checksum.
   *
   * @param m a materialization of this store
   * @return the features; the caller closes it
   * @throws StorageException when the file is missing or does not match its checksum
   */
  public Table read(Materialization m) {
    checkOpen();
    Path file = dir.resolve(m.path());
    Sha256.verify(file, m.sha256());
    return ArrowIpc.read(file, allocator);
  }

  /**
   * Builds a point-in-time correct training set: each cohort row joined to the features of the
   * given groups as of that row's own date, as Feast's historical retrieval does. Stored
   * partitions are used where they exist; other dates are computed on the fly (not stored).
   *
   * <p>The cohort needs a column with role {@link ColumnRole#ENTITY} and a DATE column with role
   * {@link ColumnRole#TIMESTAMP} (the as-of date of the row); every cohort column is kept, the
   * features follow. A cohort entity absent from a group's features gets 0 for counting
   * aggregations and missing values otherwise (see {@link AggregationKind}).
   *
   * @param cohort entity, as-of date and usually the label
   * @param groupNames registered groups
   * @return the training set; the caller closes it
   */
  public Table trainingSet(Table cohort, String... groupNames) {
    checkOpen();
    Objects.requireNonNull(cohort, "cohort");
    if (groupNames.length == 0) {
      throw new IllegalArgumentException("trainingSet needs at least one feature group");
    }
    ColumnSpec entitySpec = cohort.schema().single(ColumnRole.ENTITY).orElseThrow(
        () -> new IllegalArgumentException("the cohort needs exactly one column with role ENTITY;"
            + " its schema is " + cohort.schema()));
    ColumnSpec asOfSpec = cohort.schema().single(ColumnRole.TIMESTAMP).orElseThrow(
        () -> new IllegalArgumentException("the cohort needs exactly one DATE column with role"
            + " TIMESTAMP (each row's as-of date); its schema is " + cohort.schema()));
    if (asOfSpec.type() != ColumnType.DATE) {
      throw new IllegalArgumentException("the cohort's TIMESTAMP column '" + asOfSpec.name()
          + "' is " + asOfSpec.type() + " but it must be DATE");
    }
    int rows = cohort.rowCount();
    String[] keys = new String[rows];
    Column entity = cohort.column(entitySpec.name());
    for (int r = 0; r < rows; r++) {
      keys[r] = entity.isMissing(r) ? null : entity.format(r);
    }
    DateColumn asOfs = cohort.date(asOfSpec.name());
    TreeSet<Integer> dates = new TreeSet<>();
    for (int r = 0; r < rows; r++) {
      if (asOfs.epochDay(r) == DateColumn.MISSING) {
        throw new IllegalArgumentException(
            "cohort row " + r + " has no as-of date in column '" + asOfSpec.name() + "'");
      }
      dates.add(asOfs.epochDay(r));
    }
    Set<String> names = new HashSet<>(cohort.schema().names());
    TableBuilder out = Table.builder(allocator);
    for (String groupName : groupNames) {
      FeatureGroup g = definition(groupName);
      for (String f : g.featureNames()) {
        if (!names.add(f)) {
          throw new IllegalArgumentException("feature '" + f + "' of group '" + g.name()
              + "' has the name of a cohort column or of another group's feature; rename it");
        }
      }
      joinGroup(g, keys, asOfs, dates, out);
    }
    try (Table features = out.build()) {
      return cohort.concatColumns(features);
    }
  }

  private void joinGroup(
      FeatureGroup g, String[] keys, DateColumn asOfs, TreeSet<Integer> dates, TableBuilder out) {
    int rows = keys.length;
    Map<String, Object> columns = new LinkedHashMap<>();
    Map<String, ColumnType> types = new HashMap<>();
    for (int day : dates) {
      LocalDate asOf = LocalDate.ofEpochDay(day);
      Optional<Materialization> stored = catalog().find(g.name(), g.version(), asOf);
      try (Table f = stored.isPresent() ? read(stored.get()) : compute(g, asOf)) {
        Map<String, Integer> index = indexOf(f);
        int[] at = new int[rows];
        for (int r = 0; r < rows; r++) {
          Integer i = asOfs.epochDay(r) == day && keys[r] != null ? index.get(keys[r]) : null;
          at[r] = i == null ? -1 : i;
        }
        for (String name : g.featureNames()) {
          Column c = f.column(name);
          types.putIfAbsent(name, c.type());
          Object arr = columns.computeIfAbsent(name, k -> newArray(c.type(), rows,
              zeroWhenEmpty(g, k)));
          for (int r = 0; r < rows; r++) {
            if (at[r] >= 0) {
              copyCell(c, at[r], arr, r);
            }
          }
        }
      }
    }
    for (String name : g.featureNames()) {
      addColumn(out, name, types.get(name), columns.get(name));
    }
  }

  private static boolean zeroWhenEmpty(FeatureGroup g, String feature) {
    return g.aggregations().stream()
        .anyMatch(a -> a.name().equals(feature) && a.kind().zeroWhenEmpty());
  }

  static Map<String, Integer> indexOf(Table features) {
    Column key = features.column(0);
    Map<String, Integer> index = new HashMap<>(features.rowCount() * 2);
    for (int r = 0; r < features.rowCount(); r++) {
      if (!key.isMissing(r)) {
        index.put(key.format(r), r);
      }
    }
    return index;
  }

  private static Object newArray(ColumnType type, int rows, boolean zero) {
    return switch (type) {
      case NUMERIC -> {
        double[] a = new double[rows];
        if (!zero) {
          java.util.Arrays.fill(a, Double.NaN);
        }
        yield a;
      }
      case DATE -> {
        int[] a = new int[rows];
        java.util.Arrays.fill(a, DateColumn.MISSING);
        yield a;
      }
      case BOOLEAN -> new Boolean[rows];
      case CATEGORICAL, ID -> new String[rows];
    };
  }

  private static void copyCell(Column c, int from, Object arr, int to) {
    if (c instanceof NumericColumn n) {
      ((double[]) arr)[to] = n.get(from);
    } else if (c instanceof DateColumn d) {
      ((int[]) arr)[to] = d.epochDay(from);
    } else if (c instanceof BooleanColumn b) {
      ((Boolean[]) arr)[to] = b.isMissing(from) ? null : b.get(from);
    } else if (c instanceof CategoricalColumn cc) {
      ((String[]) arr)[to] = cc.get(from).orElse(null);
    } else {
      ((String[]) arr)[to] = ((IdColumn) c).get(from).orElse(null);
    }
  }

  private static void addColumn(TableBuilder out, String name, ColumnType type, Object arr) {
    switch (type) {
      case NUMERIC -> out.numeric(name, (double[]) arr);
      case DATE -> out.dateEpochDays(name, (int[]) arr);
      case BOOLEAN -> out.bool(name, (Boolean[]) arr);
      case CATEGORICAL -> out.categorical(name, (String[]) arr);
      case ID -> out.id(name, (String[]) arr);
    }
  }

  /**
   * Returns the online view: the latest materialized features of every registered group,
   * served by entity in constant time.
   */
  public OnlineFeatures online() {
    checkOpen();
    if (online == null) {
      online = new OnlineFeatures(this);
    }
    return online;
  }

  List<FeatureGroup> groups() {
    return List.copyOf(groups.values());
  }

  /** Returns a snapshot of the catalog as it is on disk now. */
  public Catalog catalog() {
    checkOpen();
    return new Catalog(load());
  }

  private Path catalogFile() {
    return dir.resolve("catalog.json");
  }

  private Map<String, Catalog.GroupEntry> load() {
    Path f = catalogFile();
    if (!Files.exists(f)) {
      return new LinkedHashMap<>();
    }
    try {
      return new LinkedHashMap<>(CatalogCodec.read(Files.readString(f)));
    } catch (IOException e) {
      throw new StorageException("could not read " + f + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new StorageException(f + " is damaged: " + e.getMessage(), e);
    }
  }

  /** Applies a change to the catalog under the writer lock, committing it atomically. */
  private void update(Consumer<Map<String, Catalog.GroupEntry>> change) {
    pendingDeletes.clear();
    try (WriterLock lock = WriterLock.acquire(dir, LOCK_TIMEOUT)) {
      Map<String, Catalog.GroupEntry> entries = load();
      change.accept(entries);
      AtomicFiles.writeString(catalogFile(), CatalogCodec.write(entries));
      for (Path p : pendingDeletes) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.warn("could not delete replaced partition {}: {}", p, e.getMessage());
        }
      }
    } finally {
      pendingDeletes.clear();
    }
  }

  /** Removes temporary files and partitions the catalog does not reference (crash leftovers). */
  private void recover() {
    Optional<WriterLock> lock = WriterLock.tryAcquire(dir);
    if (lock.isEmpty()) {
      return; // another process is writing; it owns the leftovers
    }
    try (WriterLock held = lock.get()) {
      Set<Path> referenced = new HashSet<>();
      load().values().forEach(g -> g.versions().forEach(v -> v.materializations()
          .forEach(m -> referenced.add(dir.resolve(m.path()).normalize()))));
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.toList()) {
          String name = p.getFileName().toString();
          boolean orphan = name.endsWith(".arrow") && !referenced.contains(p.normalize());
          if (AtomicFiles.isTempFile(p) || orphan) {
            Files.deleteIfExists(p);
            LOG.info("removed leftover {}", p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not scan " + dir + ": " + e.getMessage(), e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this feature store was closed");
    }
  }

  /** Releases the online view and the store's memory. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (online != null) {
      online.invalidate();
    }
    allocator.close();
  }

  private static FeatureEngine findEngine(String id) {
    Map<String, FeatureEngine> found = new LinkedHashMap<>();
    var it = ServiceLoader.load(FeatureEngine.class).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        FeatureEngine e = it.next();
        FeatureEngine before = found.putIfAbsent(e.id(), e);
        if (before != null && before.getClass() != e.getClass()) {
          throw new ChurnException("two feature engines use the id '" + e.id() + "': "
              + before.getClass().getName() + " and " + e.getClass().getName());
        }
      } catch (ServiceConfigurationError err) {
        LOG.warn("a feature engine could not be loaded and is skipped: {}", err.getMessage());
      }
    }
    found.putIfAbsent(ArrowFeatureEngine.ID, new ArrowFeatureEngine());
    FeatureEngine e = found.get(id);
    if (e == null) {
      throw new ChurnException("no feature engine with id '" + id + "'; available: "
          + found.keySet() + ". Add the engine's jar to the classpath.");
    }
    return e;
  }

  /** Settings for opening a {@link FeatureStore}. */
  public static final class Builder {
    private Path home;
    private BufferAllocator allocator;
    private Clock clock = Clock.systemUTC();
    private String engine = ArrowFeatureEngine.ID;
    private Consumer<String> progress = line -> LOG.info("{}", line);

    private Builder() {}

    /** Sets the churn home directory (required). */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /**
     * Makes the store take memory from a child of this allocator instead of its own root
     * allocator.
     */
    public Builder allocator(BufferAllocator allocator) {
      this.allocator = Objects.requireNonNull(allocator, "allocator");
      return this;
    }

    /** Sets the clock for timestamps in the catalog and provenance (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Chooses the materialization engine by id (default {@code arrow}). */
    public Builder engine(String id) {
      this.engine = Objects.requireNonNull(id, "id");
      return this;
    }

    /** Receives progress lines of long computations (default: logged at INFO). */
    public Builder progress(Consumer<String> progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Opens the store, cleaning up leftovers of an interrupted write.
     *
     * @throws IllegalStateException when no home was set
     */
    public FeatureStore open() {
      if (home == null) {
        throw new IllegalStateException("home was not set; call home(path)");
      }
      return new FeatureStore(this);
    }
  }
}
